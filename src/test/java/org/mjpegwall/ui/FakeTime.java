package org.mjpegwall.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.mjpegwall.ui.model.TimeSource;

/** Time that moves only when the test says: the monotonic clock and the wall clock move together. */
public final class FakeTime implements TimeSource {
    private final Instant start;
    private final long startNanos;
    private final AtomicLong nanos;

    /** Starts at {@code start}, in UTC. */
    public FakeTime(Instant start) {
        this.start = start;
        this.startNanos = 1_000_000_000L;
        this.nanos = new AtomicLong(startNanos);
    }

    public FakeTime() {
        this(Instant.parse("2026-11-30T14:02:00Z"));
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanos.get() - startNanos);
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }
}
