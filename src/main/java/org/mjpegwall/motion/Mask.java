package org.mjpegwall.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An area where motion is ignored (a clock, a tree, a street): a polygon in normalised picture
 * coordinates (0..1, origin top-left), so it survives a change of resolution. A rectangle is a
 * polygon of four points. A thumbnail pixel is masked when its centre lies inside (even-odd rule).
 *
 * @param points the corners, in order, {@code [x, y]} each; at least three
 */
public record Mask(List<double[]> points) {
    /** Most corners a mask may have. */
    public static final int MAX_POINTS = 64;

    public Mask {
        Objects.requireNonNull(points, "points");
        if (points.size() < 3 || points.size() > MAX_POINTS) {
            throw new IllegalArgumentException("a mask needs 3 to " + MAX_POINTS + " corners, not " + points.size());
        }
        List<double[]> copy = new ArrayList<>(points.size());
        for (double[] p : points) {
            if (p == null || p.length != 2 || !(p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1)) {
                throw new IllegalArgumentException("mask corners must be pairs of numbers between 0 and 1");
            }
            copy.add(p.clone());
        }
        points = List.copyOf(copy);
    }

    /** The rectangle from (x, y) of the given size. */
    public static Mask rectangle(double x, double y, double width, double height) {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a mask rectangle needs a positive width and height");
        }
        return new Mask(List.of(new double[] {x, y}, new double[] {x + width, y},
                new double[] {x + width, y + height}, new double[] {x, y + height}));
    }

    /**
     * Reads a mask as written on the command line: {@code x,y,w,h} for a rectangle, or
     * {@code x1,y1;x2,y2;x3,y3;...} for a polygon, all between 0 and 1.
     *
     * @throws IllegalArgumentException with the reason in words
     */
    public static Mask parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.length() > 4096) {
            throw new IllegalArgumentException("mask too long");
        }
        try {
            if (!t.contains(";")) {
                double[] v = numbers(t.split(",", -1), 4, t);
                return rectangle(v[0], v[1], v[2], v[3]);
            }
            List<double[]> pts = new ArrayList<>();
            for (String pair : t.split(";", -1)) {
                pts.add(numbers(pair.split(",", -1), 2, t));
            }
            return new Mask(pts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad mask \"" + t + "\": " + e.getMessage()
                    + " (write x,y,w,h or x1,y1;x2,y2;x3,y3, numbers between 0 and 1)", e);
        }
    }

    private static double[] numbers(String[] parts, int count, String whole) {
        if (parts.length != count) {
            throw new IllegalArgumentException("expected " + count + " numbers");
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + parts[i].strip() + "\" is not a number");
            }
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException(parts[i].strip() + " is not between 0 and 1");
            }
        }
        return v;
    }

    /** True if the normalised point lies inside the polygon (even-odd rule). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        int n = points.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double[] a = points.get(i);
            double[] b = points.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && java.util.Arrays.deepEquals(points.toArray(), m.points.toArray());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(points.toArray());
    }

    /** The polygon in {@link #parse} form. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (double[] p : points) {
            b.append(b.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%s,%s", num(p[0]), num(p[1])));
        }
        return b.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
