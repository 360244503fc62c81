package org.mjpegwall.source.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code initial}, doubling up to {@code max}, each multiplied by a
 * jitter factor in [0.8, 1.2) (then capped) so that many cameras dropped at once do not reconnect in
 * step. {@link #reset()} after a healthy stream. Not thread-safe: used by the reader thread only.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random values in [0, 1); tests pass a fixed one */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max: " + initial + ", " + max);
        }
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the base, up to the cap. */
    public Duration next() {
        long base = initialNanos;
        for (int i = 0; i < attempt && base < maxNanos; i++) {
            base = Math.min(maxNanos, base * 2);
        }
        attempt++;
        double factor = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofNanos(Math.min(maxNanos, (long) (base * factor)));
    }

    /** Starts again from the initial delay. */
    public void reset() {
        attempt = 0;
    }
}
