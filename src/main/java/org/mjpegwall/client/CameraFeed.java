package org.mjpegwall.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * SCAFFOLD: public API shape only; the client helper replaces every body. Do not ship.
 *
 * <p>A client plus one dispatcher thread that fans each completed frame out: every frame to the
 * subscribers (recorder, relay hub), and the newest buffer to a display slot. The display takes the
 * newest with {@link #takeLatest()} and hands it back with {@link #release}; a frame replaced in the
 * slot before the display took it goes back to the pool undecoded and is counted as stale.
 */
public final class CameraFeed implements AutoCloseable {

    /** @param bufferLength bytes per pooled buffer; @param bufferCount buffers in the pool */
    public CameraFeed(MjpegClient client, int bufferLength, int bufferCount) {
        throw new UnsupportedOperationException("scaffold");
    }

    public void start() { throw new UnsupportedOperationException("scaffold"); }

    @Override
    public void close() { throw new UnsupportedOperationException("scaffold"); }

    public MjpegClient client() { throw new UnsupportedOperationException("scaffold"); }

    public ClientStats stats() { throw new UnsupportedOperationException("scaffold"); }

    /** The newest completed frame not yet taken, or {@code null}. Never blocks. Give it back with {@link #release}. */
    public FrameBuffer takeLatest() { throw new UnsupportedOperationException("scaffold"); }

    public void release(FrameBuffer buffer) { throw new UnsupportedOperationException("scaffold"); }

    /** The newest frame as an immutable copy, or {@code null} before the first frame. Never blocks. */
    public Frame latestFrame() { throw new UnsupportedOperationException("scaffold"); }

    /** Completes with the next frame to arrive (a snapshot of the live stream). */
    public CompletableFuture<Frame> nextFrame() { throw new UnsupportedOperationException("scaffold"); }

    /** Calls the listener on the dispatcher thread for every frame; it must hand off, never block. Close to unsubscribe. */
    public AutoCloseable subscribe(Consumer<Frame> listener) { throw new UnsupportedOperationException("scaffold"); }

    /** Frames received by this feed. */
    public long received() { throw new UnsupportedOperationException("scaffold"); }

    /** Frames replaced in the display slot before the display took them (dropped undecoded). */
    public long stale() { throw new UnsupportedOperationException("scaffold"); }
}
