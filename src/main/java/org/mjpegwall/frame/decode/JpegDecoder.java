package org.mjpegwall.frame.decode;

/**
 * Decodes JPEG frames at the scale they are drawn, into a caller-owned {@link OutputBuffer}.
 *
 * <p>An instance is not thread-safe and holds native state: use one per thread (or hand it between threads
 * with a happens-before edge), and close it when done. Decoding a corrupt or hostile frame throws
 * {@link JpegDecodeException}; the decoder stays usable for the next frame.
 *
 * <pre>{@code
 * try (JpegDecoder decoder = JpegDecoders.open()) {
 *     OutputBuffer pixels = new OutputBuffer();
 *     Decoded d = decoder.decode(jpeg, 0, jpeg.length, 240, 180, PixelLayout.BGRA, pixels);
 *     // d.width() x d.height() BGRA pixels in d.pixels(), at least 240 wide or 180 high
 * }
 * }</pre>
 */
public interface JpegDecoder extends AutoCloseable {
    /**
     * Decodes {@code len} bytes of {@code data} from {@code off} to be drawn within {@code maxWidth}×{@code
     * maxHeight} device pixels (see {@link DecodePlan#of}); 0 in either for the full size.
     *
     * @throws JpegDecodeException if the bytes are not a decodable JPEG, or state a size above the limits
     * @throws IndexOutOfBoundsException if the range is outside the array
     * @throws IllegalStateException if the decoder is closed, or used by two threads at once
     */
    Decoded decode(byte[] data, int off, int len, int maxWidth, int maxHeight, PixelLayout layout, OutputBuffer out)
            throws JpegDecodeException;

    /** Which implementation this is, for logs and benchmarks: "libjpeg-turbo" or "ImageIO". */
    String name();

    /** Frees the native state; further decodes throw. */
    @Override
    void close();
}
