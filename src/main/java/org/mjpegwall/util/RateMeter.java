package org.mjpegwall.util;

import java.util.function.LongSupplier;

/**
 * Frames (or any events) and bytes per second over a sliding window of fixed buckets (no allocation per
 * event): the one rate meter of the program. Times are given explicitly ({@link #recordFrame(long)},
 * {@link #fps(long)}), or read from the meter's own clock ({@link #mark()}, {@link #rate()}) when it was
 * made with one. Thread-safe: one thread records, any thread reads.
 */
public final class RateMeter {
    private static final int BUCKETS = 10;
    private final long bucketNanos;
    private final LongSupplier clock;
    // guarded by this
    private final long[] frames = new long[BUCKETS];
    private final long[] bytes = new long[BUCKETS];
    private long currentBucket = Long.MIN_VALUE; // bucket index (time / bucketNanos) of slot current % BUCKETS
    private long startNanos = Long.MIN_VALUE;

    /** @param windowNanos width of the window, split into {@value #BUCKETS} buckets */
    public RateMeter(long windowNanos) {
        this(windowNanos, null);
    }

    /**
     * A meter that reads the time itself, for {@link #mark()} and {@link #rate()}.
     *
     * @param windowNanos width of the window, split into {@value #BUCKETS} buckets
     * @param clock monotonic nanoseconds, for example {@code TimeSource::nanoTime}; tests pass fake time
     */
    public RateMeter(long windowNanos, LongSupplier clock) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        this.clock = clock;
    }

    /** Records one event now (a meter made with a clock). */
    public void mark() {
        recordFrame(now());
    }

    /** Events per second now over the window (a meter made with a clock); 0 once events stopped for a window. */
    public double rate() {
        return fps(now());
    }

    private long now() {
        if (clock == null) {
            throw new IllegalStateException("this meter has no clock: pass the time to recordFrame and fps");
        }
        return clock.getAsLong();
    }

    public synchronized void recordFrame(long nowNanos) {
        advance(nowNanos);
        frames[(int) Math.floorMod(currentBucket, BUCKETS)]++;
    }

    public synchronized void recordBytes(long nowNanos, long n) {
        advance(nowNanos);
        bytes[(int) Math.floorMod(currentBucket, BUCKETS)] += n;
    }

    /** Frames per second over the window (or since the first event, if shorter). */
    public synchronized double fps(long nowNanos) {
        return rate(nowNanos, frames);
    }

    /**
     * Like {@link #fps(long)}, but 0 until {@code minSpanNanos} have passed since the first event: a rate from a
     * frame or two a few milliseconds apart would be a wild figure (one frame 1 ms ago reads as 1000 fps).
     */
    public synchronized double fps(long nowNanos, long minSpanNanos) {
        if (startNanos == Long.MIN_VALUE || nowNanos - startNanos < minSpanNanos) {
            return 0;
        }
        return rate(nowNanos, frames);
    }

    /** Bytes per second over the window. */
    public synchronized double bytesPerSecond(long nowNanos) {
        return rate(nowNanos, bytes);
    }

    /** Forgets everything (a new connection). */
    public synchronized void reset() {
        java.util.Arrays.fill(frames, 0);
        java.util.Arrays.fill(bytes, 0);
        currentBucket = Long.MIN_VALUE;
        startNanos = Long.MIN_VALUE;
    }

    private void advance(long now) {
        Locks.assertHeld(this);
        long b = Math.floorDiv(now, bucketNanos);
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now;
            currentBucket = b;
            return;
        }
        if (b <= currentBucket) {
            return;
        }
        long steps = Math.min(BUCKETS, b - currentBucket);
        for (long i = 1; i <= steps; i++) {
            int slot = (int) Math.floorMod(currentBucket + i, BUCKETS);
            frames[slot] = 0;
            bytes[slot] = 0;
        }
        currentBucket = b;
    }

    private double rate(long now, long[] counts) {
        Locks.assertHeld(this);
        if (startNanos == Long.MIN_VALUE) {
            return 0;
        }
        advance(now);
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        // The window covers the full buckets before the current one plus the current one's elapsed part.
        long windowStart = (currentBucket - (BUCKETS - 1)) * bucketNanos;
        long span = now - Math.max(windowStart, startNanos);
        if (span <= 0) {
            return 0;
        }
        return sum * 1e9 / span;
    }
}
