package org.mjpegwall.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The wire form of an MJPEG stream: one multipart/x-mixed-replace part per JPEG frame. */
final class Multipart {
    static final String BOUNDARY = "mjpegwallframe";
    static final String CONTENT_TYPE = "multipart/x-mixed-replace;boundary=" + BOUNDARY;
    private static final byte[] CRLF = {'\r', '\n'};

    private Multipart() {
    }

    /** The delimiter and headers that precede a JPEG of the given length. */
    static byte[] partHeader(int length) {
        return ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes one part and flushes, so the viewer sees the frame at once. */
    static void writePart(OutputStream out, byte[] header, byte[] jpeg) throws IOException {
        out.write(header);
        out.write(jpeg);
        out.write(CRLF);
        out.flush();
    }
}
