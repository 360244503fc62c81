package org.mjpegwall.server;

/** Events per second over a window of about one second; decays to zero when events stop. */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStart = System.nanoTime(); // guarded by this
    private long count; // guarded by this
    private double rate; // guarded by this

    synchronized void mark() {
        long now = System.nanoTime();
        count++;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            rate = count * 1e9 / elapsed;
            count = 0;
            windowStart = now;
        }
    }

    synchronized double rate() {
        long elapsed = System.nanoTime() - windowStart;
        // Why: with no events for two windows the last rate is stale; report what the open window shows.
        return elapsed >= 2 * WINDOW_NANOS ? count * 1e9 / elapsed : rate;
    }
}
