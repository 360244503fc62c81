package org.mjpegwall.source;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.FrameSource;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source for cameras that serve still images: one request per poll interval, one image per request
 * (a URL that streams gives its first frame per poll). It has the same pool, stats and lifecycle as an
 * {@link MjpegClient} — the same {@link SourceLoop}, with a {@link SnapshotSession}: between polls it
 * stays STREAMING (WAITING only after the poll interval plus {@code waitingAfter} without an image), a
 * poll is not a reconnect, and a failed poll backs off as a failed stream does.
 *
 * <pre>{@code
 * SnapshotPoller poller = MjpegClient.builder(URI.create("http://camera/snapshot.jpg"))
 *         .snapshotPollInterval(Duration.ofSeconds(2)).buildPoller();
 * }</pre>
 */
public final class SnapshotPoller implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPoller.class);

    private final SourceLoop loop;

    SnapshotPoller(SourceOptions options) {
        this.loop = new SourceLoop(options, new SnapshotSession(), LOG, "snapshot-poller");
    }

    @Override
    public List<FrameBuffer> requestBuffers(int length, int maxLength, int count) {
        return loop.requestBuffers(length, maxLength, count);
    }

    @Override
    public void enqueueBuffer(FrameBuffer buffer) {
        loop.enqueueBuffer(buffer);
    }

    @Override
    public FrameBuffer dequeueBuffer() throws InterruptedException {
        return loop.dequeueBuffer();
    }

    @Override
    public FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException {
        return loop.dequeueBuffer(timeout, unit);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public SourceState state() {
        return loop.state();
    }

    @Override
    public SourceStats stats() {
        return loop.stats();
    }

    @Override
    public String name() {
        return loop.name();
    }

    /** The reader thread, or null before start. */
    public Thread readerThread() {
        return loop.readerThread();
    }
}
