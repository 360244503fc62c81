package org.mjpegwall.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves cameras held in {@link FrameHub}s as MJPEG over HTTP, on the JDK's {@link HttpServer}.
 *
 * <p>Endpoints: {@code /} (HTML index with live previews, {@link IndexPage}), {@code /camera/{id}/stream.mjpg}
 * ({@link ViewerStreams}), {@code /camera/{id}/snapshot.jpg}, {@code /status} (JSON, {@link ServerStatus}). Every
 * other path is a 404 ({@link RequestRouter}).
 *
 * <pre>{@code
 * FrameHub hub = new FrameHub();
 * try (MjpegServer server = MjpegServer.builder().port(8080).build()) {
 *     server.addCamera("1", "Front door", hub);
 *     server.start();
 *     hub.publish(frame); // from a camera feed, a demo camera, ...
 * }
 * }</pre>
 *
 * <p>Threads: one per connected viewer (blocking writes, so a stalled viewer stalls only its own thread), one per
 * request being read, plus the JDK's dispatcher thread; a {@link ConnectionGuard} caps both and answers the rest
 * (see {@link Builder#maxConnections}). {@link #close()} ends every viewer's connection and waits for the threads.
 */
public final class MjpegServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MjpegServer.class);
    private static final AtomicInteger SERVER_NUMBERS = new AtomicInteger();

    static {
        HttpServerTuning.ensureNoDelay();
    }

    private final InetAddress bindAddress;
    private final String bindHost;
    private final int requestedPort;
    private final String password;
    private final String title;
    private final ConnectionGuard.Limits limits;
    private final LoginThrottle.Policy loginPolicy;
    private final LongSupplier clock;
    private final CameraDirectory cameras = new CameraDirectory();
    private final ViewerStreams streams;
    private final int number = SERVER_NUMBERS.incrementAndGet();
    private final ServerThreads threads = new ServerThreads("mjpeg-server-" + number + "-");

    private final Object lifecycle = new Object();
    private HttpServer http; // guarded by lifecycle
    private ExecutorService executor; // guarded by lifecycle
    private ConnectionGuard guard; // guarded by lifecycle
    private volatile boolean closed;

    private MjpegServer(Builder b, InetAddress bindAddress) {
        this.bindAddress = bindAddress;
        this.bindHost = b.bind;
        this.requestedPort = b.port;
        this.password = b.password;
        this.title = b.title;
        this.streams = new ViewerStreams(b.maxViewers, b.maxFpsPerViewer, b.resendAfter.toNanos());
        this.limits = new ConnectionGuard.Limits(b.maxPendingRequests, b.requestTimeout,
                b.maxConnections > 0 ? b.maxConnections : b.maxViewers + 50, b.writeTimeout, RequestLimits.DEFAULTS);
        this.loginPolicy = b.loginPolicy;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Serves a camera under {@code /camera/{id}/}. */
    public void addCamera(String id, String name, FrameHub hub) {
        addCamera(id, name, hub, null);
    }

    /**
     * Serves a camera under {@code /camera/{id}/}, with a description of its upstream for {@code /status}.
     *
     * @param id letters, digits, '-' or '_', at most 64
     * @param upstream called for each {@code /status} request; may be {@code null}
     * @throws IllegalArgumentException if the id is malformed or already served
     */
    public void addCamera(String id, String name, FrameHub hub, Supplier<UpstreamStatus> upstream) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hub, "hub");
        cameras.add(new ServedCamera(id, name, hub, upstream));
    }

    /** Stops serving a camera; its viewers' streams end. Unknown ids are ignored. */
    public void removeCamera(String id) {
        ServedCamera removed = cameras.remove(id);
        if (removed != null) {
            removed.hub().wakeAll();
        }
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException with a plain message if the port is in use or the address cannot be bound
     * @throws IllegalStateException if already started or closed
     */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (closed || http != null) {
                throw new IllegalStateException(closed ? "server is closed" : "server already started");
            }
            // Why this many: a margin over our own caps for idle keep-alive and silent connections, which the JDK
            // closes by itself (after 10 s) and which no thread of ours sees.
            HttpServerTuning.ensureLimits(limits.maxThreads() + 1000);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 0);
            } catch (BindException ex) {
                throw new IOException("cannot listen on " + bindHost + ":" + requestedPort + ": "
                        + (requestedPort != 0 ? "the port is already in use or not allowed" : ex.getMessage()), ex);
            }
            guard = new ConnectionGuard(limits, threads, "mjpeg-server-" + number + "-guard", clock);
            HttpContext context = server.createContext("/",
                    new RequestRouter(title, cameras, () -> !closed, this::status, streams, guard));
            context.getFilters().add(guard.filter());
            if (password != null) {
                LoginGuard login = new LoginGuard(password, new LoginThrottle(loginPolicy, clock));
                context.getFilters().add(login.filter());
                context.setAuthenticator(login);
            }
            executor = guard.pool();
            server.setExecutor(guard);
            server.start();
            http = server;
            LOG.info("serving MJPEG at {}", baseUri());
        }
    }

    /** The index page's address, for example {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        int port;
        synchronized (lifecycle) {
            if (http == null) {
                throw new IllegalStateException("server not started");
            }
            port = http.getAddress().getPort();
        }
        InetAddress shown = bindAddress.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bindAddress;
        String host = shown instanceof Inet6Address ? "[" + shown.getHostAddress() + "]" : shown.getHostAddress();
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return baseUri().getPort();
    }

    public URI streamUri(String id) {
        return baseUri().resolve("camera/" + id + "/stream.mjpg");
    }

    public URI snapshotUri(String id) {
        return baseUri().resolve("camera/" + id + "/snapshot.jpg");
    }

    /** Stream viewers connected now, all cameras. */
    public int viewers() {
        return streams.viewers();
    }

    /** The same figures {@code /status} serves. */
    public ServerStatus status() {
        return ServerStatus.of(cameras.all(), streams.viewers(), streams.maxViewers(), System.currentTimeMillis());
    }

    /** The guard of the running server's connections; for tests. */
    ConnectionGuard guard() {
        synchronized (lifecycle) {
            if (guard == null) {
                throw new IllegalStateException("server not started");
            }
            return guard;
        }
    }

    /** Closes every viewer's connection and the listening socket, and waits for the server's threads to end. */
    @Override
    public void close() {
        HttpServer server;
        ExecutorService pool;
        ConnectionGuard connectionGuard;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            server = http;
            pool = executor;
            connectionGuard = guard;
        }
        for (ServedCamera c : cameras.all()) {
            c.hub().wakeAll();
        }
        if (server != null) {
            server.stop(0); // closes the listener and every open connection, so blocked writes fail at once
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                connectionGuard.stopSweeping();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                boolean ended = pool.awaitTermination(5, TimeUnit.SECONDS);
                ended &= threads.join(deadline);
                if (!ended) {
                    LOG.warn("some server threads did not end within 5 s");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        if (server != null) {
            LOG.info("server stopped");
        }
    }

    /** Options of a server; {@link #build()} checks them. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 0;
        private String password;
        private int maxViewers = 100;
        private double maxFpsPerViewer = 0;
        private String title = "MJPEG Wall";
        private Duration resendAfter = Duration.ofSeconds(5);
        private int maxConnections;
        private int maxPendingRequests = 32;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private LoginThrottle.Policy loginPolicy = LoginThrottle.Policy.DEFAULTS;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /**
         * Most requests answered at once, streams included; more get a 503 with {@code Retry-After}. Default: the
         * viewer limit plus 50, so snapshots and pages still get through when every stream slot is taken.
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Most requests being read at once (a thread each); a further one cuts the oldest still being read.
         * Default 32.
         */
        public Builder maxPendingRequests(int maxPendingRequests) {
            this.maxPendingRequests = maxPendingRequests;
            return this;
        }

        /**
         * Time a client has from the first byte of a request to its last header; then the connection is closed.
         * Default 10 s. (A connection that sends nothing at all is closed by the JDK after
         * {@code sun.net.httpserver.maxReqTime}, which this server sets to 10 s unless given on the command line.)
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Time one write to a viewer may stay blocked (a viewer that stopped reading, or whose network vanished)
         * before its connection is closed and its slot freed. Default 60 s.
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How failed logins are throttled and reported; for tests. */
        Builder loginPolicy(LoginThrottle.Policy policy) {
            this.loginPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The monotonic clock (nanoseconds) of the request timeout and the login throttle; for tests. */
        Builder clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * While the camera sends nothing, each viewer gets the last frame again after this long (default 5 s),
         * so viewers that left are noticed and free their slots.
         */
        public Builder resendAfter(Duration interval) {
            this.resendAfter = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Address to listen on; default 127.0.0.1 (this machine only). */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** TCP port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Requires HTTP Basic with any user name and this password; {@code null} or empty for none. */
        public Builder password(String password) {
            this.password = password == null || password.isEmpty() ? null : password;
            return this;
        }

        /** Most stream viewers at once, all cameras together; more get a 503. Default 100. */
        public Builder maxViewers(int maxViewers) {
            this.maxViewers = maxViewers;
            return this;
        }

        /** Most frames per second sent to each viewer; 0 (the default) for no cap. */
        public Builder maxFpsPerViewer(double fps) {
            this.maxFpsPerViewer = fps;
            return this;
        }

        /** The index page's title. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * @throws IllegalArgumentException with a plain message: a bad port, address or limit, or a
         *     non-loopback address without a password
         */
        public MjpegServer build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            if (maxViewers < 1) {
                throw new IllegalArgumentException("max viewers must be at least 1: " + maxViewers);
            }
            if (maxConnections < 0 || maxPendingRequests < 1 || requestTimeout.isNegative() || requestTimeout.isZero()
                    || writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("max connections must be positive (or 0 for the default), max "
                        + "pending requests at least 1 and the timeouts positive: " + maxConnections + ", "
                        + maxPendingRequests + ", " + requestTimeout + ", " + writeTimeout);
            }
            if (resendAfter.isNegative() || resendAfter.isZero()) {
                throw new IllegalArgumentException("resend interval must be positive: " + resendAfter);
            }
            if (!(maxFpsPerViewer >= 0) || Double.isInfinite(maxFpsPerViewer)) {
                throw new IllegalArgumentException("max fps per viewer must be 0 (no cap) or positive: " + maxFpsPerViewer);
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException ex) {
                throw new IllegalArgumentException("cannot resolve the bind address '" + bind + "'", ex);
            }
            if (!address.isLoopbackAddress() && password == null) {
                throw new IllegalArgumentException("refusing to serve on " + bind + " without a password: "
                        + "anyone on the network could watch the cameras. Set a password (--password) "
                        + "or bind to 127.0.0.1.");
            }
            return new MjpegServer(this, address);
        }
    }
}
