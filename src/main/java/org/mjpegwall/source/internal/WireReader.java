package org.mjpegwall.source.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * A buffered reader over one connection's bytes with a fixed working area: lines are found in place
 * (no allocation per line), large bodies are read straight into the caller's array, and every line is
 * bounded, so a camera can never make it grow.
 */
public final class WireReader {
    /** Longest status, header or boundary line accepted. */
    public static final int LINE_LIMIT = 8 * 1024;
    /** Largest single read into a caller's array; bytes read past a part's end must fit back in here. */
    static final int CHUNK = 64 * 1024;
    /** Room kept beyond {@link #CHUNK} so that a read chunk plus a boundary's worth of look-behind fits. */
    static final int SLACK_FOR_SCAN = 1024;

    private final InputStream in;
    private final ByteCounter counter;
    final byte[] buf = new byte[CHUNK + SLACK_FOR_SCAN];
    int pos;
    int lim;

    /** Counts bytes as they arrive; one writer (the reader thread). */
    public interface ByteCounter {
        void add(int n);
    }

    public WireReader(InputStream in) {
        this(in, n -> { });
    }

    public WireReader(InputStream in, ByteCounter counter) {
        this.in = in;
        this.counter = counter;
    }

    /** Buffered bytes not yet consumed. */
    int buffered() {
        return lim - pos;
    }

    /** Reads more bytes into the working area, compacting first; false at end of stream. */
    boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim >= CHUNK) {
            throw new IllegalStateException("working area full");
        }
        // Fill only up to CHUNK: the slack beyond it is where unread() puts back a boundary's look-behind.
        int n = in.read(buf, lim, CHUNK - lim);
        if (n < 0) {
            return false;
        }
        counter.add(n);
        lim += n;
        return true;
    }

    /** Ensures at least {@code n} bytes are buffered; false if the stream ends first. */
    boolean ensure(int n) throws IOException {
        while (lim - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the end of the next line, filling as needed.
     *
     * @return index in {@link #buf} of the line's LF, or -1 if the stream ended before any byte
     * @throws ProtocolException if the line is longer than {@code limit}
     * @throws EOFException if the stream ends inside the line
     */
    int lineEnd(int limit, String what) throws IOException {
        int scanned = 0;
        while (true) {
            int stop = Math.min(lim, pos + limit + 1); // the LF itself may sit just past the limit
            for (int i = pos + scanned; i < stop; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            scanned = stop - pos;
            if (scanned > limit) {
                throw new ProtocolException(what + " longer than " + (limit / 1024) + " KiB");
            }
            if (!fill()) {
                if (lim == pos) {
                    return -1;
                }
                throw new EOFException("connection closed inside " + what);
            }
        }
    }

    /** Reads one line as ISO-8859-1 text without its CRLF or LF; null at end of stream. */
    public String readLine(int limit, String what) throws IOException {
        int end = lineEnd(limit, what);
        if (end < 0) {
            return null;
        }
        int stop = end;
        if (stop > pos && buf[stop - 1] == '\r') {
            stop--;
        }
        String s = new String(buf, pos, stop - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return s;
    }

    /** Reads exactly {@code len} bytes into {@code dst}; false if the stream ends first. */
    boolean readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            int n;
            if (pos < lim) {
                n = readSome(dst, off, len);
            } else {
                // Nothing is read past len here, so no CHUNK limit: one large read straight into dst.
                n = in.read(dst, off, len);
                if (n > 0) {
                    counter.add(n);
                }
            }
            if (n < 0) {
                return false;
            }
            off += n;
            len -= n;
        }
        return true;
    }

    /** Skips exactly {@code len} bytes; false if the stream ends first. */
    boolean skipFully(long len) throws IOException {
        while (len > 0) {
            if (pos == lim && !fill()) {
                return false;
            }
            int n = (int) Math.min(len, lim - pos);
            pos += n;
            len -= n;
        }
        return true;
    }

    /**
     * Reads up to {@code max} bytes into {@code dst}: buffered bytes first, otherwise straight from the
     * stream (at most {@link #CHUNK}, so that what is read past a part's end can be put back).
     *
     * @return bytes read, or -1 at end of stream
     */
    int readSome(byte[] dst, int off, int max) throws IOException {
        if (max == 0) {
            return 0;
        }
        if (pos < lim) {
            int n = Math.min(max, lim - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            return n;
        }
        int n = in.read(dst, off, Math.min(max, CHUNK));
        if (n > 0) {
            counter.add(n);
        }
        return n;
    }

    /** Puts bytes back in front of the buffered ones (bytes read past the end of a part). */
    void unread(byte[] src, int off, int len) {
        if (len == 0) {
            return;
        }
        int have = lim - pos;
        if (len + have > buf.length) {
            throw new IllegalStateException("cannot put back " + len + " bytes");
        }
        if (pos >= len) {
            pos -= len;
        } else {
            System.arraycopy(buf, pos, buf, len, have);
            pos = 0;
            lim = len + have;
        }
        System.arraycopy(src, off, buf, pos, len);
    }

    /** The rest of the stream (buffered bytes first) as an InputStream, for a transfer decoding. */
    public InputStream asInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (pos == lim && !fill()) {
                    return -1;
                }
                return buf[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readSome(b, off, len);
            }
        };
    }
}
