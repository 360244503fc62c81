package org.mjpegwall.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process HTTP server on 127.0.0.1 that misbehaves on purpose, for client tests: each accepted
 * connection runs the next {@link Script} of its list (the last one repeats), which writes raw bytes —
 * so it can stall, close mid-frame, answer 401 with Basic or Digest challenges, redirect, send chunked
 * or HTTP/1.0 close-delimited bodies, or garbage. {@link #restart()} drops everything and listens again
 * on the same port. Every thread it starts ends on {@link #close()}.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start(
 *         ex -> ex.respondMjpeg("frame", ScriptedServer.multipart("frame", true, f1, f2)),
 *         ex -> ex.stallUntilClosed())) {
 *     URI uri = server.uri("/stream");
 *     ...
 * }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {
    /** What the server does on one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Exchange exchange) throws Exception;
    }

    /** A request as the server received it; header names in lower case. */
    public record Request(String method, String target, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final List<Script> scripts;
    private final javax.net.ssl.SSLContext tls;
    private final int port;
    private volatile ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    private ScriptedServer(javax.net.ssl.SSLContext tls, List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        this.tls = tls;
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = ss.getLocalPort();
        listen(ss);
    }

    /** Starts a server; connection i runs script i, and the last script runs for every later one. */
    public static ScriptedServer start(Script... scripts) throws IOException {
        if (scripts.length == 0) {
            throw new IllegalArgumentException("at least one script");
        }
        return new ScriptedServer(null, List.of(scripts));
    }

    /** Like {@link #start} but speaking TLS with the given context (see {@link #selfSignedTls}). */
    public static ScriptedServer startTls(javax.net.ssl.SSLContext context, Script... scripts) throws IOException {
        if (scripts.length == 0) {
            throw new IllegalArgumentException("at least one script");
        }
        return new ScriptedServer(context, List.of(scripts));
    }

    /**
     * A TLS context with a fresh self-signed certificate for 127.0.0.1, made with the JDK's keytool in
     * {@code dir}; the same context's trust manager trusts it, so a client can use its socket factory.
     */
    public static javax.net.ssl.SSLContext selfSignedTls(java.nio.file.Path dir) throws Exception {
        java.nio.file.Path store = dir.resolve("server.p12");
        String keytool = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "cam", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed: " + java.nio.file.Files.readString(dir.resolve("keytool.log")));
        }
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf =
                javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        javax.net.ssl.TrustManagerFactory tmf =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests received so far, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Exceptions thrown by scripts other than the client going away. */
    public List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Waits until at least {@code n} connections were accepted; false on timeout. */
    public boolean awaitConnections(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.get() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Closes the listener and every connection, then listens again on the same port. */
    public void restart() throws IOException {
        stopListening();
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(ss);
    }

    /** Closes the listener and every open connection (clients then see "connection refused"). */
    public void stopListening() throws IOException {
        ServerSocket ss = listener;
        if (ss != null) {
            ss.close();
        }
        for (Socket s : open) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        closing.countDown();
        stopListening();
        for (Thread t : threads) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen(ServerSocket ss) {
        listener = ss;
        Thread acceptor = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    int index = connections.getAndIncrement();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s, index), "scripted-server conn " + index);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "scripted-server accept " + port);
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    private void serve(Socket raw, int index) {
        Socket s = raw;
        try (raw) {
            raw.setSoTimeout(10_000);
            if (tls != null) {
                javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(raw, null, true);
                ssl.setUseClientMode(false);
                s = ssl;
                open.add(ssl);
                ssl.startHandshake();
            }
            Exchange ex = new Exchange(s, index);
            ex.request = readRequest(s.getInputStream());
            if (ex.request == null) {
                return;
            }
            requests.add(ex.request);
            scripts.get(Math.min(index, scripts.size() - 1)).run(ex);
            s.getOutputStream().flush();
        } catch (SocketException e) {
            // the client went away or the server closed the connection: both are part of the tests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed && !(e instanceof IOException)) {
                failures.add(e);
            }
        } finally {
            open.remove(raw);
            open.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; (h = readLine(in)) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                byte[] a = b.toByteArray();
                int n = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
                return new String(a, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b.size() > 16 * 1024) {
                throw new IOException("request line too long");
            }
            b.write(c);
        }
        return null;
    }

    /** One connection: the request, and raw output. */
    public final class Exchange {
        private final Socket socket;
        private final int index;
        private final OutputStream out;
        private Request request;

        private Exchange(Socket socket, int index) throws IOException {
            this.socket = socket;
            this.index = index;
            this.out = socket.getOutputStream();
        }

        /** 0 for the first connection. */
        public int index() {
            return index;
        }

        public Request request() {
            return request;
        }

        public OutputStream out() {
            return out;
        }

        /** Writes ISO-8859-1 text. */
        public Exchange write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        public Exchange write(byte[] bytes) throws IOException {
            out.write(bytes);
            return this;
        }

        public Exchange write(byte[] bytes, int off, int len) throws IOException {
            out.write(bytes, off, len);
            return this;
        }

        public Exchange flush() throws IOException {
            out.flush();
            return this;
        }

        /** Writes a status line and headers ({@code "Name: value"} strings) and the blank line. */
        public Exchange head(String statusLine, String... headers) throws IOException {
            StringBuilder sb = new StringBuilder(statusLine).append("\r\n");
            for (String h : headers) {
                sb.append(h).append("\r\n");
            }
            return write(sb.append("\r\n").toString());
        }

        /** A 200 multipart/x-mixed-replace head with this boundary, then the body bytes. */
        public Exchange respondMjpeg(String boundary, byte[] body) throws IOException {
            head("HTTP/1.1 200 OK", "Content-Type: multipart/x-mixed-replace; boundary=" + boundary,
                    "Cache-Control: no-cache");
            return write(body).flush();
        }

        /** Sends nothing more, keeping the connection open until the client closes it or the server stops. */
        public void stallUntilClosed() throws IOException, InterruptedException {
            out.flush();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(100);
            while (!closed && !socket.isClosed()) {
                try {
                    if (in.read() < 0) {
                        return;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // keep waiting
                }
            }
        }

        /** Sleeps, returning early if the server closes. */
        public void pause(Duration d) throws InterruptedException {
            closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Closes the connection now. */
        public void close() throws IOException {
            out.flush();
            socket.close();
        }
    }

    // ---- body builders ----------------------------------------------------------------------------------

    /**
     * A multipart body: for each frame {@code --boundary}, {@code Content-Type: image/jpeg}, an optional
     * Content-Length, a blank line, the bytes and CRLF.
     */
    public static byte[] multipart(String boundary, boolean contentLength, byte[]... frames) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            b.writeBytes(partHead(boundary, contentLength ? f.length : -1));
            b.writeBytes(f);
            b.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.toByteArray();
    }

    /** {@code --boundary CRLF Content-Type: image/jpeg CRLF [Content-Length: n CRLF] CRLF}. */
    public static byte[] partHead(String boundary, int contentLength) {
        String s = "--" + boundary + "\r\nContent-Type: image/jpeg\r\n"
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "") + "\r\n";
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Encodes bytes with chunked transfer coding in chunks of at most {@code chunk} bytes, with the last chunk. */
    public static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            b.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            b.write(body, i, n);
            b.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        b.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** ISO-8859-1 bytes of a string. */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
