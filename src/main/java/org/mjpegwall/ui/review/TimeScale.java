package org.mjpegwall.ui.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's mapping between a stretch of the day's clock and pixels, with its ticks: every hour labelled,
 * finer ticks between as room allows. Immutable; no JavaFX (tested without a toolkit).
 */
public record TimeScale(long fromNanos, long toNanos, double width) {
    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** The narrowest stretch shown: ten seconds (a clip around motion is a few seconds long). */
    static final long MIN_SPAN = 10_000_000_000L;
    private static final long[] STEPS = {SECOND, 5 * SECOND, 10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR,
        3 * HOUR, 6 * HOUR};
    private static final double MIN_TICK_GAP = 14;
    private static final double MIN_LABEL_GAP = 70;

    /** A tick: its moment, and its label ({@code null}: unlabelled). */
    public record Tick(long nanos, String label) {
    }

    public TimeScale {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("the scale must end after it starts");
        }
    }

    /**
     * The stretch that shows a day's recordings: from a little before the first to a little after the last (a
     * tenth of their stretch, at least a minute, on whole minutes), at least ten minutes; the whole day when there
     * is nothing. The wheel zooms out to the whole day.
     */
    public static TimeScale around(long first, long last, double width) {
        if (last <= first) {
            return new TimeScale(0, DAY, width);
        }
        long pad = Math.max(MINUTE, (last - first) / 10);
        long from = Math.max(0, (first - pad) / MINUTE * MINUTE);
        long to = Math.min(DAY, (last + pad + MINUTE - 1) / MINUTE * MINUTE);
        if (to - from < 10 * MINUTE) {
            long mid = (from + to) / 2 / MINUTE * MINUTE;
            from = Math.max(0, Math.min(DAY - 10 * MINUTE, mid - 5 * MINUTE));
            to = from + 10 * MINUTE;
        }
        return new TimeScale(from, to, width);
    }

    public TimeScale withWidth(double w) {
        return new TimeScale(fromNanos, toNanos, w);
    }

    public long span() {
        return toNanos - fromNanos;
    }

    /** The x of a moment (may lie outside 0..width). */
    public double x(long nanos) {
        return (nanos - fromNanos) * width / span();
    }

    /** The moment at x, within the stretch shown. */
    public long nanos(double x) {
        double f = Math.max(0, Math.min(1, width <= 0 ? 0 : x / width));
        return fromNanos + Math.round(f * span());
    }

    /**
     * Zoomed by {@code factor} (below 1: closer) keeping the moment at {@code x} under it, within the day and no
     * narrower than ten seconds.
     */
    public TimeScale zoom(double factor, double x) {
        long at = nanos(x);
        long span = Math.max(MIN_SPAN, Math.min(DAY, Math.round(span() * factor)));
        double f = width <= 0 ? 0.5 : Math.max(0, Math.min(1, x / width));
        long from = at - Math.round(f * span);
        from = Math.max(0, Math.min(from, DAY - span));
        return new TimeScale(from, from + span, width);
    }

    /** The ticks to draw: the finest step that leaves room between them, labelled where there is room for a label. */
    public List<Tick> ticks() {
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s * width / span() >= MIN_TICK_GAP) {
                step = s;
                break;
            }
        }
        long labelStep = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s % step == 0 && s * width / span() >= MIN_LABEL_GAP) {
                labelStep = s;
                break;
            }
        }
        List<Tick> out = new ArrayList<>();
        for (long t = (fromNanos + step - 1) / step * step; t <= toNanos; t += step) {
            out.add(new Tick(t, t % labelStep == 0 ? label(t) : null));
        }
        return out;
    }

    /** {@code 14:00}, {@code 14:05}; {@code 14:00:05} for a tick between minutes. */
    static String label(long nanos) {
        long minutes = nanos / MINUTE;
        long seconds = nanos / SECOND % 60;
        return seconds == 0 ? String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60)
                : String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", minutes / 60, minutes % 60, seconds);
    }
}
