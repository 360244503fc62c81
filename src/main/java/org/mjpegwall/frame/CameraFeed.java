package org.mjpegwall.frame;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A frame source plus one dispatcher thread that fans each completed frame out: every frame to the
 * subscribers (recorder, relay hub), and the newest buffer to a display slot. The display takes the
 * newest with {@link #takeLatest()} and hands it back with {@link #release}; a frame replaced in the
 * slot before the display took it goes back to the pool undecoded and is counted as stale.
 *
 * <pre>{@code
 * CameraFeed feed = new CameraFeed(MjpegClient.builder(uri).build(), 1 << 20, 8); // any FrameSource
 * AutoCloseable sub = feed.subscribe(frame -> recorder.offer(frame)); // every frame, never blocks
 * feed.start();
 * FrameBuffer newest = feed.takeLatest();   // on the UI's timer; null if nothing new
 * if (newest != null) { decode(newest); feed.release(newest); }
 * feed.close();
 * }</pre>
 *
 * <p>Works over any {@link FrameSource} (an MJPEG stream, a polled snapshot URL, …).
 *
 * <p>Threads: the source's thread fills buffers; the dispatcher thread makes one immutable {@link Frame}
 * copy per frame, shared by all subscribers and by {@link #latestFrame()}, and calls subscribers in
 * order. A subscriber that throws is logged and stays subscribed; one that blocks delays the others, so
 * subscribers must hand off. {@link #takeLatest()}, {@link #release} and {@link #latestFrame()} never
 * block and may be called from any thread.
 */
public final class CameraFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    private final FrameSource source;
    private final Thread dispatcher;
    private final CopyOnWriteArrayList<Consumer<Frame>> subscribers = new CopyOnWriteArrayList<>();
    private final Queue<CompletableFuture<Frame>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicReference<FrameBuffer> slot = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private volatile Frame latest;
    private volatile boolean closed;

    /**
     * Requests and enqueues the source's buffers.
     *
     * @param bufferLength bytes per pooled buffer (frames larger are discarded by the source)
     * @param bufferCount buffers in the pool; at least 3 (one filling, one in the slot, one displayed)
     */
    public CameraFeed(FrameSource source, int bufferLength, int bufferCount) {
        this(source, bufferLength, bufferLength, bufferCount);
    }

    /**
     * Requests and enqueues buffers that start with {@code bufferLength} bytes and grow to the largest
     * frame the camera sends, up to {@code maxBufferLength} (see {@link FrameSource#requestBuffers(int, int, int)}).
     *
     * @param bufferCount buffers in the pool; at least 3 (one filling, one in the slot, one displayed)
     */
    public CameraFeed(FrameSource source, int bufferLength, int maxBufferLength, int bufferCount) {
        this.source = Objects.requireNonNull(source, "source");
        if (bufferCount < 3) {
            throw new IllegalArgumentException("a feed needs at least 3 buffers: " + bufferCount);
        }
        for (FrameBuffer b : source.requestBuffers(bufferLength, maxBufferLength, bufferCount)) {
            source.enqueueBuffer(b);
        }
        this.dispatcher = new Thread(this::dispatch, "camera-feed " + source.name());
        this.dispatcher.setDaemon(true);
    }

    /** Starts the source and the dispatcher. Once only. */
    public void start() {
        source.start();
        dispatcher.start();
    }

    /** Stops the source and the dispatcher within a second; pending {@link #nextFrame()}s fail. */
    @Override
    public void close() {
        closed = true;
        source.stop();
        if (dispatcher.isAlive() && dispatcher != Thread.currentThread()) {
            dispatcher.interrupt();
            try {
                dispatcher.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failPending();
    }

    /** The source this feed reads. */
    public FrameSource source() {
        return source;
    }

    public SourceStats stats() {
        return source.stats();
    }

    /** The newest completed frame not yet taken, or {@code null}. Never blocks. Give it back with {@link #release}. */
    public FrameBuffer takeLatest() {
        return slot.getAndSet(null);
    }

    /** Returns a buffer from {@link #takeLatest()} to the pool. */
    public void release(FrameBuffer buffer) {
        source.enqueueBuffer(buffer);
    }

    /**
     * Returns a buffer from {@link #takeLatest()} to the pool unshown, because a newer frame was taken in its place,
     * and counts it as stale like a frame replaced in the slot. Never blocks.
     */
    public void discard(FrameBuffer buffer) {
        stale.incrementAndGet();
        source.enqueueBuffer(buffer);
    }

    /** The newest frame as an immutable copy, or {@code null} before the first frame. Never blocks. */
    public Frame latestFrame() {
        return latest;
    }

    /** Completes with the next frame to arrive (a snapshot of the live stream); fails if the feed closes first. */
    public CompletableFuture<Frame> nextFrame() {
        CompletableFuture<Frame> f = new CompletableFuture<>();
        pending.add(f);
        if (closed) {
            failPending();
        }
        return f;
    }

    /** Calls the listener on the dispatcher thread for every frame; it must hand off, never block. Close to unsubscribe. */
    public AutoCloseable subscribe(Consumer<Frame> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    /** Frames received by this feed and fully handed out (subscribers called, display slot updated). */
    public long received() {
        return received.get();
    }

    /** Frames replaced in the display slot before the display took them (dropped undecoded). */
    public long stale() {
        return stale.get();
    }

    private void dispatch() {
        try {
            while (!closed) {
                FrameBuffer b = source.dequeueBuffer(100, TimeUnit.MILLISECONDS);
                if (b == null) {
                    if (source.isStopped()) {
                        break;
                    }
                    continue;
                }
                Frame frame = Frame.copyOf(b);
                latest = frame;
                for (Consumer<Frame> s : subscribers) {
                    try {
                        s.accept(frame);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: a frame subscriber failed", source.name(), e);
                    }
                }
                for (CompletableFuture<Frame> f; (f = pending.poll()) != null; ) {
                    f.complete(frame);
                }
                FrameBuffer old = slot.getAndSet(b);
                if (old != null) {
                    stale.incrementAndGet();
                    source.enqueueBuffer(old);
                }
                received.incrementAndGet(); // last, so a reader of received() sees the frame fully handled
            }
        } catch (InterruptedException e) {
            // close() interrupts
        } finally {
            failPending();
        }
    }

    private void failPending() {
        for (CompletableFuture<Frame> f; (f = pending.poll()) != null; ) {
            f.completeExceptionally(new IllegalStateException("camera feed closed: " + source.name()));
        }
    }
}
