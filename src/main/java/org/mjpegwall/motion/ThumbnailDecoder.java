package org.mjpegwall.motion;

import java.io.IOException;

/**
 * Turns a JPEG into the tiny grey picture that motion is detected on: the luminance at about 1/8 of
 * the image's width and height ({@code ceil(w/8) × ceil(h/8)}), one pixel per 8×8 block.
 * An instance is used by one analyser at a time (implementations may keep per-decode state); it
 * writes into the image it is given when the size fits, so a camera's analysis allocates nothing per frame.
 *
 * <pre>{@code
 * GreyImage thumb = null;
 * for (byte[] jpeg : frames) {
 *     thumb = decoder.decode(jpeg, 0, jpeg.length, thumb);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ThumbnailDecoder {
    /**
     * Decodes {@code data[off, off + len)}.
     *
     * @param reuse an image to write into (resized as needed), or {@code null}
     * @return the thumbnail: {@code reuse} itself when it was given, else a new image
     * @throws JpegFormatException if the bytes are not a JPEG this decoder can read; the message says why
     * @throws IOException for other decoding failures
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    GreyImage decode(byte[] data, int off, int len, GreyImage reuse) throws IOException;
}
