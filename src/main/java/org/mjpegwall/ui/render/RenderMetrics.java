package org.mjpegwall.ui.render;

import java.util.Arrays;

/** Timing samples of the renderer (decode, pulse, frame latency) for the wall benchmark. */
public final class RenderMetrics {
    private static final int MAX_SAMPLES = 2_000_000;

    private volatile boolean enabled;
    private final Samples decode = new Samples();
    private final Samples pulse = new Samples();
    private final Samples latency = new Samples();

    /** Starts collecting from zero (FX thread). */
    public void start() {
        decode.clear();
        pulse.clear();
        latency.clear();
        enabled = true;
    }

    public void stop() {
        enabled = false;
    }

    boolean enabled() {
        return enabled;
    }

    void decodeNanos(long n) {
        decode.add(n);
    }

    void pulseNanos(long n) {
        pulse.add(n);
    }

    void latencyNanos(long n) {
        latency.add(n);
    }

    /** {@code [p50, p99]} of decode time in ms. */
    public double[] decodeMs() {
        return decode.percentilesMs();
    }

    public double[] pulseMs() {
        return pulse.percentilesMs();
    }

    public double[] latencyMs() {
        return latency.percentilesMs();
    }

    /** A growable array of nanosecond samples, touched only on the FX thread. */
    private static final class Samples {
        private long[] values = new long[4096];
        private int size;

        void clear() {
            size = 0;
        }

        void add(long v) {
            if (size == values.length) {
                if (size >= MAX_SAMPLES) {
                    return;
                }
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] percentilesMs() {
            if (size == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new double[] {at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6};
        }

        private static long at(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }
}
