package org.mjpegwall.frame;

import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.source.MjpegClient;

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
 * A client plus one dispatcher thread that fans each completed frame out: every frame to the
 * subscribers (recorder, relay hub), and the newest buffer to a display slot. The display takes the
 * newest with {@link #takeLatest()} and hands it back with {@link #release}; a frame replaced in the
 * slot before the display took it goes back to the pool undecoded and is counted as stale.
 *
 * <pre>{@code
 * CameraFeed feed = new CameraFeed(MjpegClient.builder(uri).build(), 1 << 20, 8);
 * AutoCloseable sub = feed.subscribe(frame -> recorder.offer(frame)); // every frame, never blocks
 * feed.start();
 * FrameBuffer newest = feed.takeLatest();   // on the UI's timer; null if nothing new
 * if (newest != null) { decode(newest); feed.release(newest); }
 * feed.close();
 * }</pre>
 *
 * <p>Threads: the client's reader fills buffers; the dispatcher thread makes one immutable {@link Frame}
 * copy per frame, shared by all subscribers and by {@link #latestFrame()}, and calls subscribers in
 * order. A subscriber that throws is logged and stays subscribed; one that blocks delays the others, so
 * subscribers must hand off. {@link #takeLatest()}, {@link #release} and {@link #latestFrame()} never
 * block and may be called from any thread.
 */
public final class CameraFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    private final MjpegClient client;
    private final Thread dispatcher;
    private final CopyOnWriteArrayList<Consumer<Frame>> subscribers = new CopyOnWriteArrayList<>();
    private final Queue<CompletableFuture<Frame>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicReference<FrameBuffer> slot = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private volatile Frame latest;
    private volatile boolean closed;

    /**
     * Requests and enqueues the client's buffers.
     *
     * @param bufferLength bytes per pooled buffer (frames larger are discarded by the client)
     * @param bufferCount buffers in the pool; at least 3 (one filling, one in the slot, one displayed)
     */
    public CameraFeed(MjpegClient client, int bufferLength, int bufferCount) {
        this(client, bufferLength, bufferLength, bufferCount);
    }

    /**
     * Requests and enqueues buffers that start with {@code bufferLength} bytes and grow to the largest
     * frame the camera sends, up to {@code maxBufferLength} (see {@link MjpegClient#requestBuffers(int, int, int)}).
     *
     * @param bufferCount buffers in the pool; at least 3 (one filling, one in the slot, one displayed)
     */
    public CameraFeed(MjpegClient client, int bufferLength, int maxBufferLength, int bufferCount) {
        this.client = Objects.requireNonNull(client, "client");
        if (bufferCount < 3) {
            throw new IllegalArgumentException("a feed needs at least 3 buffers: " + bufferCount);
        }
        for (FrameBuffer b : client.requestBuffers(bufferLength, maxBufferLength, bufferCount)) {
            client.enqueueBuffer(b);
        }
        this.dispatcher = new Thread(this::dispatch, "camera-feed " + client.redactedUrl());
        this.dispatcher.setDaemon(true);
    }

    /** Starts the client and the dispatcher. Once only. */
    public void start() {
        client.start();
        dispatcher.start();
    }

    /** Stops the client and the dispatcher within a second; pending {@link #nextFrame()}s fail. */
    @Override
    public void close() {
        closed = true;
        client.stop();
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

    public MjpegClient client() {
        return client;
    }

    public SourceStats stats() {
        return client.stats();
    }

    /** The newest completed frame not yet taken, or {@code null}. Never blocks. Give it back with {@link #release}. */
    public FrameBuffer takeLatest() {
        return slot.getAndSet(null);
    }

    /** Returns a buffer from {@link #takeLatest()} to the pool. */
    public void release(FrameBuffer buffer) {
        client.enqueueBuffer(buffer);
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
                FrameBuffer b = client.dequeueBuffer(100, TimeUnit.MILLISECONDS);
                if (b == null) {
                    if (client.isStopped()) {
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
                        LOG.warn("{}: a frame subscriber failed", client.redactedUrl(), e);
                    }
                }
                for (CompletableFuture<Frame> f; (f = pending.poll()) != null; ) {
                    f.complete(frame);
                }
                FrameBuffer old = slot.getAndSet(b);
                if (old != null) {
                    stale.incrementAndGet();
                    client.enqueueBuffer(old);
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
            f.completeExceptionally(new IllegalStateException("camera feed closed: " + client.redactedUrl()));
        }
    }
}
