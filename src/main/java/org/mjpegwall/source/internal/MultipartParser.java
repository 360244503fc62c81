package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.WireReader;
import org.mjpegwall.util.Units;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.ProtocolException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.mjpegwall.frame.FrameBuffer;

/**
 * Reads the parts of a multipart (MJPEG) body from a {@link WireReader} into pooled buffers. It has no
 * socket: tests feed it bytes. It tolerates what real cameras send — a boundary that differs from the
 * header's or is missing there, parts with or without (or with a wrong) Content-Length, garbage between
 * parts, blank lines, bare LF — and bounds every read: lines, header blocks and frames.
 *
 * <p>A part larger than the frame limit is skipped, not read: with a Content-Length its bytes are
 * passed over, without one up to the next boundary, and the stream goes on (a camera that sends one
 * huge part among normal frames loses that part only). Skipping is bounded too: a part longer than
 * {@link #skipLimit()} is a protocol error.
 *
 * <p>Working memory is fixed: the reader's area, a 64 KiB table of the delimiter's byte pairs (for the
 * search) and, for snapshot bodies being discarded only, one scratch area of the reader's size. With a
 * Content-Length, frame bytes go straight from the socket into the pooled buffer; without one, the
 * boundary is searched in place in the reader's area and the bytes before it are copied once into the
 * buffer. A growing buffer ({@link FrameBuffer#maxLength()}) is enlarged as a frame needs it.
 */
public final class MultipartParser {
    /** Most bytes of part headers accepted for one part. */
    public static final int HEADER_BLOCK_LIMIT = 64 * 1024;
    /** RFC 2046 allows 70 characters; some cameras use more, none this many. */
    static final int MAX_DELIMITER = 256;

    /** Where frames go. Called on the reader's thread only. */
    public interface Sink {
        /** A free buffer for the next frame, or {@code null} to discard it (out of buffers). */
        FrameBuffer acquire();

        /** A complete frame of {@code used} bytes is in the buffer. */
        void deliver(FrameBuffer buffer, int used);

        /** A complete frame was seen but not kept: no buffer was free. Buffer may be null. */
        void discard(FrameBuffer buffer);

        /**
         * A complete part was skipped because it does not fit: {@code size} bytes, more than the buffer
         * can hold or more than the frame limit. Buffer may be null (the part was skipped before one
         * was taken).
         */
        void skipped(FrameBuffer buffer, long size);

        /** No frame came of this part (empty, cut short or corrupt); give the buffer back. May be null. */
        void release(FrameBuffer buffer);
    }

    private static final int PEEK_EOF = 0;
    private static final int PEEK_DELIMITER = 1;
    private static final int PEEK_OTHER = 2;

    /** How many frame limits of an over-limit part are skipped at most (256 MiB for the default 32 MiB). */
    static final int SKIP_LIMIT_FRAMES = 8;

    private final WireReader r;
    private final long maxFrame;
    private final long skipLimit;
    private byte[] scratch; // for snapshot bodies only; made when first needed
    private byte[] delimiter;
    private final byte[] pairs = new byte[1 << 16]; // see setDelimiter and find
    private boolean delimiterFromBody;
    private boolean atPartHeaders;
    private boolean started;

    // results of the last scan()
    private int scanLength;
    private boolean scanOverflow;
    private long scanTotal;

    /**
     * @param headerBoundary the boundary named in the response's Content-Type, or null
     * @param maxFrame the largest frame accepted; a larger one is a protocol error
     */
    public MultipartParser(WireReader reader, String headerBoundary, long maxFrame) {
        this.r = reader;
        this.maxFrame = maxFrame;
        this.skipLimit = SKIP_LIMIT_FRAMES * maxFrame;
        if (headerBoundary != null && !headerBoundary.isEmpty()) {
            // Some cameras put the leading dashes in the header's boundary as well as in the body.
            setDelimiter((headerBoundary.startsWith("--") ? headerBoundary : "--" + headerBoundary)
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** The longest part skipped over; a longer one (or one without an end in sight) is a protocol error. */
    public long skipLimit() {
        return skipLimit;
    }

    /** The delimiter line in use (with its leading dashes), or null while unknown. */
    public String delimiter() {
        return delimiter == null ? null : new String(delimiter, StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads the next part and hands its frame to the sink.
     *
     * @return false at the end of the stream (or the closing delimiter)
     * @throws EOFException if the stream ends inside a part (the part is dropped)
     * @throws ProtocolException if a limit is exceeded or the stream cannot be parsed
     */
    public boolean readPart(Sink sink) throws IOException {
        while (!atPartHeaders) {
            int peek = skipBlankLinesAndPeek();
            if (peek == PEEK_EOF) {
                return false;
            }
            if (peek == PEEK_DELIMITER) {
                if (!consumeDelimiterLine()) {
                    return false;
                }
                atPartHeaders = true;
            } else if (!started && looksLikePartStart()) {
                atPartHeaders = true; // no boundary line before the first part
            } else {
                resync();
            }
        }
        started = true;
        atPartHeaders = false;
        if (!r.ensure(1)) {
            return false; // the stream ended after a boundary line: no part is lost
        }
        long length = readPartHeaders();
        readBody(sink, length);
        return true;
    }

    /**
     * Reads a whole body that is a single JPEG (a snapshot URL): {@code length} bytes, or up to the end
     * of the stream when the length is unknown (-1).
     */
    public void readWholeBody(Sink sink, long length) throws IOException {
        if (length > skipLimit) {
            throw tooLarge(length);
        }
        if (length > maxFrame) {
            if (!r.skipFully(length)) {
                throw new EOFException("connection closed inside an image");
            }
            sink.skipped(null, length);
            return;
        }
        FrameBuffer b = sink.acquire();
        if (length >= 0) {
            if (b != null && b.ensureCapacity((int) length)) {
                if (!r.readFully(b.data(), 0, (int) length)) {
                    sink.release(b);
                    throw new EOFException("connection closed inside an image");
                }
                sink.deliver(b, (int) length);
            } else {
                if (!r.skipFully(length)) {
                    sink.release(b);
                    throw new EOFException("connection closed inside an image");
                }
                if (b == null) {
                    sink.discard(null);
                } else {
                    sink.skipped(b, length);
                }
            }
            return;
        }
        // Unknown length: read to the end of the stream, into the buffer while it fits (and grows).
        byte[] dst = b == null ? scratch() : b.data();
        int used = 0;
        long total = 0;
        boolean kept = b != null;
        while (true) {
            if (used == dst.length) {
                if (kept && total < maxFrame && b.ensureCapacity((int) Math.min(maxFrame, total + WireReader.CHUNK))) {
                    dst = b.data();
                } else {
                    kept = false; // too large for the buffer: keep reading, discard
                    dst = scratch();
                    used = 0;
                }
            }
            int n = r.readSome(dst, used, dst.length - used);
            if (n < 0) {
                break;
            }
            used += n;
            total += n;
            if (total > skipLimit) {
                sink.release(b);
                throw new ProtocolException("image larger than the " + Units.bytes(skipLimit) + " skip limit");
            }
        }
        if (total == 0) {
            sink.release(b);
        } else if (kept && total <= maxFrame) {
            sink.deliver(b, used);
        } else if (b == null) {
            sink.discard(null);
        } else {
            sink.skipped(b, total);
        }
    }

    private byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[WireReader.CHUNK];
        }
        return scratch;
    }

    private ProtocolException tooLarge(long size) {
        return new ProtocolException("part of " + size + " bytes is larger than the "
                + Units.bytes(skipLimit) + " skip limit");
    }

    private void setDelimiter(byte[] d) {
        delimiter = d;
        // marks every pair of adjacent bytes in "\n" + delimiter (indexed as little-endian shorts)
        java.util.Arrays.fill(pairs, (byte) 0);
        int prev = '\n';
        for (byte b : d) {
            pairs[prev | (b & 0xff) << 8] = 1;
            prev = b & 0xff;
        }
    }

    /** Skips CRLF / LF blank lines (bounded) and tells what comes next. */
    private int skipBlankLinesAndPeek() throws IOException {
        int skipped = 0;
        while (skipped <= WireReader.LINE_LIMIT) {
            if (!r.ensure(1)) {
                return PEEK_EOF;
            }
            byte b = r.buf[r.pos];
            if (b == '\n') {
                r.pos++;
                skipped++;
            } else if (b == '\r' && r.ensure(2) && r.buf[r.pos + 1] == '\n') {
                r.pos += 2;
                skipped += 2;
            } else {
                break;
            }
        }
        if (delimiter != null && r.ensure(delimiter.length) && startsWith(r.buf, r.pos, delimiter)) {
            return PEEK_DELIMITER;
        }
        if (!delimiterFromBody && r.ensure(2) && r.buf[r.pos] == '-' && r.buf[r.pos + 1] == '-') {
            return PEEK_DELIMITER; // the body's own boundary wins over the header's
        }
        return r.buffered() == 0 ? PEEK_EOF : PEEK_OTHER;
    }

    /** Consumes a delimiter line, learning the body's boundary; false if it is the closing one. */
    private boolean consumeDelimiterLine() throws IOException {
        int end = r.lineEnd(WireReader.LINE_LIMIT, "boundary line");
        if (end < 0) {
            throw new EOFException("connection closed inside a boundary line");
        }
        int stop = end;
        while (stop > r.pos && isSpace(r.buf[stop - 1])) {
            stop--;
        }
        if (!delimiterFromBody) {
            int len = stop - r.pos;
            if (len > MAX_DELIMITER) {
                throw new ProtocolException("boundary longer than " + MAX_DELIMITER + " characters");
            }
            byte[] line = java.util.Arrays.copyOfRange(r.buf, r.pos, stop);
            if (delimiter == null || !startsWith(line, 0, delimiter)) {
                setDelimiter(line);
            }
            delimiterFromBody = true;
        }
        boolean closing = stop - r.pos >= delimiter.length + 2 && r.buf[r.pos + delimiter.length] == '-'
                && r.buf[r.pos + delimiter.length + 1] == '-';
        r.pos = end + 1;
        return !closing;
    }

    /** True if the bytes ahead look like part headers or a JPEG: a first part with no boundary line. */
    private boolean looksLikePartStart() throws IOException {
        if (r.ensure(2) && r.buf[r.pos] == (byte) 0xFF && r.buf[r.pos + 1] == (byte) 0xD8) {
            return true;
        }
        int end;
        try {
            end = r.lineEnd(WireReader.LINE_LIMIT, "line");
        } catch (ProtocolException e) {
            return false;
        }
        if (end < 0) {
            return false;
        }
        for (int i = r.pos; i < end; i++) {
            byte b = r.buf[i];
            if (b == ':') {
                return i > r.pos;
            }
            if (!(b == '-' || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) {
                return false;
            }
        }
        return false;
    }

    /** Discards bytes up to the next delimiter line (garbage between parts). */
    private void resync() throws IOException {
        if (delimiter == null) {
            throw new ProtocolException("no multipart boundary: the stream has no boundary in its header or body");
        }
        scan(null, 0, "between parts");
    }

    /** Reads part headers; returns the Content-Length, or -1 when missing, malformed or conflicting. */
    private long readPartHeaders() throws IOException {
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
            if (total > HEADER_BLOCK_LIMIT) {
                throw new ProtocolException("part headers longer than " + (HEADER_BLOCK_LIMIT / 1024) + " KiB");
            }
            int stop = end > r.pos && r.buf[end - 1] == '\r' ? end - 1 : end;
            if (stop == r.pos) {
                r.pos = end + 1;
                break;
            }
            if (startsWithIgnoreCase(r.buf, r.pos, stop, "content-length")) {
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
        while (i < stop && isSpace(b[i])) {
            i++;
        }
        if (i >= stop || b[i] != ':') {
            return -1;
        }
        i++;
        long result = -1;
        while (true) {
            while (i < stop && isSpace(b[i])) {
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
            while (i < stop && isSpace(b[i])) {
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

    private void readBody(Sink sink, long length) throws IOException {
        if (length == 0) {
            return; // zero-length part: skip it
        }
        if (length < 0 && delimiter == null) {
            throw new ProtocolException("cannot find the end of a part: no Content-Length and no boundary");
        }
        if (length > maxFrame) {
            skipOversized(sink, length);
            return;
        }
        FrameBuffer b = sink.acquire();
        boolean handedOver = false;
        try {
            if (length > 0) {
                handedOver = readCountedBody(sink, b, (int) length);
                return;
            }
            if (!scan(b, 0, "frame")) {
                throw new EOFException("connection closed inside a frame");
            }
            handedOver = true;
            if (scanTotal == 0) {
                sink.release(b); // zero-length part
            } else if (b == null) {
                sink.discard(null);
            } else if (scanOverflow) {
                sink.skipped(b, scanTotal);
            } else {
                sink.deliver(b, scanLength);
            }
        } finally {
            if (!handedOver) {
                sink.release(b);
            }
        }
    }

    /**
     * Skips a part whose Content-Length is over the frame limit: its stated bytes when they are within
     * the skip limit (a wrong length is then caught by the next part's resync), else up to the next
     * boundary.
     */
    private void skipOversized(Sink sink, long length) throws IOException {
        if (length <= skipLimit) {
            if (!r.skipFully(length)) {
                throw new EOFException("connection closed inside a frame");
            }
            sink.skipped(null, length);
            return;
        }
        if (delimiter == null) {
            throw tooLarge(length);
        }
        if (!scan(null, 0, "frame")) {
            throw new EOFException("connection closed inside a frame");
        }
        sink.skipped(null, scanTotal);
    }

    /** Body with a Content-Length; returns true once the buffer has been handed to the sink. */
    private boolean readCountedBody(Sink sink, FrameBuffer b, int length) throws IOException {
        if (b == null || !b.ensureCapacity(length)) {
            if (!r.skipFully(length)) {
                throw new EOFException("connection closed inside a frame");
            }
            if (b == null) {
                sink.discard(null);
            } else {
                sink.skipped(b, length);
            }
            return true;
        }
        byte[] data = b.data();
        if (!r.readFully(data, 0, length)) {
            throw new EOFException("connection closed inside a frame");
        }
        // A whole JPEG is delivered at once, without waiting for the next boundary (that would add a
        // frame of latency); if garbage follows, the next readPart resyncs.
        if (endsWithEndOfImage(data, length)) {
            sink.deliver(b, length);
            return true;
        }
        // Not a whole JPEG: maybe the next boundary is among the bytes read. Then the part ends there,
        // and what follows goes back to the reader, so the next part is read as usual. The part itself
        // is kept if it is a whole JPEG (the length was too long), else dropped (it was cut short).
        int inside = delimiter == null ? -1 : find(data, 0, length, PART_START);
        if (inside >= 0 && length - inside + r.buffered() <= r.buf.length) {
            r.unread(data, inside, length - inside);
            int used = trimLineBreak(data, inside);
            if (endsWithEndOfImage(data, used)) {
                sink.deliver(b, used);
            } else {
                sink.release(b);
            }
            return true;
        }
        if (skipBlankLinesAndPeek() != PEEK_OTHER) {
            sink.deliver(b, length);
            return true;
        }
        // Not a boundary and not a whole JPEG: the Content-Length was wrong. Scan on to the boundary.
        if (delimiter == null) {
            throw new ProtocolException("wrong Content-Length and no boundary to resync on");
        }
        // Put the tail back: the delimiter may start in it.
        int back = Math.min(length, delimiter.length + 1);
        r.unread(data, length - back, back);
        if (!scan(b, length - back, "frame")) {
            throw new EOFException("connection closed inside a frame");
        }
        if (scanOverflow) {
            sink.skipped(b, scanTotal);
            return true;
        }
        int used = recoverFromWrongLength(b.data(), scanLength);
        if (used > 0) {
            sink.deliver(b, used);
        } else {
            sink.release(b);
        }
        return true;
    }

    /**
     * The buffer holds bytes from a part's start to the next boundary, but may span a boundary if the
     * Content-Length overshot. Keeps the first part if it is a whole JPEG (length too large), else the
     * last part (the first was cut short); returns the frame's length now at the buffer's start, or 0.
     */
    private int recoverFromWrongLength(byte[] data, int used) {
        int first = find(data, 0, used, PART_START);
        if (first < 0) {
            return used; // the length was merely too small
        }
        int firstEnd = trimLineBreak(data, first);
        if (endsWithEndOfImage(data, firstEnd)) {
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

    /** {@code prev} value meaning "the part starts here", where a delimiter needs no line break before it. */
    private static final int PART_START = -1;

    /**
     * Scans the reader's working area for the next delimiter line, copying the bytes before it into
     * {@code dst}'s array from {@code used} on (nothing is copied when {@code dst} is null: discarding),
     * growing it as needed. When the frame outgrows the buffer or the frame limit, copying stops and
     * {@link #scanOverflow} is set, but the scan goes on up to the skip limit. Leaves the reader at the
     * delimiter. Each byte is searched once, in place, and copied at most once (plus a growth's copy).
     *
     * @return false if the stream ended first
     */
    private boolean scan(FrameBuffer dst, int used, String what) throws IOException {
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
    private int find(byte[] a, int from, int to, int prev) {
        byte[] p = delimiter;
        int m = p.length;
        if (from + m > to) {
            return -1;
        }
        if ((prev == '\n' || prev == PART_START) && startsWith(a, from, p)) {
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
                    if (a[s] == '\n' && startsWith(a, s + 1, p)) {
                        return s + 1;
                    }
                }
            }
        }
    }

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** The bytes at i and i + 1 as one table index (one load instead of two). */
    private static int pair(byte[] a, int i) {
        return (short) SHORT_LE.get(a, i) & 0xffff;
    }

    private static int trimLineBreak(byte[] a, int idx) {
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
        while (i > 0 && isSpace(a[i - 1]) ) {
            i--;
        }
        return i >= 2 && a[i - 2] == (byte) 0xFF && a[i - 1] == (byte) 0xD9;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] a, int off, byte[] p) {
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

    private static boolean startsWithIgnoreCase(byte[] a, int off, int stop, String lower) {
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
}
