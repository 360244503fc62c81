package org.mjpegwall.ui;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.FrameBuffer;

/** A frame source the test pushes JPEGs into: a one-slot display like the real feed, no network. */
final class TestSource implements FrameSource {
    private final AtomicReference<FrameBuffer> slot = new AtomicReference<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
    volatile SourceStats stats = stats(SourceState.STREAMING, null, null);
    volatile boolean closed;

    static SourceStats stats(SourceState state, String error, Instant retryAt) {
        return new SourceStats("http://test/", state, 0, 0, 0, 0, 0, 0, 0, 0, error, null, retryAt);
    }

    /** Puts a frame in the display slot, replacing (and counting as stale) one not yet taken. */
    void push(byte[] jpeg) {
        FrameBuffer b = new FrameBuffer(Math.max(1, jpeg.length));
        System.arraycopy(jpeg, 0, b.data(), 0, jpeg.length);
        long seq = sequence.incrementAndGet();
        b.complete(jpeg.length, seq, System.currentTimeMillis(), System.nanoTime());
        Frame f = Frame.copyOf(b);
        latest.set(f);
        received.incrementAndGet();
        listeners.forEach(l -> l.accept(f));
        if (slot.getAndSet(b) != null) {
            stale.incrementAndGet();
        }
    }

    /** Whether a pushed frame is still waiting for the display. */
    boolean pending() {
        return slot.get() != null;
    }

    @Override
    public void start() {
    }

    @Override
    public FrameBuffer takeLatest() {
        return slot.getAndSet(null);
    }

    @Override
    public void release(FrameBuffer buffer) {
    }

    @Override
    public Frame latestFrame() {
        return latest.get();
    }

    @Override
    public SourceStats stats() {
        return stats;
    }

    @Override
    public long received() {
        return received.get();
    }

    @Override
    public long stale() {
        return stale.get();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Frame> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
    }
}
