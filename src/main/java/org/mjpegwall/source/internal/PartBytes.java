package org.mjpegwall.source.internal;

/** Byte tests the multipart parser's pieces share. */
final class PartBytes {
    private PartBytes() {
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    static boolean startsWith(byte[] a, int off, byte[] p) {
        if (off + p.length > a.length) {
            return false;
        }
        for (int j = 0; j < p.length; j++) {
            if (a[off + j] != p[j]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] a, int off, int stop, String lower) {
        if (stop - off < lower.length()) {
            return false;
        }
        for (int j = 0; j < lower.length(); j++) {
            int c = a[off + j];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The index where a line break before {@code idx} starts (CRLF or LF), or {@code idx} without one. */
    static int trimLineBreak(byte[] a, int idx) {
        int end = idx;
        if (end > 0 && a[end - 1] == '\n') {
            end--;
            if (end > 0 && a[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    /** True if the bytes end with the JPEG end-of-image marker, allowing trailing whitespace. */
    static boolean endsWithEndOfImage(byte[] a, int len) {
        int i = len;
        while (i > 0 && isSpace(a[i - 1])) {
            i--;
        }
        return i >= 2 && a[i - 2] == (byte) 0xFF && a[i - 1] == (byte) 0xD9;
    }
}
