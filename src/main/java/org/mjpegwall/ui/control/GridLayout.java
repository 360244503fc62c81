package org.mjpegwall.ui.control;

/** Pure layout arithmetic of the wall: how many columns fit best, and where a letterboxed image goes. */
public final class GridLayout {
    private GridLayout() {
    }

    /**
     * The column count that makes each camera image largest for {@code n} tiles in a
     * {@code width}×{@code height} area when images have the given aspect ratio (width / height).
     * Ties go to fewer columns, so 4 cameras in a square window give 2×2.
     */
    public static int bestColumns(int n, double width, double height, double aspect) {
        if (n <= 1 || width <= 0 || height <= 0) {
            return 1;
        }
        int best = 1;
        double bestArea = -1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double tileW = width / cols;
            double tileH = height / rows;
            double imageW = Math.min(tileW, tileH * aspect);
            double area = imageW * (imageW / aspect);
            if (area > bestArea * 1.0001) {
                bestArea = area;
                best = cols;
            }
        }
        return best;
    }

    public static int rows(int n, int columns) {
        return Math.max(1, (n + columns - 1) / Math.max(1, columns));
    }

    /**
     * The size of an image of {@code imageW}×{@code imageH} scaled to fit a box, keeping its aspect
     * ratio: {@code [width, height]}.
     */
    public static double[] fit(double imageW, double imageH, double boxW, double boxH) {
        if (imageW <= 0 || imageH <= 0 || boxW <= 0 || boxH <= 0) {
            return new double[] {0, 0};
        }
        double scale = Math.min(boxW / imageW, boxH / imageH);
        return new double[] {imageW * scale, imageH * scale};
    }
}
