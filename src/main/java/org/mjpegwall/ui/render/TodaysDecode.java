package org.mjpegwall.ui.render;

/**
 * The wall's decode as it is today, for {@code bench-decode} to compare with libjpeg-turbo: exactly
 * {@link FrameDecoder#decodePixels} (JavaFX {@code Image} at the requested size, then {@code getPixels} into the
 * tile's BGRA bytes). Not thread-safe: one per thread.
 */
public final class TodaysDecode {
    private final FrameDecoder decoder = new FrameDecoder();

    /**
     * Decodes a frame to be drawn within {@code maxWidth}×{@code maxHeight} (0 for full size).
     *
     * @return the decoded picture's width and height, or {@code null} for a frame JavaFX cannot decode
     */
    public int[] decode(byte[] data, int len, int maxWidth, int maxHeight) {
        FrameDecoder.Decoded d = decoder.decodePixels(data, len, maxWidth, maxHeight, 0, true);
        return d.ok() ? new int[] {d.width(), d.height()} : null;
    }
}
