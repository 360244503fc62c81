package org.mjpegwall.motion;

/**
 * A rectangle in normalised picture coordinates: (0, 0) is the top-left corner, (1, 1) the bottom-right,
 * so it holds at any resolution.
 *
 * @param x left edge, 0..1
 * @param y top edge, 0..1
 * @param width 0..1
 * @param height 0..1
 */
public record Box(double x, double y, double width, double height) {
    public Box {
        if (!(x >= 0 && y >= 0 && width >= 0 && height >= 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException("box outside 0..1: " + x + "," + y + " " + width + "x" + height);
        }
    }

    public double area() {
        return width * height;
    }

    /** The smallest box holding both. */
    public Box union(Box o) {
        double x0 = Math.min(x, o.x);
        double y0 = Math.min(y, o.y);
        return new Box(x0, y0, Math.max(x + width, o.x + o.width) - x0, Math.max(y + height, o.y + o.height) - y0);
    }

    /** True if the point lies inside or on the edge. */
    public boolean contains(double px, double py) {
        return px >= x && py >= y && px <= x + width && py <= y + height;
    }
}
