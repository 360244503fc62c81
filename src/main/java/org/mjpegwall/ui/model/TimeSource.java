package org.mjpegwall.ui.model;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The wall's one time source: a monotonic clock for intervals (frame ages, refresh cadence, latency)
 * and the wall clock for what is shown to people ("offline since 14:02", snapshot names). The renderer
 * and the view models take it instead of calling {@code System.nanoTime()} or {@code Instant.now()},
 * so tests run them on fake time and assert exact results.
 *
 * <p>Implementations are safe to call from any thread: decodes read it on the decode pool.
 */
public interface TimeSource {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** The time of day now. */
    Instant now();

    /** The zone times of day are shown in. */
    ZoneId zone();

    /** The computer's clocks. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.systemDefault();
        }
    };
}
