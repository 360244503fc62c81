package org.mjpegwall.source.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.mjpegwall.util.HttpUrls;
import org.mjpegwall.util.Secrets;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET of a camera URL over HTTP/1.1, as far as a successful response head: connect (TLS for https),
 * send the request, follow up to {@value #MAX_REDIRECTS} redirects, answer Basic and Digest challenges
 * (credentials only for the original origin), and turn a failure status into words. The body is left to
 * the caller, bounded by a {@link WireReader}. One instance per source, used by its thread only, except
 * {@link #abort()}, which any thread may call to end a blocked connect or read.
 *
 * <pre>{@code
 * HttpExchange.Response r = exchange.open();    // throws HttpFailure("wrong password"), IOException, …
 * ... read r.body() ...
 * exchange.close();
 * }</pre>
 */
public final class HttpExchange {
    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    static final int MAX_REDIRECTS = 5;

    /** What the connection is doing, which tells a connect timeout from a stalled stream. */
    public enum Phase { CONNECT, TLS, READ }

    /**
     * Socket timeouts.
     *
     * @param connect for the TCP connect
     * @param stall no byte for this long (on the source's time) ends the connection
     * @param stallCheck how often a blocked read looks at the time; the stall timeout itself in production
     */
    public record Timeouts(Duration connect, Duration stall, Duration stallCheck) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(stall, "stall");
            Objects.requireNonNull(stallCheck, "stallCheck");
        }
    }

    /** A successful (2xx) response: its head, and its body (transfer coding already undone). */
    public record Response(HttpHead head, WireReader body) {
        /** True if the body is one JPEG (a snapshot URL), not a multipart stream. */
        public boolean singleImage() {
            String type = head.mediaType();
            return type.equals("image/jpeg") || type.equals("image/jpg");
        }

        /** The body's length for a single image, or -1 when unknown (chunked or close-delimited). */
        public long imageLength() {
            return head.chunked() ? -1 : head.contentLength();
        }
    }

    private final URI uri;
    private final Authenticator auth;
    private final Timeouts timeouts;
    private final SSLSocketFactory sslFactory;
    private final TimeSource time;
    private final WireReader.ByteCounter counter;
    private final BooleanSupplier stopping;
    private final String redacted;
    private volatile Socket socket;
    private volatile Phase phase = Phase.CONNECT;

    /**
     * @param uri an http(s) URL (checked by {@link HttpUrls#require})
     * @param counter counts every byte read from the wire
     * @param stopping true once the source stops: no new connection is made
     */
    public HttpExchange(URI uri, Authenticator auth, Timeouts timeouts, SSLSocketFactory sslFactory, TimeSource time,
            WireReader.ByteCounter counter, BooleanSupplier stopping) {
        this.uri = HttpUrls.require(uri);
        this.auth = Objects.requireNonNull(auth, "auth");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.sslFactory = Objects.requireNonNull(sslFactory, "sslFactory");
        this.time = Objects.requireNonNull(time, "time");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.redacted = Secrets.redact(uri);
    }

    /** What the connection was doing when it last failed or succeeded. */
    public Phase phase() {
        return phase;
    }

    /**
     * Connects and sends the request, following redirects and auth challenges, up to a 2xx head.
     *
     * @throws HttpFailure for an answer that is not a stream (in words: "wrong password", "not found (HTTP 404)")
     * @throws IOException for network and protocol failures
     */
    public Response open() throws IOException {
        URI target = uri;
        for (int hops = 0; ; ) {
            Socket s = connect(target);
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            String authorization = sameOrigin(target) ? auth.authorization("GET", path) : null;
            sendRequest(s.getOutputStream(), target, path, authorization);

            WireReader wire = new WireReader(new StallGuard(s.getInputStream(), time, timeouts.stall()), counter);
            HttpHead head = HttpHead.read(wire);
            int code = head.code();
            if (code >= 300 && code < 400 && code != 304 && head.header("Location") != null) {
                if (++hops > MAX_REDIRECTS) {
                    throw new HttpFailure("too many redirects");
                }
                close();
                target = resolve(target, head.header("Location"));
                LOG.debug("{}: redirected to {}", redacted, Secrets.redact(target));
                continue;
            }
            if (code == 401) {
                close();
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
                throw new HttpFailure(ErrorWords.status(code));
            }
            if (authorization != null) {
                auth.accepted();
            }
            String type = head.mediaType();
            if (type.startsWith("text/") || type.startsWith("application/json")) {
                throw new HttpFailure("not an MJPEG stream (Content-Type " + type + ")");
            }
            return new Response(head, head.chunked() ? new WireReader(new ChunkedInputStream(wire)) : wire);
        }
    }

    /** Closes the connection, if any. */
    public void close() {
        Socket s = socket;
        socket = null;
        closeQuietly(s);
    }

    /** From any thread: closes the connection, which ends a blocked connect, handshake or read. */
    public void abort() {
        closeQuietly(socket);
    }

    private static void sendRequest(OutputStream out, URI target, String path, String authorization)
            throws IOException {
        StringBuilder req = new StringBuilder();
        req.append("GET ").append(path).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(hostHeader(target)).append("\r\n");
        req.append("User-Agent: mjpeg-wall\r\n");
        req.append("Accept: multipart/x-mixed-replace, image/jpeg, */*\r\n");
        req.append("Connection: close\r\n");
        if (authorization != null) {
            req.append("Authorization: ").append(authorization).append("\r\n");
        }
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private Socket connect(URI target) throws IOException {
        Socket plain = new Socket();
        socket = plain;
        if (stopping.getAsBoolean()) {
            throw new InterruptedIOException("stopped");
        }
        phase = Phase.CONNECT;
        int port = HttpUrls.port(target);
        plain.connect(new InetSocketAddress(target.getHost(), port), millis(timeouts.connect()));
        plain.setSoTimeout(millis(timeouts.stall())); // real time for the handshake, as for the whole read before
        plain.setTcpNoDelay(true);
        Socket s = plain;
        if (HttpUrls.isTls(target)) {
            phase = Phase.TLS;
            SSLSocket ssl = (SSLSocket) sslFactory.createSocket(plain, target.getHost(), port, true);
            socket = ssl;
            var params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            s = ssl;
        }
        if (!timeouts.stallCheck().equals(timeouts.stall())) {
            s.setSoTimeout(millis(timeouts.stallCheck()));
        }
        phase = Phase.READ;
        return s;
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private boolean sameOrigin(URI target) {
        return Objects.equals(target.getHost(), uri.getHost()) && HttpUrls.port(target) == HttpUrls.port(uri)
                && target.getScheme().equalsIgnoreCase(uri.getScheme());
    }

    private static String hostHeader(URI u) {
        String host = u.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return u.getPort() >= 0 ? host + ":" + u.getPort() : host;
    }

    private static URI resolve(URI base, String location) throws HttpFailure {
        URI next;
        try {
            next = base.resolve(new URI(location.trim()));
        } catch (URISyntaxException e) {
            throw new HttpFailure("redirected to a malformed URL");
        }
        if (HttpUrls.problem(next) != null) {
            throw new HttpFailure("redirected to an unsupported URL");
        }
        return next;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
