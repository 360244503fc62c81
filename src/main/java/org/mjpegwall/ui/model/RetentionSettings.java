package org.mjpegwall.ui.model;

import org.mjpegwall.config.RetentionConfig;

/**
 * The retention form ("keep N days, at most G GB"), checked: a setting to save, or what is wrong in words.
 *
 * @param config the setting, or {@code null}
 * @param problem why the form cannot be saved, or {@code null}
 */
public record RetentionSettings(RetentionConfig config, String problem) {
    /** A gigabyte as disks count it (what a file manager and a disk's label say). */
    public static final long GB = 1_000_000_000L;
    /** The largest quota the form takes, in GB (1 PB). */
    public static final int MAX_GB = (int) (RetentionConfig.MAX_BYTES / GB);

    /** Checks the fields as typed: whole days (0: no age limit) and whole gigabytes (0: no quota). */
    public static RetentionSettings check(String days, String gigabytes) {
        Long d = whole(days);
        if (d == null || d < 0 || d > RetentionConfig.MAX_DAYS) {
            return new RetentionSettings(null, "Days must be a whole number from 0 (keep every day) to "
                    + RetentionConfig.MAX_DAYS + ".");
        }
        Long g = whole(gigabytes);
        if (g == null || g < 0 || g > MAX_GB) {
            return new RetentionSettings(null, "The quota must be a whole number of GB from 0 (no quota) to " + MAX_GB + ".");
        }
        return new RetentionSettings(new RetentionConfig(d.intValue(), g * GB), null);
    }

    /** The quota of a setting in whole GB, for the form (a hand-edited quota is rounded up: never smaller). */
    public static long gigabytes(RetentionConfig r) {
        return (r.maxBytes() + GB - 1) / GB;
    }

    private static Long whole(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
