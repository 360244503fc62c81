package org.mjpegwall.server;

/**
 * When a viewer's next frame may go: the per-viewer frame-rate cap, and a repeat of the last frame while the camera
 * is silent. Pure arithmetic on nanosecond times, so tests drive it with fake time; one per viewer, on its thread.
 */
final class StreamPacer {
    private final long minIntervalNanos;
    private final long resendNanos;
    private long nextAllowed;
    private long lastSent;

    /**
     * @param minIntervalNanos the shortest average time between frames; 0 for no cap
     * @param resendNanos how long the camera may be silent before the last frame goes again
     * @param now the time the stream starts
     */
    StreamPacer(long minIntervalNanos, long resendNanos, long now) {
        this.minIntervalNanos = minIntervalNanos;
        this.resendNanos = resendNanos;
        this.nextAllowed = now;
        this.lastSent = now;
    }

    /** How long to wait before the next frame may go; 0 if it may go now. */
    long waitNanos(long now) {
        return minIntervalNanos > 0 ? Math.max(0, nextAllowed - now) : 0;
    }

    /** Whether the camera has been silent long enough that the last frame should go again. */
    boolean resendDue(long now) {
        return now - lastSent >= resendNanos;
    }

    /** A frame went at {@code now}. */
    void sent(long now) {
        lastSent = now;
        // Never faster than the cap over time, never two frames closer than 3/4 of the interval, yet a frame that
        // arrives a little late does not push every later frame back.
        nextAllowed = Math.max(nextAllowed + minIntervalNanos, now + minIntervalNanos * 3 / 4);
    }
}
