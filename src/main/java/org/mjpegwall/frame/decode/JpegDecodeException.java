package org.mjpegwall.frame.decode;

import java.io.IOException;

/** A frame that cannot be decoded, with the reason in words (never a crash: the next frame is decoded as usual). */
public final class JpegDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    public JpegDecodeException(String message) {
        super(message);
    }

    public JpegDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
