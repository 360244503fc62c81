package org.mjpegwall.motion;

/**
 * A small grey picture: one byte (0..255) per pixel, rows top to bottom, {@code width} bytes per row.
 * Mutable and reused from frame to frame, so analysing a camera allocates nothing per frame; the pixel
 * array may be longer than {@code width * height} after a size change.
 */
public final class GreyImage {
    private int width;
    private int height;
    private byte[] pixels;

    /**
     * @throws IllegalArgumentException if a side is below 1 or the image would pass {@link Integer#MAX_VALUE} pixels
     */
    public GreyImage(int width, int height) {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        this.pixels = new byte[width * height];
    }

    /** {@code old} resized to {@code width × height} (its array kept when large enough), or a new image if {@code old} is null. */
    public static GreyImage reuse(GreyImage old, int width, int height) {
        if (old == null) {
            return new GreyImage(width, height);
        }
        checkSize(width, height);
        if (old.pixels.length < width * height) {
            old.pixels = new byte[width * height];
        }
        old.width = width;
        old.height = height;
        return old;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel array, shared (not copied): row {@code y} starts at {@code y * width()}. */
    public byte[] pixels() {
        return pixels;
    }

    /** The pixel at (x, y), 0..255. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    public void set(int x, int y, int value) {
        pixels[y * width + x] = (byte) Math.max(0, Math.min(255, value));
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "x" + height + "]";
    }
}
