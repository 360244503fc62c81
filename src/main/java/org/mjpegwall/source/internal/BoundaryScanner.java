package org.mjpegwall.source.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.ProtocolException;
import java.nio.ByteOrder;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.util.Units;

/**
 * Finds the delimiter line of a multipart body ({@code "\n--boundary"}) in the reader's working area,
 * in place, and copies the bytes before it into a frame buffer at most once.
 *
 * <p>Working memory is fixed: a 64 KiB table of the delimiter's byte pairs for the search (see
 * {@link #find}), whatever the camera sends.
 */
final class BoundaryScanner {
    /** {@code prev} value meaning "the part starts here", where a delimiter needs no line break before it. */
    static final int PART_START = -1;

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final WireReader r;
    private final long maxFrame;
    private final long skipLimit;
    private byte[] delimiter;
    private final byte[] pairs = new byte[1 << 16]; // see setDelimiter and find

    // results of the last scan()
    private int scanLength;
    private boolean scanOverflow;
    private long scanTotal;

    BoundaryScanner(WireReader reader, long maxFrame, long skipLimit) {
        this.r = reader;
        this.maxFrame = maxFrame;
        this.skipLimit = skipLimit;
    }

    /** The delimiter line with its leading dashes, or null while unknown. */
    byte[] delimiter() {
        return delimiter;
    }

    void setDelimiter(byte[] d) {
        delimiter = d;
        // marks every pair of adjacent bytes in "\n" + delimiter (indexed as little-endian shorts)
        java.util.Arrays.fill(pairs, (byte) 0);
        int prev = '\n';
        for (byte b : d) {
            pairs[prev | (b & 0xff) << 8] = 1;
            prev = b & 0xff;
        }
    }

    /** Bytes the last scan copied, without the line break before the delimiter; -1 if it copied none. */
    int length() {
        return scanLength;
    }

    /** The last scan's part outgrew the buffer or the frame limit. */
    boolean overflow() {
        return scanOverflow;
    }

    /** Bytes the last scan passed over, without the line break before the delimiter. */
    long total() {
        return scanTotal;
    }

    /**
     * Scans the reader's working area for the next delimiter line, copying the bytes before it into
     * {@code dst}'s array from {@code used} on (nothing is copied when {@code dst} is null: discarding),
     * growing it as needed. When the frame outgrows the buffer or the frame limit, copying stops and
     * {@link #overflow()} is set, but the scan goes on up to the skip limit. Leaves the reader at the
     * delimiter. Each byte is searched once, in place, and copied at most once (plus a growth's copy).
     *
     * @return false if the stream ended first
     */
    boolean scan(FrameBuffer dst, int used, String what) throws IOException {
        int m = delimiter.length;
        byte[] a = dst == null ? null : dst.data();
        int capacityBefore = a == null ? 0 : a.length;
        int copied = used;
        long total = used;
        boolean overflow = false;
        int last1 = used > 0 ? a[used - 1] : PART_START; // the byte before r.pos
        int last2 = used > 1 ? a[used - 2] : PART_START;
        boolean frame = what.equals("frame");
        long limit = frame ? skipLimit : maxFrame;
        scanOverflow = false;
        while (true) {
            int idx = find(r.buf, r.pos, r.lim, last1);
            int upTo = idx >= 0 ? idx : Math.max(r.pos, r.lim - (m - 1)); // keep a possible partial match
            int n = upTo - r.pos;
            if (n > 0) {
                if (a != null && !overflow) {
                    if (copied + n <= a.length || (copied + n <= maxFrame && dst.ensureCapacity(copied + n))) {
                        a = dst.data();
                        System.arraycopy(r.buf, r.pos, a, copied, n);
                        copied += n;
                    } else {
                        overflow = true;
                        // Too large to keep: give back what the buffer grew for it.
                        dst.shrink(Math.max(capacityBefore, used));
                        a = dst.data();
                    }
                }
                total += n;
                last2 = n >= 2 ? r.buf[upTo - 2] : last1;
                last1 = r.buf[upTo - 1];
                r.pos = upTo;
            }
            if (idx >= 0) {
                int trailing = last1 == '\n' ? (last2 == '\r' ? 2 : 1) : 0;
                scanTotal = total - trailing;
                scanLength = a == null || overflow ? -1 : copied - trailing;
                scanOverflow = overflow || scanTotal > maxFrame;
                return true;
            }
            if (total > limit) {
                throw new ProtocolException(frame
                        ? "part larger than the " + Units.bytes(limit) + " skip limit (no boundary found)"
                        : "more than " + Units.bytes(limit) + " of garbage " + what);
            }
            if (n == 0 && !r.fill()) {
                return false;
            }
        }
    }

    /**
     * Index of the first delimiter that starts a line in {@code a[from, to)}, or -1.
     *
     * <p>Why this shape: a delimiter line is {@code "\n" + delimiter}, M + 1 bytes, so probing the two
     * bytes at every M-th position lands exactly one probe pair inside each occurrence. A pair that
     * occurs nowhere in the pattern (almost every pair of JPEG data: a pattern has M pairs of 65536)
     * rules out every start around it. Probes are independent loads (four per branch), not
     * Boyer-Moore-Horspool's chain of shifts, so the loop runs near memory speed; only a rare hit
     * checks the M starts around it.
     *
     * @param prev the byte before {@code from}, or {@link #PART_START}
     */
    int find(byte[] a, int from, int to, int prev) {
        byte[] p = delimiter;
        int m = p.length;
        if (from + m > to) {
            return -1;
        }
        if ((prev == '\n' || prev == PART_START) && PartBytes.startsWith(a, from, p)) {
            return from;
        }
        int big = m + 1; // the pattern with its line feed
        byte[] table = pairs;
        int last = to - 1; // a probe reads a[q] and a[q + 1]
        int q = from;
        while (true) {
            while (q + 3 * m < last && (table[pair(a, q)] | table[pair(a, q + m)] | table[pair(a, q + 2 * m)]
                    | table[pair(a, q + 3 * m)]) == 0) {
                q += 4 * m;
            }
            int stop = Math.min(last, q + 4 * m);
            if (q >= stop) {
                return -1;
            }
            for (; q < stop; q += m) {
                if (table[pair(a, q)] == 0) {
                    continue;
                }
                // a match holding the pair at q has its line feed at s in [q - m + 1, q]; leftmost first
                for (int s = Math.max(from, q - m + 1), hi = Math.min(q, to - big); s <= hi; s++) {
                    if (a[s] == '\n' && PartBytes.startsWith(a, s + 1, p)) {
                        return s + 1;
                    }
                }
            }
        }
    }

    /**
     * The buffer holds bytes from a part's start to the next boundary, but may span a boundary if the
     * Content-Length overshot. Keeps the first part if it is a whole JPEG (length too large), else the
     * last part (the first was cut short); returns the frame's length now at the buffer's start, or 0.
     */
    int recoverFromWrongLength(byte[] data, int used) {
        int first = find(data, 0, used, PART_START);
        if (first < 0) {
            return used; // the length was merely too small
        }
        int firstEnd = PartBytes.trimLineBreak(data, first);
        if (PartBytes.endsWithEndOfImage(data, firstEnd)) {
            return firstEnd;
        }
        int last = first;
        for (int next; (next = find(data, last + 1, used, data[last])) >= 0; ) {
            last = next;
        }
        // skip the delimiter line and the part headers up to the blank line
        int i = last;
        int lineStart = -1;
        while (i < used) {
            if (data[i] == '\n') {
                int len = i - (lineStart < 0 ? last : lineStart);
                if (lineStart >= 0 && (len == 0 || (len == 1 && data[i - 1] == '\r'))) {
                    int start = i + 1;
                    System.arraycopy(data, start, data, 0, used - start);
                    return used - start;
                }
                lineStart = i + 1;
            }
            i++;
        }
        return 0;
    }

    /** The bytes at i and i + 1 as one table index (one load instead of two). */
    private static int pair(byte[] a, int i) {
        return (short) SHORT_LE.get(a, i) & 0xffff;
    }
}
