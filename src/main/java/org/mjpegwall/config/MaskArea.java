package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An area of a camera's picture where motion is ignored, as saved: a polygon of 3 to 64 corners
 * {@code [x, y]} in normalised coordinates (0..1 from the top-left), the same JSON as the detector's
 * masks. Corners outside 0..1 are clamped; fewer than three usable corners make the area empty, and an
 * empty area is dropped by {@link MotionConfig}.
 *
 * @param points the corners, in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaskArea(List<double[]> points) {
    public static final int MAX_POINTS = 64;

    @JsonCreator
    public MaskArea(@JsonProperty("points") List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        if (points != null) {
            for (double[] p : points) {
                if (p != null && p.length == 2 && !Double.isNaN(p[0]) && !Double.isNaN(p[1]) && kept.size() < MAX_POINTS) {
                    kept.add(new double[] {clamp(p[0]), clamp(p[1])});
                }
            }
        }
        this.points = kept.size() < 3 ? List.of() : List.copyOf(kept);
    }

    /** The rectangle from (x, y) of the given size, normalised. */
    public static MaskArea rectangle(double x, double y, double width, double height) {
        return new MaskArea(List.of(new double[] {x, y}, new double[] {x + width, y},
                new double[] {x + width, y + height}, new double[] {x, y + height}));
    }

    /** True when fewer than three corners were usable. */
    public boolean empty() {
        return points.isEmpty();
    }

    /** The corners, as copies (the record's own arrays stay unchanged). */
    @Override
    public List<double[]> points() {
        return points.stream().map(double[]::clone).toList();
    }

    /** The bounding box {@code [x, y, width, height]}, for drawing. */
    public double[] bounds() {
        double x0 = 1;
        double y0 = 1;
        double x1 = 0;
        double y1 = 0;
        for (double[] p : points) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return points.isEmpty() ? new double[4] : new double[] {x0, y0, x1 - x0, y1 - y0};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskArea m && Arrays.deepEquals(points.toArray(), m.points.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(points.toArray());
    }

    @Override
    public String toString() {
        return "MaskArea" + points.stream().map(Arrays::toString).toList();
    }
}
