package org.mjpegwall.ui.model;

import java.util.function.Consumer;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceStats;

/**
 * What the wall needs from a camera: the newest frame for display, the newest copy for snapshots, every
 * frame for recording and relaying, and the client's statistics. {@link #of(CameraFeed)} adapts the
 * real feed; tests feed synthetic frames without a network.
 */
public interface CameraStream extends AutoCloseable {
    void start();

    /** The newest completed frame not yet taken, or {@code null}; never blocks. */
    FrameBuffer takeLatest();

    void release(FrameBuffer buffer);

    /** Gives back a taken frame that was replaced by a newer one before it was shown (counted as stale). */
    void discard(FrameBuffer buffer);

    /** The newest frame as an immutable copy, or {@code null}. */
    Frame latestFrame();

    SourceStats stats();

    long received();

    long stale();

    /** Calls the listener for every frame on the source's own thread; close the result to stop. */
    AutoCloseable subscribe(Consumer<Frame> listener);

    @Override
    void close();

    static CameraStream of(CameraFeed feed) {
        return new CameraStream() {
            @Override
            public void start() {
                feed.start();
            }

            @Override
            public FrameBuffer takeLatest() {
                return feed.takeLatest();
            }

            @Override
            public void release(FrameBuffer buffer) {
                feed.release(buffer);
            }

            @Override
            public void discard(FrameBuffer buffer) {
                feed.discard(buffer);
            }

            @Override
            public Frame latestFrame() {
                return feed.latestFrame();
            }

            @Override
            public SourceStats stats() {
                return feed.stats();
            }

            @Override
            public long received() {
                return feed.received();
            }

            @Override
            public long stale() {
                return feed.stale();
            }

            @Override
            public AutoCloseable subscribe(Consumer<Frame> listener) {
                return feed.subscribe(listener);
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }
}
