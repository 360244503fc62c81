package org.mjpegwall.util;

/**
 * Frames and bytes per second over a sliding window of fixed buckets (no allocation per event).
 * Thread-safe: the reader records, any thread reads.
 */
public final class RateMeter {
    private static final int BUCKETS = 10;
    private final long bucketNanos;
    // guarded by this
    private final long[] frames = new long[BUCKETS];
    private final long[] bytes = new long[BUCKETS];
    private long currentBucket = Long.MIN_VALUE; // bucket index (time / bucketNanos) of slot current % BUCKETS
    private long startNanos = Long.MIN_VALUE;

    /** @param windowNanos width of the window, split into {@value #BUCKETS} buckets */
    public RateMeter(long windowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
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
