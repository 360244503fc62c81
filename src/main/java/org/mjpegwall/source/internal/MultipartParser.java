package org.mjpegwall.source.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.util.Units;

/**
 * Reads the parts of a multipart (MJPEG) body from a {@link WireReader} into pooled buffers. It has no
 * socket: tests feed it bytes. It tolerates what real cameras send — a boundary that differs from the
 * header's or is missing there, parts with or without (or with a wrong) Content-Length, garbage between
 * parts, blank lines, bare LF — and bounds every read: lines, header blocks and frames.
 *
 * <p>This class is the state machine between parts (boundary lines, resync, which way a body is read);
 * its pieces are {@link PartHeaders} (a part's headers), {@link BoundaryScanner} (finding the next
 * delimiter in place) and {@link SingleImageReader} (a snapshot body).
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
    private final BoundaryScanner scanner;
    private SingleImageReader image; // for snapshot bodies only; made when first needed
    private boolean delimiterFromBody;
    private boolean atPartHeaders;
    private boolean started;

    /**
     * @param headerBoundary the boundary named in the response's Content-Type, or null
     * @param maxFrame the largest frame accepted; a larger one is a protocol error
     */
    public MultipartParser(WireReader reader, String headerBoundary, long maxFrame) {
        this.r = reader;
        this.maxFrame = maxFrame;
        this.skipLimit = SKIP_LIMIT_FRAMES * maxFrame;
        this.scanner = new BoundaryScanner(reader, maxFrame, skipLimit);
        if (headerBoundary != null && !headerBoundary.isEmpty()) {
            // Some cameras put the leading dashes in the header's boundary as well as in the body.
            scanner.setDelimiter((headerBoundary.startsWith("--") ? headerBoundary : "--" + headerBoundary)
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** The longest part skipped over; a longer one (or one without an end in sight) is a protocol error. */
    public long skipLimit() {
        return skipLimit;
    }

    /** The delimiter line in use (with its leading dashes), or null while unknown. */
    public String delimiter() {
        byte[] d = scanner.delimiter();
        return d == null ? null : new String(d, StandardCharsets.ISO_8859_1);
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
            } else if (!resync()) {
                return false; // the stream ended in bytes that are no part
            }
        }
        started = true;
        atPartHeaders = false;
        if (!r.ensure(1)) {
            return false; // the stream ended after a boundary line: no part is lost
        }
        long length = PartHeaders.read(r);
        readBody(sink, length);
        return true;
    }

    /**
     * Reads a whole body that is a single JPEG (a snapshot URL): {@code length} bytes, or up to the end
     * of the stream when the length is unknown (-1).
     */
    public void readWholeBody(Sink sink, long length) throws IOException {
        if (image == null) {
            image = new SingleImageReader(r, maxFrame, skipLimit);
        }
        image.read(sink, length);
    }

    /**
     * Parses {@code [spaces] ':' value [',' value]*} in place; -1 if not a Content-Length header
     * (for example "Content-Length-Foo"), -2 if malformed or its values disagree.
     */
    static long parseLengthValue(byte[] b, int i, int stop) {
        return PartHeaders.parseLengthValue(b, i, stop);
    }

    static ProtocolException tooLarge(long size, long skipLimit) {
        return new ProtocolException("part of " + size + " bytes is larger than the "
                + Units.bytes(skipLimit) + " skip limit");
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
        byte[] delimiter = scanner.delimiter();
        if (delimiter != null && r.ensure(delimiter.length) && PartBytes.startsWith(r.buf, r.pos, delimiter)) {
            return PEEK_DELIMITER;
        }
        if (!delimiterFromBody && r.ensure(2) && r.buf[r.pos] == '-' && r.buf[r.pos + 1] == '-') {
            return PEEK_DELIMITER; // the body's own boundary wins over the header's
        }
        return r.buffered() == 0 ? PEEK_EOF : PEEK_OTHER;
    }

    /**
     * What {@link #skipBlankLinesAndPeek} tells, without consuming anything: after a counted body that is
     * not a whole JPEG, line breaks that are not followed by a boundary belong to the frame (fuzzing found
     * them cut out of it).
     */
    private int peekPastBlankLines() throws IOException {
        int i = 0;
        while (true) {
            if (!r.ensure(i + 1)) {
                return PEEK_EOF;
            }
            byte c = r.buf[r.pos + i];
            if (c == '\n' && i < WireReader.LINE_LIMIT) {
                i++;
            } else if (c == '\r' && i < WireReader.LINE_LIMIT && r.ensure(i + 2) && r.buf[r.pos + i + 1] == '\n') {
                i += 2;
            } else {
                break;
            }
        }
        byte[] delimiter = scanner.delimiter();
        if (delimiter != null && r.ensure(i + delimiter.length) && PartBytes.startsWith(r.buf, r.pos + i, delimiter)) {
            return PEEK_DELIMITER;
        }
        if (!delimiterFromBody && r.ensure(i + 2) && r.buf[r.pos + i] == '-' && r.buf[r.pos + i + 1] == '-') {
            return PEEK_DELIMITER;
        }
        return PEEK_OTHER;
    }

    /** Consumes a delimiter line, learning the body's boundary; false if it is the closing one. */
    private boolean consumeDelimiterLine() throws IOException {
        int end = r.lineEnd(WireReader.LINE_LIMIT, "boundary line");
        if (end < 0) {
            throw new EOFException("connection closed inside a boundary line");
        }
        int stop = end;
        while (stop > r.pos && PartBytes.isSpace(r.buf[stop - 1])) {
            stop--;
        }
        if (!delimiterFromBody) {
            int len = stop - r.pos;
            if (len > MAX_DELIMITER) {
                throw new ProtocolException("boundary longer than " + MAX_DELIMITER + " characters");
            }
            byte[] line = java.util.Arrays.copyOfRange(r.buf, r.pos, stop);
            if (scanner.delimiter() == null || !PartBytes.startsWith(line, 0, scanner.delimiter())) {
                scanner.setDelimiter(line);
            }
            delimiterFromBody = true;
        }
        int m = scanner.delimiter().length;
        boolean closing = stop - r.pos >= m + 2 && r.buf[r.pos + m] == '-' && r.buf[r.pos + m + 1] == '-';
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

    /**
     * Discards bytes up to the next delimiter line (garbage between parts).
     *
     * @return false if the stream ended first; what was left of it is discarded, so a caller that asks
     *     again sees the end rather than the same garbage (fuzzing found that loop: a closing line that is
     *     not the learned delimiter, at the end of the stream)
     */
    private boolean resync() throws IOException {
        if (scanner.delimiter() == null) {
            throw new ProtocolException("no multipart boundary: the stream has no boundary in its header or body");
        }
        if (!scanner.scan(null, 0, "between parts")) {
            r.pos = r.lim;
            return false;
        }
        return true;
    }

    private void readBody(Sink sink, long length) throws IOException {
        if (length == 0) {
            return; // zero-length part: skip it
        }
        if (length < 0 && scanner.delimiter() == null) {
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
            if (!scanner.scan(b, 0, "frame")) {
                throw new EOFException("connection closed inside a frame");
            }
            handedOver = true;
            if (scanner.total() == 0) {
                sink.release(b); // zero-length part
            } else if (b == null) {
                sink.discard(null);
            } else if (scanner.overflow()) {
                sink.skipped(b, scanner.total());
            } else {
                sink.deliver(b, scanner.length());
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
        if (scanner.delimiter() == null) {
            throw tooLarge(length, skipLimit);
        }
        if (!scanner.scan(null, 0, "frame")) {
            throw new EOFException("connection closed inside a frame");
        }
        if (scanner.total() > 0) { // a boundary straight after the headers: an empty part, nothing skipped
            sink.skipped(null, scanner.total());
        }
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
        if (PartBytes.endsWithEndOfImage(data, length)) {
            sink.deliver(b, length);
            return true;
        }
        // Not a whole JPEG: maybe the next boundary is among the bytes read. Then the part ends there,
        // and what follows goes back to the reader, so the next part is read as usual. The part itself
        // is kept if it is a whole JPEG (the length was too long), else dropped (it was cut short).
        byte[] delimiter = scanner.delimiter();
        int inside = delimiter == null ? -1 : scanner.find(data, 0, length, BoundaryScanner.PART_START);
        if (inside >= 0 && length - inside + r.buffered() <= r.buf.length) {
            r.unread(data, inside, length - inside);
            int used = PartBytes.trimLineBreak(data, inside);
            if (PartBytes.endsWithEndOfImage(data, used)) {
                sink.deliver(b, used);
            } else {
                sink.release(b);
            }
            return true;
        }
        if (peekPastBlankLines() != PEEK_OTHER) {
            sink.deliver(b, length);
            return true;
        }
        // Not a boundary and not a whole JPEG: the Content-Length was wrong. Scan on to the boundary.
        delimiter = scanner.delimiter(); // the peek may have learned it
        if (delimiter == null) {
            throw new ProtocolException("wrong Content-Length and no boundary to resync on");
        }
        // Put the tail back: the delimiter may start in it.
        int back = Math.min(length, delimiter.length + 1);
        r.unread(data, length - back, back);
        if (!scanner.scan(b, length - back, "frame")) {
            throw new EOFException("connection closed inside a frame");
        }
        if (scanner.overflow()) {
            sink.skipped(b, scanner.total());
            return true;
        }
        int used = scanner.recoverFromWrongLength(b.data(), scanner.length());
        if (used > 0) {
            sink.deliver(b, used);
        } else {
            sink.release(b);
        }
        return true;
    }
}
