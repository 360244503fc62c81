package org.mjpegwall.source;

import java.io.IOException;
import org.mjpegwall.source.internal.HttpExchange;
import org.mjpegwall.source.internal.MultipartParser;

/**
 * One poll of a snapshot URL: one request, one image. A URL that answers with an MJPEG stream instead
 * gives its first frame, and the connection is closed: the camera is then polled as the user asked,
 * one frame per interval, rather than streamed.
 */
final class SnapshotSession implements Session {
    @Override
    public End run(Context c) throws IOException {
        HttpExchange.Response r = c.open();
        if (r.singleImage()) {
            return readImage(c, r);
        }
        c.streaming(true);
        MultipartParser parser = new MultipartParser(r.body(), r.head().boundary(), c.maxFrameSize());
        long before = c.framesSeen();
        while (!c.stopping() && c.framesSeen() == before) {
            if (!parser.readPart(c.sink())) {
                return End.CLOSED; // the stream ended before its first frame
            }
        }
        return End.POLLED;
    }

    /** Reads a response that is one image (its length known, or up to the end of the connection). */
    static End readImage(Context c, HttpExchange.Response r) throws IOException {
        c.streaming(true);
        new MultipartParser(r.body(), null, c.maxFrameSize()).readWholeBody(c.sink(), r.imageLength());
        return End.POLLED;
    }
}
