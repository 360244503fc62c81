package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.WireReader;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed HTTP response head: status line and headers, read with bounded lines and a bounded block.
 *
 * @param version "HTTP/1.1" or "HTTP/1.0"
 * @param code the status code
 * @param reason the reason phrase (may be empty)
 * @param headers name/value pairs in order, names as received
 */
public record HttpHead(String version, int code, String reason, List<String[]> headers) {
    /** Most bytes accepted for the status line plus all headers. */
    public static final int HEAD_LIMIT = 64 * 1024;

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** Every value of a header (any case). */
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    /**
     * Parses a status line such as {@code HTTP/1.1 200 OK}.
     *
     * @throws ProtocolException if it is not one
     */
    public static HttpHead parseStatusLine(String line) throws ProtocolException {
        if (line == null || !(line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 "))) {
            throw new ProtocolException("not an HTTP response: " + printable(line));
        }
        if (line.length() < 12 || !isDigits(line, 9, 12) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("malformed HTTP status line: " + printable(line));
        }
        int code = Integer.parseInt(line.substring(9, 12));
        String reason = line.length() > 13 ? line.substring(13) : "";
        return new HttpHead(line.substring(0, 8), code, reason, List.of());
    }

    /** Reads a status line and headers, each line at most {@link WireReader#LINE_LIMIT}. */
    public static HttpHead read(WireReader r) throws IOException {
        String status = r.readLine(WireReader.LINE_LIMIT, "HTTP status line");
        if (status == null) {
            throw new java.io.EOFException("connection closed before the HTTP response");
        }
        HttpHead head = parseStatusLine(status);
        List<String[]> headers = new ArrayList<>();
        int total = status.length();
        while (true) {
            String line = r.readLine(WireReader.LINE_LIMIT, "HTTP header line");
            if (line == null) {
                throw new java.io.EOFException("connection closed inside the HTTP headers");
            }
            total += line.length() + 2;
            if (total > HEAD_LIMIT) {
                throw new ProtocolException("HTTP headers longer than " + (HEAD_LIMIT / 1024) + " KiB");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : line.substring(0, colon).trim();
            if (name.isEmpty()) {
                continue; // tolerate a malformed header line, such as a name of control characters only
            }
            headers.add(new String[] {name, line.substring(colon + 1).trim()});
        }
        return new HttpHead(head.version, head.code, head.reason, List.copyOf(headers));
    }

    /** The media type of Content-Type in lower case without parameters, or "" if absent. */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The boundary parameter of Content-Type, unquoted, or null. */
    public String boundary() {
        return parameter(header("Content-Type"), "boundary");
    }

    /** A parameter of a header value such as {@code multipart/x-mixed-replace; boundary="abc"}, or null. */
    public static String parameter(String value, String name) {
        if (value == null) {
            return null;
        }
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = part.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** The Content-Length, or -1 when absent or not a number. */
    public long contentLength() {
        String v = header("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True if the body uses chunked transfer coding. */
    public boolean chunked() {
        String te = header("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String line) {
        if (line == null) {
            return "(nothing)";
        }
        String s = line.length() > 40 ? line.substring(0, 40) + "…" : line;
        return '"' + s.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }
}
