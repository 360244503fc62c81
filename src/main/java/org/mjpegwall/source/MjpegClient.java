package org.mjpegwall.source;

import org.mjpegwall.util.Secrets;

import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.mjpegwall.source.internal.Authenticator;
import org.mjpegwall.source.internal.Backoff;
import org.mjpegwall.source.internal.ChunkedInputStream;
import org.mjpegwall.source.internal.FailureLog;
import org.mjpegwall.source.internal.HttpHead;
import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.util.RateMeter;
import org.mjpegwall.util.Units;
import org.mjpegwall.source.internal.WireReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A threaded MJPEG client with a pool of reusable frame buffers (the Java heir of py-mjpeg's
 * {@code MJPEGClient}). It reads an MJPEG stream (or polls a snapshot URL) on its own thread, fills
 * buffers the application has enqueued, and queues the completed ones for {@link #dequeueBuffer()}.
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
 * that has had no frame for {@code waitingAfter} (default 3 s) reports WAITING until the next frame,
 * or until the stall timeout ends the connection. Out of free buffers, it keeps reading and discards
 * frames (counting overrun episodes and discarded frames); a frame larger than its buffer or the frame
 * limit is skipped and counted as discarded, and the stream goes on; it reconnects by itself with
 * exponential backoff. {@code lastError} is cleared by the next frame that arrives.
 *
 * <p>Concurrency policy: one reader thread per client does all I/O and never runs application code.
 * Buffers move between the application and the reader only through two bounded queues, which give the
 * happens-before edges. Counters and {@code lastError} are volatile and written by the reader alone.
 * The small state below ({@code state}, {@code retryAt}) is guarded by {@code this}, and no lock is
 * held during I/O. Time comes from the builder's clock (wall time) and ticker (monotonic), so tests
 * control both. {@link #stop()} closes the socket and wakes a backoff wait, so it ends the thread within
 * a second even in the middle of a connect, a read or a backoff.
 *
 * <p>Why not the JDK's HttpClient: it offers no read-stall timeout on a streaming body and hands out
 * its own buffers, so bounding memory per camera and detecting a silent camera would need another
 * thread and copies. This class reads HTTP/1.1 itself over a {@link Socket} (TLS via the JDK's
 * {@link SSLSocketFactory}), with every line, header block and frame bounded.
 */
public final class MjpegClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MjpegClient.class);
    private static final int MAX_REDIRECTS = 5;

    private final URI uri;
    private final String redacted;
    private final String user;
    private final String password;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final Duration pollInterval;
    private final Duration healthyAfter;
    private final Duration waitingAfter;
    private final int maxFrameSize;
    private final String threadName;
    private final SSLSocketFactory sslFactory;
    private final Clock clock;
    private final LongSupplier ticker;
    private final Backoff backoff;
    private final Authenticator authenticator;

    private final Object poolLock = new Object();
    // guarded by poolLock; replaced only before start()
    private ArrayBlockingQueue<FrameBuffer> free = new ArrayBlockingQueue<>(1);
    private ArrayBlockingQueue<FrameBuffer> ready = new ArrayBlockingQueue<>(1);
    private final Set<FrameBuffer> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    // guarded by this
    private SourceState state = SourceState.NEW;
    private Instant retryAt;
    private Thread thread;

    private final CountDownLatch stopLatch = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Socket socket;

    // written by the reader thread only
    private volatile long bytes;
    private volatile long totalFrames;
    private volatile long discardedFrames;
    private volatile long overruns;
    private volatile long reconnects;
    private volatile long lastFrameMillis = -1;
    private volatile String lastError;
    /** Ticker time of the last frame, or of the start of the stream before its first frame. */
    private volatile long lastProgressNanos;
    /** The source answers snapshots (one image per request), polled every pollInterval. */
    private volatile boolean polling;
    private final RateMeter rate = new RateMeter(TimeUnit.SECONDS.toNanos(2));

    public MjpegClient(URI uri) {
        this(builder(uri));
    }

    private MjpegClient(Builder b) {
        this.uri = b.uri;
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL: " + Secrets.redact(uri));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + Secrets.redact(uri));
        }
        this.redacted = Secrets.redact(uri);
        String u = b.user;
        String p = b.password;
        Secrets.Login login = Secrets.login(uri);
        if (u == null && login != null) {
            u = login.user();
            p = login.password();
        }
        this.user = u;
        this.password = p == null ? "" : p;
        this.connectTimeout = b.connectTimeout;
        this.stallTimeout = b.stallTimeout;
        this.pollInterval = b.pollInterval;
        this.healthyAfter = b.healthyAfter;
        this.waitingAfter = b.waitingAfter;
        this.maxFrameSize = b.maxFrameSize;
        this.threadName = b.threadName != null ? b.threadName : "mjpeg-client " + redacted;
        this.sslFactory = b.sslFactory != null ? b.sslFactory : (SSLSocketFactory) SSLSocketFactory.getDefault();
        this.clock = b.clock;
        this.ticker = b.ticker;
        this.backoff = new Backoff(b.backoffInitial, b.backoffMax, b.random);
        this.authenticator = new Authenticator(user, this.password);
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /**
     * Allocates {@code count} buffers of {@code length} bytes that belong to this client. They are not
     * queued yet: hand each to {@link #enqueueBuffer} (as in the seed). Call before {@link #start()}.
     */
    public List<FrameBuffer> requestBuffers(int length, int count) {
        return requestBuffers(length, length, count);
    }

    /**
     * Like {@link #requestBuffers(int, int)}, but each buffer starts with {@code length} bytes and grows
     * (on the reader thread) to hold the largest frame seen, up to {@code maxLength}: a pool that follows
     * the camera, small for a VGA camera and large for a 4K one. Frames larger than {@code maxLength}
     * are skipped and counted as discarded.
     */
    public List<FrameBuffer> requestBuffers(int length, int maxLength, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("buffer count must be positive: " + count);
        }
        List<FrameBuffer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new FrameBuffer(length, maxLength));
        }
        synchronized (this) {
            if (state != SourceState.NEW) {
                throw new IllegalStateException("request buffers before start(); the client is " + state);
            }
        }
        synchronized (poolLock) {
            owned.addAll(list);
            ArrayBlockingQueue<FrameBuffer> f = new ArrayBlockingQueue<>(owned.size());
            ArrayBlockingQueue<FrameBuffer> r = new ArrayBlockingQueue<>(owned.size());
            free.drainTo(f);
            ready.drainTo(r);
            free = f;
            ready = r;
        }
        return List.copyOf(list);
    }

    /** Gives a buffer to the client to fill. */
    public void enqueueBuffer(FrameBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        ArrayBlockingQueue<FrameBuffer> f;
        synchronized (poolLock) {
            if (!owned.contains(buffer)) {
                throw new IllegalArgumentException("buffer was not requested from this client");
            }
            f = free;
        }
        if (!f.offer(buffer)) {
            throw new IllegalStateException("buffer enqueued twice");
        }
    }

    /** Waits for the next completed frame. */
    public FrameBuffer dequeueBuffer() throws InterruptedException {
        return readyQueue().take();
    }

    /** @return the next completed buffer, or {@code null} on timeout */
    public FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException {
        return readyQueue().poll(timeout, unit);
    }

    private ArrayBlockingQueue<FrameBuffer> readyQueue() {
        synchronized (poolLock) {
            return ready;
        }
    }

    /** Starts the reader thread. Once only. */
    public void start() {
        synchronized (this) {
            if (state != SourceState.NEW) {
                throw new IllegalStateException("a client starts once; this one is " + state);
            }
            state = SourceState.CONNECTING;
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops the reader thread, waiting for it up to a second. Idempotent. */
    public void stop() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = thread;
            if (t == null) {
                state = SourceState.STOPPED;
                retryAt = null;
            }
        }
        stopLatch.countDown();
        closeQuietly(socket);
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("{}: reader thread did not stop within 1 s", redacted);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** True once stop() was called or the thread ended. */
    public boolean isStopped() {
        return state() == SourceState.STOPPED;
    }

    /** The state; WAITING is a STREAMING client that has had no frame for a while. */
    public SourceState state() {
        SourceState s;
        synchronized (this) {
            s = state;
        }
        return shown(s, ticker.getAsLong());
    }

    private SourceState shown(SourceState s, long now) {
        if (s != SourceState.STREAMING) {
            return s;
        }
        long quiet = waitingAfter.toNanos() + (polling ? pollInterval.toNanos() : 0);
        return now - lastProgressNanos >= quiet ? SourceState.WAITING : s;
    }

    /** The reader thread, or null before start (for diagnostics and allocation measurements). */
    public synchronized Thread readerThread() {
        return thread;
    }

    public SourceStats stats() {
        long now = ticker.getAsLong();
        long last = lastFrameMillis;
        int queue;
        synchronized (poolLock) {
            queue = ready.size();
        }
        SourceState s;
        Instant retry;
        synchronized (this) {
            s = state;
            retry = retryAt;
        }
        return new SourceStats(redacted, shown(s, now), rate.fps(now), rate.bytesPerSecond(now) * 8, bytes,
                totalFrames, discardedFrames, overruns, reconnects, queue, lastError,
                last < 0 ? null : Instant.ofEpochMilli(last), retry);
    }

    /** Prints the stats in the seed's layout. */
    public void printStats(PrintStream out) {
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

    /** The URL without userinfo and without the values of credential-like query parameters. */
    public String redactedUrl() {
        return redacted;
    }


    // ---- reader thread -------------------------------------------------------------------------------

    private synchronized void transition(SourceState to, String error, Instant retry) {
        if (state == SourceState.STOPPED) {
            return;
        }
        boolean ok = switch (to) {
            case CONNECTING -> state == SourceState.BACKOFF || state == SourceState.CONNECTING
                    || state == SourceState.STREAMING;
            case STREAMING -> state == SourceState.CONNECTING || state == SourceState.STREAMING;
            case BACKOFF -> state == SourceState.CONNECTING || state == SourceState.STREAMING;
            case STOPPED -> true;
            case NEW, WAITING -> false; // WAITING is derived from STREAMING, never stored
        };
        if (!ok) {
            throw new IllegalStateException("illegal transition " + state + " -> " + to);
        }
        state = to;
        if (error != null) {
            lastError = error;
        }
        retryAt = retry;
    }

    private void run() {
        boolean reconnect = false; // the next attempt follows a failure or a closed stream
        try {
            while (!stopping) {
                if (reconnect) {
                    reconnects++;
                }
                reconnect = true;
                transition(SourceState.CONNECTING, null, null);
                long started = ticker.getAsLong();
                long framesBefore = totalFrames;
                String error;
                boolean poll = false;
                try {
                    poll = session();
                    error = poll ? null : "connection closed by the camera";
                    if (!poll && !stopping) {
                        logFailure(error, null);
                    }
                } catch (Exception e) {
                    error = stopping ? null : describe(e);
                    if (stopping) {
                        // closing the socket from stop() makes the read fail: not an error
                    } else if (e instanceof RuntimeException) {
                        LOG.warn("{}: unexpected failure, reconnecting", redacted, e); // a bug: keep the stack
                    } else {
                        logFailure(error, e);
                    }
                } finally {
                    closeQuietly(socket);
                    socket = null;
                }
                if (stopping) {
                    break;
                }
                if (poll) {
                    // A snapshot URL answered with an image: poll again after the interval, no backoff.
                    backoff.reset();
                    if (stopLatch.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    reconnect = false; // a poll is not a reconnect
                    continue;
                }
                boolean healthy = totalFrames > framesBefore
                        && ticker.getAsLong() - started >= healthyAfter.toNanos();
                if (healthy) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                transition(SourceState.BACKOFF, error, clock.instant().plus(delay));
                if (stopLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts; fall through to STOPPED
        } catch (RuntimeException | Error e) {
            LOG.error("{}: reader thread failed", redacted, e);
            lastError = "internal error: " + e;
        } finally {
            transition(SourceState.STOPPED, null, null);
        }
    }

    private final FailureLog failureLog = new FailureLog(); // reader thread only

    /** Logs a connection failure: the first one and a change of error at INFO, repeats at DEBUG. */
    private void logFailure(String error, Exception e) {
        if (failureLog.failed(error)) {
            LOG.info("{}: {}; retrying with backoff", redacted, error);
            if (e != null) {
                LOG.debug("{}: details", redacted, e); // once per new error: repeats have the same stack
            }
        } else {
            LOG.debug("{}: {} (again, {} failed attempts)", redacted, error, failureLog.attempts());
        }
    }

    /** The first frame of a connection: logs the recovery once if a failure was logged before it. */
    private void logStreaming() {
        long failed = failureLog.streaming();
        if (failed > 0) {
            LOG.info("{}: streaming again after {} failed attempt{}", redacted, failed, failed == 1 ? "" : "s");
        }
    }

    /** One connection (following redirects and auth challenges). Returns true for a snapshot poll. */
    private boolean session() throws IOException {
        URI target = uri;
        Authenticator auth = authenticator;
        for (int hops = 0; ; ) {
            Socket s = open(target);
            OutputStream out = s.getOutputStream();
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            StringBuilder req = new StringBuilder();
            req.append("GET ").append(path).append(" HTTP/1.1\r\n");
            req.append("Host: ").append(hostHeader(target)).append("\r\n");
            req.append("User-Agent: mjpeg-wall\r\n");
            req.append("Accept: multipart/x-mixed-replace, image/jpeg, */*\r\n");
            req.append("Connection: close\r\n");
            String authorization = sameOrigin(target) ? auth.authorization("GET", path) : null;
            if (authorization != null) {
                req.append("Authorization: ").append(authorization).append("\r\n");
            }
            req.append("\r\n");
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            WireReader wire = new WireReader(s.getInputStream(), this::countBytes);
            HttpHead head = HttpHead.read(wire);
            int code = head.code();
            if (code >= 300 && code < 400 && code != 304 && head.header("Location") != null) {
                if (++hops > MAX_REDIRECTS) {
                    throw new HttpFailure("too many redirects");
                }
                closeQuietly(s);
                target = resolve(target, head.header("Location"));
                LOG.debug("{}: redirected to {}", redacted, Secrets.redact(target));
                continue;
            }
            if (code == 401) {
                closeQuietly(s);
                if (!auth.hasCredentials()) {
                    throw new HttpFailure("password required (HTTP 401)");
                }
                if (!sameOrigin(target) || !auth.onChallenge(head.headers("WWW-Authenticate"))) {
                    throw new HttpFailure("wrong password");
                }
                if (++hops > MAX_REDIRECTS) {
                    throw new HttpFailure("wrong password");
                }
                continue;
            }
            if (code < 200 || code >= 300) {
                throw new HttpFailure(statusWords(code));
            }
            if (authorization != null) {
                auth.accepted();
            }
            String type = head.mediaType();
            if (type.startsWith("text/") || type.startsWith("application/json")) {
                throw new HttpFailure("not an MJPEG stream (Content-Type " + type + ")");
            }
            WireReader body = head.chunked() ? new WireReader(new ChunkedInputStream(wire)) : wire;
            lastProgressNanos = ticker.getAsLong();
            transition(SourceState.STREAMING, null, null);
            sequence = 0;
            if (type.equals("image/jpeg") || type.equals("image/jpg")) {
                polling = true; // before the frame: a reader of the state must not see it waiting
                new MultipartParser(body, null, maxFrameSize).readWholeBody(sink, head.chunked() ? -1 : head.contentLength());
                return true;
            }
            MultipartParser parser = new MultipartParser(body, head.boundary(), maxFrameSize);
            while (!stopping && parser.readPart(sink)) {
                // frames go to the sink
            }
            return false;
        }
    }


    private boolean sameOrigin(URI target) {
        return Objects.equals(target.getHost(), uri.getHost()) && effectivePort(target) == effectivePort(uri)
                && target.getScheme().equalsIgnoreCase(uri.getScheme());
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : (u.getScheme().equalsIgnoreCase("https") ? 443 : 80);
    }

    private static String hostHeader(URI u) {
        String host = u.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return u.getPort() >= 0 ? host + ":" + u.getPort() : host;
    }

    private static URI resolve(URI base, String location) throws HttpFailure {
        try {
            URI next = base.resolve(new URI(location.trim()));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new HttpFailure("redirected to an unsupported URL");
            }
            return next;
        } catch (URISyntaxException e) {
            throw new HttpFailure("redirected to a malformed URL");
        }
    }

    private Socket open(URI target) throws IOException {
        boolean tls = target.getScheme().equalsIgnoreCase("https");
        Socket plain = new Socket();
        socket = plain;
        if (stopping) {
            throw new InterruptedIOException("stopped");
        }
        phase = Phase.CONNECT;
        plain.connect(new InetSocketAddress(target.getHost(), effectivePort(target)),
                (int) Math.max(1, connectTimeout.toMillis()));
        plain.setSoTimeout((int) Math.max(1, stallTimeout.toMillis()));
        plain.setTcpNoDelay(true);
        if (!tls) {
            phase = Phase.READ;
            return plain;
        }
        phase = Phase.TLS;
        SSLSocket ssl = (SSLSocket) sslFactory.createSocket(plain, target.getHost(), effectivePort(target), true);
        socket = ssl;
        var params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        phase = Phase.READ;
        return ssl;
    }

    private enum Phase { CONNECT, TLS, READ }

    private volatile Phase phase = Phase.CONNECT;

    /** An exception in plain words for the stats. Never includes credentials. */
    private String describe(Exception e) {
        if (e instanceof HttpFailure h) {
            return h.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("timed out") ? "connection timed out" : "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return switch (phase) {
                case CONNECT -> "connection timed out";
                case TLS -> "TLS handshake failed: timed out";
                case READ -> "stream stalled (no data for " + seconds(stallTimeout) + ")";
            };
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed: " + e.getMessage();
        }
        if (e instanceof ProtocolException) {
            return "protocol error: " + e.getMessage();
        }
        if (e instanceof EOFException) {
            return e.getMessage() == null ? "connection closed by the camera" : e.getMessage();
        }
        if (e instanceof SocketException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("reset")) {
                return "connection reset by the camera";
            }
            return "network error: " + e.getMessage();
        }
        return "error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String statusWords(int code) {
        return switch (code) {
            case 401 -> "wrong password";
            case 403 -> "access denied (HTTP 403)";
            case 404 -> "not found (HTTP 404)";
            case 407 -> "proxy authentication required (HTTP 407)";
            case 503 -> "camera busy or unavailable (HTTP 503)";
            default -> code >= 500 ? "camera error (HTTP " + code + ")" : "unexpected response (HTTP " + code + ")";
        };
    }

    private void countBytes(int n) {
        long total = bytes + n;
        bytes = total; // single writer: the reader thread
        if (total - bytesInRate >= 1 << 20) {
            recordRateBytes(ticker.getAsLong()); // no frame for a while: keep the bitrate honest
        }
    }

    /** Moves bytes counted since the last call into the rate meter (once per frame, not per read). */
    private void recordRateBytes(long now) {
        long total = bytes;
        rate.recordBytes(now, total - bytesInRate);
        bytesInRate = total;
    }

    private long bytesInRate; // reader thread only

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** An HTTP-level failure whose message is already in plain words. */
    private static final class HttpFailure extends IOException {
        HttpFailure(String message) {
            super(message);
        }
    }

    // ---- pool side of the parser (reader thread) ------------------------------------------------------

    private long sequence;
    private boolean inOverrun;
    private int largestFrame; // of the frames delivered; growing buffers are made this large up front
    private String lastSkipLogged;

    private final MultipartParser.Sink sink = new MultipartParser.Sink() {
        @Override
        public FrameBuffer acquire() {
            FrameBuffer b = free.poll();
            if (b == null) {
                if (!inOverrun) {
                    inOverrun = true;
                    overruns++;
                }
            } else {
                inOverrun = false;
                // One growth to the size frames have, rather than several while a frame is scanned.
                b.ensureCapacity(Math.min(largestFrame, b.maxLength()));
            }
            return b;
        }

        @Override
        public void deliver(FrameBuffer buffer, int used) {
            long now = ticker.getAsLong();
            long millis = clock.millis();
            frameArrived(now);
            buffer.complete(used, sequence++, millis, now);
            totalFrames++;
            lastFrameMillis = millis;
            largestFrame = Math.max(largestFrame, used);
            rate.recordFrame(now);
            recordRateBytes(now);
            ready.offer(buffer);
        }

        @Override
        public void discard(FrameBuffer buffer) {
            long now = ticker.getAsLong();
            frameArrived(now);
            sequence++;
            totalFrames++;
            discardedFrames++;
            lastFrameMillis = clock.millis();
            rate.recordFrame(now);
            if (buffer != null) {
                free.offer(buffer);
            }
        }

        @Override
        public void skipped(FrameBuffer buffer, long size) {
            // Not a sign of life for WAITING: a camera whose every frame is too large shows nothing.
            sequence++;
            totalFrames++;
            discardedFrames++;
            String why = size > maxFrameSize
                    ? "larger than the " + Units.bytes(maxFrameSize) + " frame limit"
                    : "larger than the " + Units.bytes(buffer == null ? 0 : buffer.maxLength()) + " buffers";
            String message = "frame of " + size + " bytes skipped: " + why;
            lastError = message;
            if (!message.equals(lastSkipLogged)) {
                lastSkipLogged = message;
                LOG.info("{}: {}", redacted, message);
            } else {
                LOG.debug("{}: {}", redacted, message);
            }
            if (buffer != null) {
                free.offer(buffer);
            }
        }

        @Override
        public void release(FrameBuffer buffer) {
            if (buffer != null) {
                free.offer(buffer);
            }
        }
    };

    /** A frame arrived: the camera is live; an error from before is past. */
    private void frameArrived(long now) {
        if (sequence == 0) {
            logStreaming();
        }
        lastProgressNanos = now;
        if (lastError != null) {
            lastError = null;
        }
    }

    /** Options for a client. */
    public static final class Builder {
        private final URI uri;
        private String user;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration stallTimeout = Duration.ofSeconds(10);
        private Duration backoffInitial = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(10);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration healthyAfter = Duration.ofSeconds(5);
        private Duration waitingAfter = Duration.ofSeconds(3);
        private int maxFrameSize = 32 * 1024 * 1024;
        private String threadName;
        private SSLSocketFactory sslFactory;
        private Clock clock = Clock.systemUTC();
        private LongSupplier ticker = System::nanoTime;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

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
         * 3 s; for a snapshot URL, on top of the poll interval).
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

        /** How often a snapshot URL (one image/jpeg per request) is polled (default 1 s). */
        public Builder snapshotPollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d, "poll interval");
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

        /** Clock for timestamps and retryAt (tests). */
        Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Monotonic time in nanoseconds for rates, WAITING and frame arrival times (tests). */
        Builder ticker(LongSupplier t) {
            this.ticker = Objects.requireNonNull(t);
            return this;
        }

        /** Jitter source in [0, 1) (tests). */
        Builder random(DoubleSupplier r) {
            this.random = Objects.requireNonNull(r);
            return this;
        }

        public MjpegClient build() {
            return new MjpegClient(this);
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
