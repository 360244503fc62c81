package org.mjpegwall.motion;

import java.io.IOException;

/** A JPEG that cannot be turned into a thumbnail: damaged, cut short, too large, or of a kind not supported. */
public class JpegFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public JpegFormatException(String message) {
        super(message);
    }

    public JpegFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
