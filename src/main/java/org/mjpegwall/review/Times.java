package org.mjpegwall.review;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Moments on a recording's clock as people write them: seconds ({@code 75.5}) or {@code [h:]mm:ss[.fff]}. */
public final class Times {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,6}):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d{1,9})?)");
    private static final long MAX_NANOS = 100_000L * 3600 * 1_000_000_000L;

    private Times() {
    }

    /**
     * Parses a moment to nanoseconds.
     *
     * @throws IllegalArgumentException with a message in words for anything else
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = CLOCK.matcher(t);
        long nanos;
        if (SECONDS.matcher(t).matches()) {
            nanos = seconds(t);
        } else if (m.matches()) {
            long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long minutes = Long.parseLong(m.group(2));
            if (minutes >= 60 || seconds(m.group(3)) >= 60_000_000_000L) {
                throw new IllegalArgumentException("'" + text + "' is not a time: minutes and seconds go up to 59");
            }
            nanos = (hours * 3600 + minutes * 60) * 1_000_000_000L + seconds(m.group(3));
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a time: write seconds (75.5) or hh:mm:ss"
                    + " (00:01:15.5) from the start of the first file");
        }
        if (nanos > MAX_NANOS) {
            throw new IllegalArgumentException("'" + text + "' is too far for a recording");
        }
        return nanos;
    }

    /** {@code h:mm:ss.fff}. */
    public static String format(long nanos) {
        long ms = Math.round(nanos / 1e6);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    private static long seconds(String s) {
        int dot = s.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long frac = 0;
        if (dot >= 0) {
            String f = (s.substring(dot + 1) + "000000000").substring(0, 9);
            frac = Long.parseLong(f);
        }
        return whole * 1_000_000_000L + frac;
    }
}
