package org.mjpegwall.frame.decode;

import java.nio.ByteBuffer;

/**
 * Brings a decoded 4-byte-per-pixel picture (BGRA) down to the exact size it is drawn at, by nearest neighbour, into
 * memory the caller owns and reuses. Written by hand because no library does this on our buffers without allocating:
 * it is two index tables and a copy loop.
 *
 * <p>Why at all, when the scene graph could scale: the wall runs on JavaFX's software pipeline, which draws a scaled
 * image pixel by pixel through its texture sampler on its single render thread, while a picture drawn at its own size
 * is copied row by row. Doing the last step here moves that work onto the decode workers (both cores) and leaves the
 * render thread a copy. The picture is the same: the wall's tiles are drawn without smoothing, which is nearest
 * neighbour too. The DCT factor still does the bulk of the reduction; this only bridges the rest (at most half).
 *
 * <p>Not thread-safe: one per tile, used by the tile's one decode at a time.
 */
public final class NearestFit {
    private int[] columns = new int[0]; // byte offset in a source row of each target column
    private int[] rows = new int[0]; // source row of each target row
    private int srcW;
    private int srcH;

    /**
     * The size a {@code sourceWidth}×{@code sourceHeight} picture is drawn at inside a {@code boxWidth}×{@code
     * boxHeight} box keeping its aspect ratio, rounded to whole pixels: {@code {width, height}}, each at least 1.
     * Fitting that size into the same box again gives that size back, so the tile draws it 1:1.
     */
    public static int[] fitted(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        double scale = Math.min((double) boxWidth / sourceWidth, (double) boxHeight / sourceHeight);
        return new int[] {Math.max(1, (int) Math.round(sourceWidth * scale)),
            Math.max(1, (int) Math.round(sourceHeight * scale))};
    }

    /**
     * Writes the {@code width}×{@code height} nearest-neighbour reduction of {@code src} (a {@code srcWidth}×{@code
     * srcHeight} picture, {@code srcStride} bytes a row, 4 bytes a pixel) into {@code dst} from position 0, rows
     * packed ({@code width * 4} bytes each). Each target pixel takes the source pixel under its centre.
     *
     * @throws IllegalArgumentException if the target is empty or larger than the source, or a buffer is too small
     */
    public void resample(ByteBuffer src, int srcWidth, int srcHeight, int srcStride, ByteBuffer dst, int width,
            int height) {
        if (width < 1 || height < 1 || width > srcWidth || height > srcHeight) {
            throw new IllegalArgumentException(
                    "cannot fit " + srcWidth + "x" + srcHeight + " into " + width + "x" + height + " by reduction");
        }
        if ((long) srcStride * (srcHeight - 1) + srcWidth * 4L > src.limit() || (long) width * height * 4 > dst.limit()) {
            throw new IllegalArgumentException("a buffer is smaller than its picture");
        }
        tables(srcWidth, srcHeight, width, height);
        int[] cols = columns;
        int d = 0;
        for (int y = 0; y < height; y++) {
            int rowStart = rows[y] * srcStride;
            for (int x = 0; x < width; x++) {
                dst.putInt(d, src.getInt(rowStart + cols[x]));
                d += 4;
            }
        }
    }

    private void tables(int sw, int sh, int w, int h) {
        if (columns.length == w && rows.length == h && srcW == sw && srcH == sh) {
            return;
        }
        columns = new int[w];
        for (int x = 0; x < w; x++) {
            columns[x] = centre(x, sw, w) * 4;
        }
        rows = new int[h];
        for (int y = 0; y < h; y++) {
            rows[y] = centre(y, sh, h);
        }
        srcW = sw;
        srcH = sh;
    }

    /** The source index under the centre of target index {@code i}: floor((i + ½) × from / to). */
    private static int centre(int i, int from, int to) {
        return (int) Math.min(from - 1, ((2L * i + 1) * from) / (2L * to));
    }
}
