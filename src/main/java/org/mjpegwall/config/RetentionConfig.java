package org.mjpegwall.config;

/**
 * How long the wall keeps its recordings and motion events (nested in {@link WallConfig} as {@code "retention"}):
 * the oldest go first once they are older than {@code keepDays} or the folder holds more than {@code maxBytes}.
 *
 * <p>Why out-of-range values are refused instead of brought into range (as {@link MotionConfig} does): this
 * setting deletes files, and a hand-edited {@code -1} or {@code 5} (meant as gigabytes) has no safe reading;
 * {@link ConfigStore} turns the refusal into a message in words.
 *
 * @param keepDays delete what is older than this many days; 0 = no age limit
 * @param maxBytes keep recordings (and, separately, events) under this many bytes; 0 = no quota
 */
public record RetentionConfig(int keepDays, long maxBytes) {
    /** The longest age limit taken: ten years. */
    public static final int MAX_DAYS = 3650;
    /** The smallest quota taken (a smaller one would delete nearly every recording): 100 MB. */
    public static final long MIN_BYTES = 100_000_000L;
    /** The largest quota taken: 1 PB. */
    public static final long MAX_BYTES = 1_000_000_000_000_000L;

    /**
     * A new wall keeps two weeks and has no quota: two weeks is long enough to look back after a holiday, and a
     * quota depends on the disk, which only the user knows.
     */
    public static final RetentionConfig DEFAULT = new RetentionConfig(14, 0);

    /** Keep everything: what a configuration written before this setting existed gets, so an update deletes nothing. */
    public static final RetentionConfig KEEP_ALL = new RetentionConfig(0, 0);

    public RetentionConfig {
        if (keepDays < 0 || keepDays > MAX_DAYS) {
            throw new IllegalArgumentException("keepDays is " + keepDays + "; it must be between 0 (keep every day) and "
                    + MAX_DAYS + " (ten years)");
        }
        if (maxBytes != 0 && (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES)) {
            throw new IllegalArgumentException("maxBytes is " + maxBytes + "; it must be 0 (no quota) or between "
                    + MIN_BYTES + " (100 MB) and " + MAX_BYTES + " (1 PB), in bytes");
        }
    }

    /** Whether anything is ever deleted. */
    public boolean limited() {
        return keepDays > 0 || maxBytes > 0;
    }
}
