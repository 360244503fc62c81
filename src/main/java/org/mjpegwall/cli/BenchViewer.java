package org.mjpegwall.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relay benchmark's viewer: a plain socket reader, HTTP/1.1 like a browser, that de-chunks the body and counts
 * parts by their Content-Length, on a thread of its own. Why not the project's client: the benchmark measures the
 * relay as browsers see it, with a reader as cheap as possible.
 */
final class BenchViewer {
    final AtomicLong frames = new AtomicLong();
    final Thread thread;
    private final URI uri;
    private volatile Socket socket;
    volatile boolean connected;

    BenchViewer(URI uri) {
        this.uri = uri;
        this.thread = new Thread(this::run, "viewer");
        thread.setDaemon(true);
    }

    void close() {
        Socket s = socket;
        thread.interrupt();
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void run() {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            socket = s;
            OutputStream o = s.getOutputStream();
            o.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream raw = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            String status = line(raw);
            if (status == null || !status.contains(" 200 ")) {
                return;
            }
            boolean chunked = false;
            String h;
            while ((h = line(raw)) != null && !h.isEmpty()) {
                if (h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            connected = true;
            InputStream body = chunked ? new Dechunker(raw) : raw;
            byte[] scratch = new byte[64 * 1024];
            while (!Thread.currentThread().isInterrupted()) {
                String l = line(body);
                if (l == null) {
                    return;
                }
                if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                    int len = Integer.parseInt(l.substring(15).trim());
                    if (!line(body).isEmpty()) {
                        return;
                    }
                    while (len > 0) {
                        int r = body.read(scratch, 0, Math.min(len, scratch.length));
                        if (r < 0) {
                            return;
                        }
                        len -= r;
                    }
                    frames.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException ex) {
            // the viewer ends; its count shows it
        } finally {
            connected = false;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
            if (b.length() > 4096) {
                throw new IOException("line too long");
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Reads the body of a chunked HTTP/1.1 response. */
    private static final class Dechunker extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Dechunker(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                String size = line(in);
                while (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF closing the previous chunk
                }
                if (size == null) {
                    done = true;
                    return false;
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (left == 0) {
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!fill()) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            if (r > 0) {
                left -= r;
            }
            return r;
        }
    }
}
