package org.mjpegwall.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Writing a server's whole answers (pages, JSON, snapshots, messages) under its connection guard's write timeout. */
final class Responses {
    private final ConnectionGuard guard;

    Responses(ConnectionGuard guard) {
        this.guard = guard;
    }

    /** Pages, snapshots and streams change all the time: no cache may keep them. */
    static void noCache(HttpExchange ex) {
        ex.getResponseHeaders().set("Cache-Control", "no-cache, no-store, must-revalidate");
        ex.getResponseHeaders().set("Pragma", "no-cache");
    }

    /** The viewer's address as {@code ip:port}, for {@code /status}. */
    static String remote(HttpExchange ex) {
        InetSocketAddress a = ex.getRemoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** A message in plain words, one line. */
    void text(HttpExchange ex, int status, String message) throws IOException {
        body(ex, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A whole body; a HEAD request gets the headers only. */
    void body(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        try (ConnectionGuard.Write w = guard.write()) {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
