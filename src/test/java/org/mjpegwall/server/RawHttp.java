package org.mjpegwall.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends exact request lines over a plain socket (no client-side path normalisation) and reads the answer. */
final class RawHttp {
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** A complete request with Connection: close; reads the body to the end (use only for finite answers). */
    static Response get(URI base, String rawPath, String... extraHeaders) throws IOException {
        try (Socket s = open(base, rawPath, extraHeaders)) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            Response head = readHead(in);
            return new Response(head.status(), head.headers(), in.readAllBytes());
        }
    }

    /** Opens a connection and sends a GET; the caller reads (or deliberately does not read) the answer. */
    static Socket open(URI base, String rawPath, String... extraHeaders) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(10_000);
        StringBuilder req = new StringBuilder("GET " + rawPath + " HTTP/1.0\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n");
        for (String h : extraHeaders) {
            req.append(h).append("\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        OutputStream out = s.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Reads the status line and headers. */
    static Response readHead(InputStream in) throws IOException {
        String status = readLine(in);
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP status line: " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, new byte[0]);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return c == -1 && b.length() == 0 ? null : b.toString();
    }
}
