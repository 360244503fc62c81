package org.mjpegwall.motion;

/**
 * A well-formed JPEG of a kind the DC decoder does not read (progressive, arithmetic-coded, 12-bit,
 * CMYK, RGB-coded, a first scan without luminance); {@link DcThumbnailDecoder} hands these to its fallback.
 */
public final class UnsupportedJpegException extends JpegFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedJpegException(String message) {
        super(message);
    }
}
