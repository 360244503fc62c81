package org.mjpegwall.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A strict test reader of multipart/x-mixed-replace bodies: every part must start with the declared boundary
 * and carry Content-Type: image/jpeg and a Content-Length. Deliberately independent of the production code.
 */
final class MultipartReader {
    private final InputStream in;
    private final String boundary;

    MultipartReader(InputStream in, String contentTypeHeader) {
        this.in = in;
        this.boundary = boundaryOf(contentTypeHeader);
    }

    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/x-mixed-replace")) {
            throw new AssertionError("not a multipart/x-mixed-replace response: " + contentType);
        }
        int i = contentType.indexOf("boundary=");
        if (i < 0) {
            throw new AssertionError("no boundary declared in " + contentType);
        }
        return contentType.substring(i + "boundary=".length()).trim();
    }

    /** The next part's JPEG bytes, or {@code null} at a clean end of stream. */
    byte[] next() throws IOException {
        String line = readLine();
        while (line != null && line.isEmpty()) {
            line = readLine(); // the CRLF after the previous part's body
        }
        if (line == null) {
            return null;
        }
        if (!line.equals("--" + boundary)) {
            throw new AssertionError("expected boundary --" + boundary + " but got '" + line + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        while (!(line = readLineOrFail()).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (!"image/jpeg".equals(headers.get("content-type"))) {
            throw new AssertionError("part without Content-Type: image/jpeg: " + headers);
        }
        String length = headers.get("content-length");
        if (length == null) {
            throw new AssertionError("part without Content-Length: " + headers);
        }
        return in.readNBytes(Integer.parseInt(length));
    }

    private String readLineOrFail() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new EOFException("stream ended inside part headers");
        }
        return line;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.US_ASCII);
            }
            b.write(c);
            if (b.size() > 1000) {
                throw new AssertionError("header line longer than 1000 bytes");
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
}
