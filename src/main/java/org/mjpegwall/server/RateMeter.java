package org.mjpegwall.server;

import java.util.function.LongSupplier;

/** Events per second over windows of about one second; zero once events have stopped for two seconds. */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long FIRST_ESTIMATE_NANOS = 250_000_000L;

    private final LongSupplier clock;
    private boolean started; // guarded by this
    private boolean hasRate; // guarded by this
    private long windowStart; // guarded by this
    private long lastEvent; // guarded by this
    private long count; // guarded by this: events after windowStart
    private double rate; // guarded by this

    RateMeter() {
        this(System::nanoTime);
    }

    /** @param clock nanosecond time source; tests pass fake time */
    RateMeter(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized void mark() {
        long now = clock.getAsLong();
        lastEvent = now;
        if (!started) {
            // Why: the window starts at the first event, so a stream that starts late is not averaged with the wait.
            started = true;
            windowStart = now;
            return;
        }
        count++;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            rate = count * 1e9 / elapsed;
            hasRate = true;
            count = 0;
            windowStart = now;
        }
    }

    synchronized double rate() {
        if (!started) {
            return 0;
        }
        long now = clock.getAsLong();
        if (now - lastEvent >= 2 * WINDOW_NANOS) {
            return 0; // stopped: the last rate is stale
        }
        long elapsed = now - windowStart;
        if (!hasRate) {
            return elapsed >= FIRST_ESTIMATE_NANOS ? count * 1e9 / elapsed : 0;
        }
        // A window overdue by a second means events slowed down: the open window tells more than the last one.
        return elapsed >= 2 * WINDOW_NANOS ? count * 1e9 / elapsed : rate;
    }
}
