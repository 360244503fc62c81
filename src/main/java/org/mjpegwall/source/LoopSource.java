package org.mjpegwall.source;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.FrameSource;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;

/**
 * What {@link MjpegClient} and {@link SnapshotPoller} share: a {@link SourceLoop} (reader thread, pool, lifecycle,
 * backoff, stats) behind the {@link FrameSource} interface. They differ only in the session each connection runs.
 */
public abstract sealed class LoopSource implements FrameSource permits MjpegClient, SnapshotPoller {
    private final SourceLoop loop;

    LoopSource(SourceLoop loop) {
        this.loop = loop;
    }

    /**
     * Allocates {@code count} buffers that belong to this source; each starts with {@code length} bytes and grows
     * (on the reader thread) to hold the largest frame seen, up to {@code maxLength}: a pool that follows the
     * camera, small for a VGA camera and large for a 4K one. Frames larger than {@code maxLength} are skipped and
     * counted as discarded. They are not queued yet: hand each to {@link #enqueueBuffer}. Call before
     * {@link #start()}.
     */
    @Override
    public final List<FrameBuffer> requestBuffers(int length, int maxLength, int count) {
        return loop.requestBuffers(length, maxLength, count);
    }

    /** Gives a buffer to the source to fill. */
    @Override
    public final void enqueueBuffer(FrameBuffer buffer) {
        loop.enqueueBuffer(buffer);
    }

    /** Waits for the next completed frame. */
    @Override
    public final FrameBuffer dequeueBuffer() throws InterruptedException {
        return loop.dequeueBuffer();
    }

    /** @return the next completed buffer, or {@code null} on timeout */
    @Override
    public final FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException {
        return loop.dequeueBuffer(timeout, unit);
    }

    /** Starts the reader thread. Once only. */
    @Override
    public final void start() {
        loop.start();
    }

    /** Stops the reader thread, waiting for it up to a second. Idempotent. */
    @Override
    public final void stop() {
        loop.stop();
    }

    /** The state; WAITING is a STREAMING source that has had no frame for a while. */
    @Override
    public final SourceState state() {
        return loop.state();
    }

    @Override
    public final SourceStats stats() {
        return loop.stats();
    }

    /** The URL without userinfo and without the values of credential-like query parameters. */
    @Override
    public final String name() {
        return loop.name();
    }

    /** The reader thread, or null before start (for diagnostics and allocation measurements). */
    public final Thread readerThread() {
        return loop.readerThread();
    }
}
