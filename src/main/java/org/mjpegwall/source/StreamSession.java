package org.mjpegwall.source;

import java.io.IOException;
import org.mjpegwall.source.internal.HttpExchange;
import org.mjpegwall.source.internal.MultipartParser;

/**
 * An MJPEG stream: reads the parts of a multipart response until it ends. A URL that answers with one
 * image instead is a snapshot URL; its image is read as {@link SnapshotSession} does and the loop polls it.
 */
final class StreamSession implements Session {
    @Override
    public End run(Context c) throws IOException {
        HttpExchange.Response r = c.open();
        if (r.singleImage()) {
            return SnapshotSession.readImage(c, r);
        }
        c.streaming(false);
        MultipartParser parser = new MultipartParser(r.body(), r.head().boundary(), c.maxFrameSize());
        while (!c.stopping() && parser.readPart(c.sink())) {
            // frames go to the sink
        }
        return End.CLOSED;
    }
}
