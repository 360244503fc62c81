package org.mjpegwall.client;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SCAFFOLD: public API shape only; the client helper replaces every body. Do not ship.
 */
public final class MjpegClient implements AutoCloseable {

    public MjpegClient(URI uri) {
        this(builder(uri));
    }

    private MjpegClient(Builder b) {
        throw new UnsupportedOperationException("scaffold");
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    public List<FrameBuffer> requestBuffers(int length, int count) {
        throw new UnsupportedOperationException("scaffold");
    }

    public void enqueueBuffer(FrameBuffer buffer) {
        throw new UnsupportedOperationException("scaffold");
    }

    public FrameBuffer dequeueBuffer() throws InterruptedException {
        throw new UnsupportedOperationException("scaffold");
    }

    /** @return the next completed buffer, or {@code null} on timeout */
    public FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("scaffold");
    }

    public void start() {
        throw new UnsupportedOperationException("scaffold");
    }

    public void stop() {
        throw new UnsupportedOperationException("scaffold");
    }

    @Override
    public void close() {
        stop();
    }

    public ClientStats stats() {
        throw new UnsupportedOperationException("scaffold");
    }

    public void printStats(PrintStream out) {
        throw new UnsupportedOperationException("scaffold");
    }

    /** The URL without userinfo. */
    public String redactedUrl() {
        throw new UnsupportedOperationException("scaffold");
    }

    public static final class Builder {
        private final URI uri;

        private Builder(URI uri) {
            this.uri = uri;
        }

        public Builder credentials(String user, String password) { return this; }
        public Builder connectTimeout(Duration d) { return this; }
        public Builder stallTimeout(Duration d) { return this; }
        public Builder backoff(Duration initial, Duration max) { return this; }
        public Builder maxFrameSize(int bytes) { return this; }
        public Builder snapshotPollInterval(Duration d) { return this; }
        public Builder threadName(String name) { return this; }

        public MjpegClient build() {
            return new MjpegClient(this);
        }
    }
}
