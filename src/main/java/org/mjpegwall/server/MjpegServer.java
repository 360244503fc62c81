package org.mjpegwall.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves cameras held in {@link FrameHub}s as MJPEG over HTTP, on the JDK's {@link HttpServer}.
 *
 * <p>Endpoints: {@code /} (HTML index with live previews), {@code /camera/{id}/stream.mjpg},
 * {@code /camera/{id}/snapshot.jpg}, {@code /status} (JSON). Every other path is a 404.
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
    private static final Pattern CAMERA_PATH = Pattern.compile("/camera/([A-Za-z0-9_-]{1,64})/(stream\\.mjpg|snapshot\\.jpg)");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final long WAIT_SLICE_MS = 250;
    private static final int LIVE_PREVIEW_LIMIT = 5;
    private static final AtomicInteger SERVER_NUMBERS = new AtomicInteger();

    static {
        HttpServerTuning.ensureNoDelay();
    }

    private final InetAddress bindAddress;
    private final String bindHost;
    private final int requestedPort;
    private final String password;
    private final int maxViewers;
    private final double maxFpsPerViewer;
    private final String title;
    private final long resendNanos;
    private final ConnectionGuard.Limits limits;
    private final LoginThrottle.Policy loginPolicy;
    private final LongSupplier clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Camera> cameras = new LinkedHashMap<>(); // guarded by itself
    private final AtomicInteger streams = new AtomicInteger();
    private final int number = SERVER_NUMBERS.incrementAndGet();

    private final Object lifecycle = new Object();
    private HttpServer http; // guarded by lifecycle
    private ExecutorService executor; // guarded by lifecycle
    private ConnectionGuard guard; // guarded by lifecycle
    /** Live pool threads; close() joins them, since a terminated pool's last worker may still be exiting. */
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private record Camera(String id, String name, FrameHub hub, Supplier<UpstreamStatus> upstream) {
    }

    private MjpegServer(Builder b, InetAddress bindAddress) {
        this.bindAddress = bindAddress;
        this.bindHost = b.bind;
        this.requestedPort = b.port;
        this.password = b.password;
        this.maxViewers = b.maxViewers;
        this.maxFpsPerViewer = b.maxFpsPerViewer;
        this.title = b.title;
        this.resendNanos = b.resendAfter.toNanos();
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
        if (!CAMERA_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("camera id must be 1 to 64 letters, digits, '-' or '_': " + id);
        }
        synchronized (cameras) {
            if (cameras.containsKey(id)) {
                throw new IllegalArgumentException("camera id already served: " + id);
            }
            cameras.put(id, new Camera(id, name, hub, upstream));
        }
    }

    /** Stops serving a camera; its viewers' streams end. Unknown ids are ignored. */
    public void removeCamera(String id) {
        Camera removed;
        synchronized (cameras) {
            removed = cameras.remove(id);
        }
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
            HttpContext context = server.createContext("/", this::handle);
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory threads = r -> {
                Thread t = new Thread(() -> {
                    try {
                        r.run();
                    } finally {
                        workers.remove(Thread.currentThread());
                    }
                }, "mjpeg-server-" + number + "-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                workers.add(t);
                return t;
            };
            guard = new ConnectionGuard(limits, threads, "mjpeg-server-" + number + "-guard", clock);
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
        return streams.get();
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
        for (Camera c : camerasSnapshot()) {
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
                for (Thread t : workers) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    ended &= !t.isAlive();
                }
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

    private List<Camera> camerasSnapshot() {
        synchronized (cameras) {
            return new ArrayList<>(cameras.values());
        }
    }

    private Camera camera(String id) {
        synchronized (cameras) {
            return cameras.get(id);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(ex, 405, "Only GET and HEAD are supported.");
                return;
            }
            // Why the raw path: a decoded path would turn %2e%2e into "..", and matching exact patterns on
            // the raw form leaves no room for traversal tricks.
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/")) {
                sendIndex(ex);
                return;
            }
            if (path.equals("/status")) {
                sendStatus(ex);
                return;
            }
            Matcher m = CAMERA_PATH.matcher(path);
            Camera cam = m.matches() ? camera(m.group(1)) : null;
            if (cam == null) {
                sendText(ex, 404, "Not found. Cameras are under /camera/{id}/stream.mjpg and /camera/{id}/snapshot.jpg; see /.");
                return;
            }
            if (m.group(2).equals("snapshot.jpg")) {
                sendSnapshot(ex, cam);
            } else {
                serveStream(ex, cam);
            }
        } catch (IOException ex2) {
            // Why rethrow: when a viewer leaves mid-frame, the JDK's chunked stream cannot finish, and closing the
            // exchange then only closes the socket; the server forgets the connection only when the handler throws.
            // Swallowing this kept one HttpConnection per departed viewer for ever (see docs/server.md).
            LOG.debug("connection ended: {}", ex2.toString());
            throw ex2;
        } catch (RuntimeException ex2) {
            LOG.warn("request failed", ex2);
            throw ex2;
        }
    }

    private void sendSnapshot(HttpExchange ex, Camera cam) throws IOException {
        cam.hub().snapshotRequested();
        Frame f = cam.hub().latest();
        if (f == null) {
            ex.getResponseHeaders().set("Retry-After", "1");
            sendText(ex, 503, "Camera " + cam.id() + " has no frame yet. Try again in a moment.");
            return;
        }
        noCache(ex);
        ex.getResponseHeaders().set("Content-Type", "image/jpeg");
        sendBody(ex, 200, f.jpeg());
    }

    private void serveStream(HttpExchange ex, Camera cam) throws IOException {
        if (streams.incrementAndGet() > maxViewers) {
            streams.decrementAndGet();
            ex.getResponseHeaders().set("Retry-After", "10");
            sendText(ex, 503, "Too many viewers: this server serves at most " + maxViewers + " streams at once. Try again later.");
            return;
        }
        try (FrameHub.Viewer viewer = cam.hub().attach(remote(ex))) {
            noCache(ex);
            ex.getResponseHeaders().set("Content-Type", Multipart.CONTENT_TYPE);
            // An endless stream never leaves its connection reusable; saying so lets the JDK forget the connection
            // however the stream ends (see ConnectionGuard.write).
            ex.getResponseHeaders().set("Connection", "close");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            ConnectionGuard writes = guard();
            long minIntervalNanos = maxFpsPerViewer > 0 ? (long) (1e9 / maxFpsPerViewer) : 0;
            long nextAllowed = System.nanoTime();
            FrameHub.Entry previous = null;
            long lastSent = System.nanoTime();
            while (!closed && camera(cam.id()) == cam) {
                if (minIntervalNanos > 0) {
                    long wait = nextAllowed - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MS)));
                        continue;
                    }
                }
                FrameHub.Entry e = cam.hub().awaitNewerEntry(previous == null ? null : previous.frame(), WAIT_SLICE_MS,
                        TimeUnit.MILLISECONDS);
                if (e == null) {
                    // Why resend: while the camera is silent nothing is written, so a viewer that left would hold
                    // its slot (and a lazy relay's upstream) forever; repeating the last frame finds out.
                    if (previous == null || System.nanoTime() - lastSent < resendNanos) {
                        continue;
                    }
                    e = previous;
                }
                try (ConnectionGuard.Write w = writes.write()) {
                    Multipart.writePart(out, e.partHeader(), e.frame().jpeg());
                }
                viewer.delivered();
                previous = e;
                lastSent = System.nanoTime();
                // Never faster than the cap over time, never two frames closer than 3/4 of the interval, yet a
                // frame that arrives a little late does not push every later frame back.
                nextAllowed = Math.max(nextAllowed + minIntervalNanos, lastSent + minIntervalNanos * 3 / 4);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private void sendIndex(HttpExchange ex) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;background:#222;color:#eee}"
                        + ".cam{display:inline-block;margin:8px;vertical-align:top}"
                        + ".cam img{width:320px;background:#000;display:block}a{color:#9cf}</style>\n")
                .append("</head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        List<Camera> list = camerasSnapshot();
        if (list.isEmpty()) {
            html.append("<p>No cameras are served.</p>\n");
        }
        // Why snapshots beyond a few cameras: browsers open at most 6 connections per server, so more than a
        // handful of endless MJPEG <img> streams would leave the rest of the page (and the links) waiting.
        boolean livePreviews = list.size() <= LIVE_PREVIEW_LIMIT;
        if (!livePreviews) {
            html.append("<p>Previews refresh twice a second (browsers open only a few connections per server); "
                    + "follow a camera's stream link for the full frame rate.</p>\n");
        }
        for (Camera c : list) {
            String base = "camera/" + c.id() + "/";
            html.append("<div class=\"cam\"><h2>").append(escape(c.name())).append("</h2>");
            if (livePreviews) {
                html.append("<img src=\"").append(base).append("stream.mjpg\" alt=\"").append(escape(c.name())).append("\">");
            } else {
                html.append("<img class=\"poll\" src=\"").append(base).append("snapshot.jpg\" alt=\"")
                        .append(escape(c.name())).append("\">");
            }
            html.append("<a href=\"").append(base).append("stream.mjpg\">stream</a> &middot; ")
                    .append("<a href=\"").append(base).append("snapshot.jpg\">snapshot</a></div>\n");
        }
        if (!livePreviews) {
            html.append("<script>setInterval(function(){document.querySelectorAll('img.poll').forEach(function(i){"
                    + "i.src=i.src.split('?')[0]+'?t='+Date.now();});},500);</script>\n");
        }
        html.append("<p><a href=\"status\">status (JSON)</a></p>\n</body></html>\n");
        noCache(ex);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        sendBody(ex, 200, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code /status} document. */
    public record Status(int viewers, int maxViewers, List<CameraStatus> cameras) {
    }

    /** One camera in {@code /status}; {@code upstream} is {@code null} when unknown. */
    public record CameraStatus(String id, String name, String stream, String snapshot, double fps, long frames,
            Long frameAgeMillis, UpstreamStatus upstream, List<FrameHub.ViewerInfo> viewers) {
    }

    /** The same figures {@code /status} serves. */
    public Status status() {
        List<CameraStatus> list = new ArrayList<>();
        for (Camera c : camerasSnapshot()) {
            Frame f = c.hub().latest();
            Long age = f == null ? null : Math.max(0, System.currentTimeMillis() - f.timestamp());
            UpstreamStatus up = null;
            if (c.upstream() != null) {
                try {
                    up = c.upstream().get();
                } catch (RuntimeException ex) {
                    LOG.warn("upstream status of camera {} failed", c.id(), ex);
                }
            }
            list.add(new CameraStatus(c.id(), c.name(), "/camera/" + c.id() + "/stream.mjpg",
                    "/camera/" + c.id() + "/snapshot.jpg", round(c.hub().fps()), c.hub().published(), age, up,
                    c.hub().viewerInfos().stream()
                            .map(v -> new FrameHub.ViewerInfo(v.remote(), v.since(), v.frames(), round(v.fps())))
                            .toList()));
        }
        return new Status(streams.get(), maxViewers, list);
    }

    private void sendStatus(HttpExchange ex) throws IOException {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(statusForJson());
        noCache(ex);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        sendBody(ex, 200, body);
    }

    private Map<String, Object> statusForJson() {
        // Why a map: Jackson without the jsr310 module cannot write Instant, so "since" goes out as text.
        Status s = status();
        List<Map<String, Object>> cams = new ArrayList<>();
        for (CameraStatus c : s.cameras()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("stream", c.stream());
            m.put("snapshot", c.snapshot());
            m.put("fps", c.fps());
            m.put("frames", c.frames());
            m.put("frameAgeMillis", c.frameAgeMillis());
            m.put("upstream", c.upstream());
            List<Map<String, Object>> vs = new ArrayList<>();
            for (FrameHub.ViewerInfo v : c.viewers()) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("remote", v.remote());
                vm.put("since", v.since().toString());
                vm.put("frames", v.frames());
                vm.put("fps", v.fps());
                vs.add(vm);
            }
            m.put("viewers", vs);
            cams.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("viewers", s.viewers());
        root.put("maxViewers", s.maxViewers());
        root.put("cameras", cams);
        return root;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String remote(HttpExchange ex) {
        InetSocketAddress a = ex.getRemoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static void noCache(HttpExchange ex) {
        ex.getResponseHeaders().set("Cache-Control", "no-cache, no-store, must-revalidate");
        ex.getResponseHeaders().set("Pragma", "no-cache");
    }

    private void sendText(HttpExchange ex, int status, String message) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        sendBody(ex, status, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void sendBody(HttpExchange ex, int status, byte[] body) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        try (ConnectionGuard.Write w = guard().write()) {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
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
