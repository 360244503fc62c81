package org.mjpegwall.source;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLSocketFactory;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.FrameSource;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A threaded MJPEG client with a pool of reusable frame buffers (the Java heir of py-mjpeg's
 * {@code MJPEGClient}). It reads an MJPEG stream on its own thread, fills buffers the application has
 * enqueued, and queues the completed ones for {@link #dequeueBuffer()}. A URL that answers with a single
 * image instead (a snapshot URL) is polled every {@link Builder#snapshotPollInterval} (default 1 s).
 *
 * <pre>{@code
 * MjpegClient client = new MjpegClient(URI.create("http://camera:8080/?action=stream"));
 * for (FrameBuffer b : client.requestBuffers(65536, 50)) client.enqueueBuffer(b);
 * client.start();
 * FrameBuffer buf = client.dequeueBuffer();   // blocks for the next frame
 * ... use buf.data()[0 .. buf.used()) ...
 * client.enqueueBuffer(buf);                  // hand it back
 * client.stop();
 * }</pre>
 *
 * <p>Lifecycle ({@link SourceState}): NEW → (start) CONNECTING → STREAMING → BACKOFF → CONNECTING …;
 * stop() moves any state to STOPPED, and a stopped client cannot be started again. A streaming client
 * that has had no frame for {@code waitingAfter} (default 3 s), or for 2.5× its usual interval between frames
 * if that is longer (a camera set to one frame every 5 s is not "waiting" between two), reports WAITING until the
 * next frame, or until the stall timeout ends the connection. Out of free buffers, it keeps reading and discards
 * frames (counting overrun episodes and discarded frames); a frame larger than its buffer or the frame
 * limit is skipped and counted as discarded, and the stream goes on; it reconnects by itself with
 * exponential backoff. {@code lastError} is cleared by the next frame that arrives.
 *
 * <p>The machinery is shared with {@link SnapshotPoller}: {@link SourceLoop} (thread, lifecycle, backoff,
 * stats), {@link StreamSession} (what one connection does) and {@code internal.HttpExchange} (HTTP/1.1
 * with redirects and login). Why not the JDK's HttpClient: it offers no read-stall timeout on a
 * streaming body and hands out its own buffers, so bounding memory per camera and detecting a silent
 * camera would need another thread and copies.
 */
public final class MjpegClient extends LoopSource {
    private static final Logger LOG = LoggerFactory.getLogger(MjpegClient.class);

    /** A client with the default options. @throws IllegalArgumentException if not an http(s) URL with a host */
    public MjpegClient(URI uri) {
        this(builder(uri).options());
    }

    private MjpegClient(SourceOptions options) {
        super(new SourceLoop(options, new StreamSession(), LOG, "mjpeg-client"));
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** The URL without userinfo and without the values of credential-like query parameters. */
    public String redactedUrl() {
        return name();
    }

    /**
     * Options for a client, and for a {@link SnapshotPoller}: {@link #build()} makes an MJPEG client,
     * {@link #buildPoller()} a poller, and {@link #buildSource()} the one the options ask for.
     */
    public static final class Builder {
        private final URI uri;
        private String user;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration stallTimeout = Duration.ofSeconds(10);
        private Duration stallCheck;
        private Duration backoffInitial = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(10);
        private Duration pollInterval = Duration.ofSeconds(1);
        private boolean pollIntervalSet;
        private Duration healthyAfter = Duration.ofSeconds(5);
        private Duration waitingAfter = Duration.ofSeconds(3);
        private int maxFrameSize = 32 * 1024 * 1024;
        private String threadName;
        private SSLSocketFactory sslFactory;
        private TimeSource time = TimeSource.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Consumer<Lifecycle.Transition> listener;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** Credentials for Basic or Digest; they override any userinfo in the URL. */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = password == null ? "" : password;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connect timeout");
            return this;
        }

        /** No bytes for this long drops the connection and reconnects (default 10 s). */
        public Builder stallTimeout(Duration d) {
            this.stallTimeout = positive(d, "stall timeout");
            return this;
        }

        /** Reconnect delays: {@code initial}, doubling up to {@code max} (default 0.5 s to 10 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.backoffInitial = positive(initial, "initial backoff");
            this.backoffMax = positive(max, "maximum backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("maximum backoff below the initial one");
            }
            return this;
        }

        /** A stream that delivered frames for this long counts as healthy and resets the backoff. */
        public Builder healthyAfter(Duration d) {
            this.healthyAfter = Objects.requireNonNull(d, "healthyAfter");
            return this;
        }

        /**
         * A streaming client with no frame for this long reports {@link SourceState#WAITING} (default
         * 3 s; for a snapshot URL, on top of the poll interval; for a camera whose frames come further apart, 2.5×
         * its usual interval).
         */
        public Builder waitingAfter(Duration d) {
            this.waitingAfter = positive(d, "waitingAfter");
            return this;
        }

        /** Largest frame accepted; a larger one is skipped and counted as discarded (default 32 MiB). */
        public Builder maxFrameSize(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("max frame size must be positive");
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * How often a snapshot URL (one image/jpeg per request) is polled (default 1 s). Setting it also
         * makes {@link #buildSource()} a {@link SnapshotPoller}.
         */
        public Builder snapshotPollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d, "poll interval");
            this.pollIntervalSet = true;
            return this;
        }

        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** TLS socket factory for https (default: the JDK's, trusting its CA certificates). */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The one source of time of the client: frame times, rates, WAITING, backoff and poll waits, the
         * healthy-stream check and the stall timeout (default: the system's).
         */
        public Builder time(TimeSource t) {
            this.time = Objects.requireNonNull(t, "time");
            return this;
        }

        /** How often a blocked read looks at the time for the stall timeout (tests on fake time; default: the stall timeout). */
        Builder stallCheck(Duration d) {
            this.stallCheck = positive(d, "stall check");
            return this;
        }

        /** Jitter source in [0, 1) (tests). */
        Builder random(DoubleSupplier r) {
            this.random = Objects.requireNonNull(r);
            return this;
        }

        /** Hears every lifecycle transition on the thread that makes it (tests). */
        Builder listener(Consumer<Lifecycle.Transition> l) {
            this.listener = Objects.requireNonNull(l);
            return this;
        }

        /** An MJPEG client. @throws IllegalArgumentException if not an http(s) URL with a host */
        public MjpegClient build() {
            return new MjpegClient(options());
        }

        /** A {@link SnapshotPoller}: one image per request, every poll interval. */
        public SnapshotPoller buildPoller() {
            return new SnapshotPoller(options());
        }

        /** The source these options ask for: a {@link SnapshotPoller} if a poll interval was set, else an MJPEG client. */
        public FrameSource buildSource() {
            return pollIntervalSet ? buildPoller() : build();
        }

        SourceOptions options() {
            return new SourceOptions(uri, user, password, connectTimeout, stallTimeout,
                    stallCheck != null ? stallCheck : stallTimeout, backoffInitial, backoffMax, pollInterval,
                    pollIntervalSet, healthyAfter, waitingAfter, maxFrameSize, threadName, sslFactory, time, random,
                    listener);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
