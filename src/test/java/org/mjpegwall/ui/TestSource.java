package org.mjpegwall.ui;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.ui.model.CameraStream;

/**
 * A camera stream the test pushes JPEGs into: a one-slot display like the real feed, no network. Frames
 * arrive at the time of the clock it is given (the test's fake time), or the real one.
 */
public final class TestSource implements CameraStream {
    private final AtomicReference<FrameBuffer> slot = new AtomicReference<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;
    private volatile SourceStats stats = stats(SourceState.STREAMING, null, null);
    private volatile boolean started;
    private volatile boolean closed;

    /** Frames arrive at {@link System#nanoTime()}. */
    public TestSource() {
        this(System::nanoTime);
    }

    /** Frames arrive at the time this clock says. */
    public TestSource(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public static SourceStats stats(SourceState state, String error, Instant retryAt) {
        return new SourceStats("http://test/", state, 0, 0, 0, 0, 0, 0, 0, 0, error, null, retryAt);
    }

    /** What {@link #stats()} reports from now on. */
    public void setStats(SourceStats s) {
        stats = s;
    }

    /** Puts a frame in the display slot, replacing (and counting as stale) one not yet taken. */
    public void push(byte[] jpeg) {
        FrameBuffer b = new FrameBuffer(Math.max(1, jpeg.length));
        System.arraycopy(jpeg, 0, b.data(), 0, jpeg.length);
        long seq = sequence.incrementAndGet();
        b.complete(jpeg.length, seq, System.currentTimeMillis(), nanoTime.getAsLong());
        Frame f = Frame.copyOf(b);
        latest.set(f);
        received.incrementAndGet();
        listeners.forEach(l -> l.accept(f));
        if (slot.getAndSet(b) != null) {
            stale.incrementAndGet();
        }
    }

    /** Whether a pushed frame is still waiting for the display. */
    public boolean pending() {
        return slot.get() != null;
    }

    /** Buffers the display handed back. */
    public long released() {
        return released.get();
    }

    /** Frame listeners subscribed now. */
    public int subscribers() {
        return listeners.size();
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public FrameBuffer takeLatest() {
        return slot.getAndSet(null);
    }

    @Override
    public void release(FrameBuffer buffer) {
        released.incrementAndGet();
    }

    @Override
    public void discard(FrameBuffer buffer) {
        stale.incrementAndGet();
        released.incrementAndGet();
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
