package org.mjpegwall.frame;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where frames come from: the plug-in point for sources (an MJPEG stream, a polled snapshot URL, …). A
 * source fills a pool of reusable {@link FrameBuffer}s on its own thread, in py-mjpeg's shape: the
 * application requests buffers, enqueues the free ones, dequeues the filled ones and enqueues them again.
 * {@link CameraFeed}, the recorder and the relay work over any source.
 *
 * <pre>{@code
 * for (FrameBuffer b : source.requestBuffers(1 << 20, 8)) source.enqueueBuffer(b);
 * source.start();
 * FrameBuffer buf = source.dequeueBuffer();   // blocks for the next frame
 * ... use buf.data()[0 .. buf.used()) ...
 * source.enqueueBuffer(buf);                  // hand it back
 * source.stop();
 * }</pre>
 *
 * <p>Lifecycle: {@link SourceState}. A source starts once; {@link #stop()} is idempotent, ends the
 * source's thread within a second, and a stopped source cannot start again. A source keeps its pool in
 * a {@link BufferPool}, which makes the buffer rules the same for every source.
 */
public interface FrameSource extends AutoCloseable {
    /**
     * Allocates {@code count} buffers that start with {@code length} bytes and may grow up to
     * {@code maxLength} to hold the largest frame seen; frames larger than that are skipped and counted as
     * discarded. They are not queued yet: hand each to {@link #enqueueBuffer}. Call before {@link #start()}.
     *
     * @throws IllegalStateException once the source has started or stopped
     */
    List<FrameBuffer> requestBuffers(int length, int maxLength, int count);

    /** {@code count} fixed buffers of {@code length} bytes (py-mjpeg's {@code request_buffers}). */
    default List<FrameBuffer> requestBuffers(int length, int count) {
        return requestBuffers(length, length, count);
    }

    /**
     * Gives a buffer to the source to fill.
     *
     * @throws IllegalArgumentException if the buffer was not requested from this source
     * @throws IllegalStateException if it is enqueued already
     */
    void enqueueBuffer(FrameBuffer buffer);

    /** Waits for the next completed frame. */
    FrameBuffer dequeueBuffer() throws InterruptedException;

    /** @return the next completed buffer, or {@code null} on timeout */
    FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException;

    /** Starts the source's thread. Once only. */
    void start();

    /** Stops the source's thread, waiting for it up to a second. Idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** The state now; WAITING is a STREAMING source that has had no frame for a while. */
    SourceState state();

    /** True once stop() was called or the thread ended. */
    default boolean isStopped() {
        return state() == SourceState.STOPPED;
    }

    /** An immutable snapshot of the statistics. Never contains credentials. */
    SourceStats stats();

    /** How logs, thread names and messages call this source (a URL without its secrets); never a credential. */
    String name();

    /** Prints the stats in py-mjpeg's layout. */
    default void printStats(PrintStream out) {
        SourceStats s = stats();
        out.printf(Locale.ROOT, "URL:              %s%n", s.url());
        out.printf(Locale.ROOT, "FPS:              %.2f%n", s.fps());
        out.printf(Locale.ROOT, "Buffer overruns:  %d%n", s.overruns());
        out.printf(Locale.ROOT, "Reconnects:       %d%n", s.reconnects());
        out.printf(Locale.ROOT, "Total frames:     %d%n", s.totalFrames());
        out.printf(Locale.ROOT, "Discarded frames: %d%n", s.discardedFrames());
        out.printf(Locale.ROOT, "Buffer queue:     %d%n", s.bufferQueue());
        if (s.lastError() != null) {
            out.printf(Locale.ROOT, "Last error:       %s%n", s.lastError());
        }
    }
}
