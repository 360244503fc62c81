package org.mjpegwall.source.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * Reads the headers of one multipart part, in place in the reader's working area, bounded per line and
 * per block, and keeps only what the parser needs: the Content-Length.
 */
final class PartHeaders {
    private PartHeaders() {
    }

    /** Reads part headers; returns the Content-Length, or -1 when missing, malformed or conflicting. */
    static long read(WireReader r) throws IOException {
        long length = -1;
        boolean conflict = false;
        int total = 0;
        while (true) {
            if (r.ensure(2) && r.buf[r.pos] == (byte) 0xFF && r.buf[r.pos + 1] == (byte) 0xD8) {
                break; // a JPEG right after the boundary: no headers, no blank line
            }
            int end = r.lineEnd(WireReader.LINE_LIMIT, "part header line");
            if (end < 0) {
                throw new EOFException("connection closed inside part headers");
            }
            total += end - r.pos + 1;
            if (total > MultipartParser.HEADER_BLOCK_LIMIT) {
                throw new ProtocolException("part headers longer than " + (MultipartParser.HEADER_BLOCK_LIMIT / 1024)
                        + " KiB");
            }
            int stop = end > r.pos && r.buf[end - 1] == '\r' ? end - 1 : end;
            if (stop == r.pos) {
                r.pos = end + 1;
                break;
            }
            if (PartBytes.startsWithIgnoreCase(r.buf, r.pos, stop, "content-length")) {
                long v = parseLengthValue(r.buf, r.pos + "content-length".length(), stop);
                if (v == -2) {
                    conflict = true;
                } else if (v >= 0) {
                    if (length >= 0 && length != v) {
                        conflict = true;
                    }
                    length = v;
                }
            }
            r.pos = end + 1;
        }
        return conflict ? -1 : length;
    }

    /**
     * Parses {@code [spaces] ':' value [',' value]*} in place; -1 if not a Content-Length header
     * (for example "Content-Length-Foo"), -2 if malformed or its values disagree.
     */
    static long parseLengthValue(byte[] b, int i, int stop) {
        while (i < stop && PartBytes.isSpace(b[i])) {
            i++;
        }
        if (i >= stop || b[i] != ':') {
            return -1;
        }
        i++;
        long result = -1;
        while (true) {
            while (i < stop && PartBytes.isSpace(b[i])) {
                i++;
            }
            long v = 0;
            int digits = 0;
            while (i < stop && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    v = v * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return -2;
            }
            if (digits >= 18) {
                v = Long.MAX_VALUE;
            }
            if (result >= 0 && result != v) {
                return -2;
            }
            result = v;
            while (i < stop && PartBytes.isSpace(b[i])) {
                i++;
            }
            if (i == stop) {
                return result;
            }
            if (b[i] != ',') {
                return -2;
            }
            i++;
        }
    }
}
