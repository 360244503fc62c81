package org.mjpegwall.util;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * The one source of time of a component: monotonic nanoseconds for durations, wall-clock milliseconds for
 * timestamps, and sleeping. A component takes one and never reads {@link System#nanoTime()} beside it,
 * so a test can hand it a fake time it moves by hand ({@code org.mjpegwall.testing.FakeTime}): backoff,
 * stall and reconnect logic then run without real waiting and with exact times.
 */
public interface TimeSource {
    /** The real time of the machine. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }

        @Override
        public String toString() {
            return "TimeSource.SYSTEM";
        }
    };

    /** Monotonic time in nanoseconds, for durations only (as {@link System#nanoTime()}). */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for timestamps. */
    long currentTimeMillis();

    /** {@link #currentTimeMillis()} as an instant. */
    default Instant instant() {
        return Instant.ofEpochMilli(currentTimeMillis());
    }

    /** The zone times of day are shown in ("offline since 14:02", snapshot names); tests pin it. */
    default ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /**
     * Waits for {@code nanos} of this time source's time; returns at once for zero or less.
     *
     * @throws InterruptedException if the thread is interrupted (a source's stop() does that)
     */
    void sleep(long nanos) throws InterruptedException;
}
