package org.mjpegwall.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * A fixed-size window onto a file for reading small fields at any position: one read fills the
 * window, and later reads inside it cost nothing. Why by hand: the AVI readers look at millions of
 * 8-byte chunk headers, and one system call per header would make a 96 MB file of empty chunks take
 * minutes; the window also keeps memory flat whatever the file says about sizes.
 *
 * <p>Not thread-safe.
 */
final class FileWindow {
    static final int DEFAULT_CAPACITY = 256 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buf;
    /** File position of the window's first byte; its valid bytes are {@code [start, start + limit)}. */
    private long start = -1;
    private int limit;

    FileWindow(FileChannel channel, long size) {
        this(channel, size, DEFAULT_CAPACITY);
    }

    /** @param capacity the most bytes one {@link #fill} covers; smaller for a smaller file, but at least 64 */
    FileWindow(FileChannel channel, long size, int capacity) {
        this.channel = channel;
        this.size = size;
        int cap = (int) Math.max(64, Math.min(capacity, size));
        this.buf = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file's size when the window was made; reads never go past it. */
    long size() {
        return size;
    }

    int capacity() {
        return buf.capacity();
    }

    /**
     * Makes {@code [pos, pos + n)} readable, if it lies in the file.
     *
     * @param n at most {@link #capacity()}
     * @return false when the range goes past the end of the file (or starts before its beginning)
     */
    boolean fill(long pos, int n) throws IOException {
        if (pos < 0 || n > buf.capacity() || pos > size - n) {
            return false;
        }
        if (pos >= start && pos + n <= start + limit) {
            return true;
        }
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), size - pos));
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos + buf.position());
            if (r < 0) {
                break;
            }
        }
        start = pos;
        limit = buf.position();
        return pos + n <= start + limit;
    }

    /** A byte at {@code pos}; {@link #fill} must have covered it. */
    int u8(long pos) {
        return buf.get((int) (pos - start)) & 0xFF;
    }

    /** A little-endian 32-bit value, unsigned; {@link #fill} must have covered it. */
    long u32(long pos) {
        return Integer.toUnsignedLong(buf.getInt((int) (pos - start)));
    }

    /** A little-endian 32-bit value; {@link #fill} must have covered it. */
    int s32(long pos) {
        return buf.getInt((int) (pos - start));
    }

    /** Four bytes as ISO-8859-1 text; {@link #fill} must have covered them. */
    String fourcc(long pos) {
        int at = (int) (pos - start);
        byte[] b = {buf.get(at), buf.get(at + 1), buf.get(at + 2), buf.get(at + 3)};
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Whether the four bytes at {@code pos} (already filled) are {@code code}. */
    boolean is(long pos, String code) {
        int at = (int) (pos - start);
        for (int i = 0; i < 4; i++) {
            if (buf.get(at + i) != (byte) code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first position in {@code [from, to)} whose byte is marked in {@code wanted}, or -1; {@code to}
     * at most one window past {@code from}. A plain array loop: the resynchronising search runs it over
     * gigabytes of zeros.
     */
    long find(long from, long to, boolean[] wanted) throws IOException {
        int n = (int) (to - from);
        if (n <= 0 || !fill(from, n)) {
            return -1;
        }
        byte[] a = buf.array();
        int off = (int) (from - start);
        for (int i = off, end = off + n; i < end; i++) {
            if (wanted[a[i] & 0xFF]) {
                return start + i;
            }
        }
        return -1;
    }

    /** Copies {@code n} bytes at {@code pos} (already filled) into {@code dst}. */
    void copyTo(ByteBuffer dst, long pos, int n) {
        dst.put(buf.array(), (int) (pos - start), n);
    }

    /** Whether the two bytes at {@code pos} are a JPEG start-of-image marker (reads them if need be). */
    boolean startsJpeg(long pos) throws IOException {
        return fill(pos, 2) && u8(pos) == 0xFF && u8(pos + 1) == 0xD8;
    }

    /**
     * Whether a frame at {@code [pos, pos + len)} ends with a JPEG end-of-image marker, allowing zero
     * padding after it (some cameras pad frames). Looks at the last 4 KiB at most.
     */
    boolean endsJpeg(long pos, long len) throws IOException {
        int n = (int) Math.min(len, 4096);
        long from = pos + len - n;
        if (!fill(from, n)) {
            return false;
        }
        long i = pos + len - 1;
        while (i > from && u8(i) == 0) {
            i--;
        }
        return i > from && u8(i - 1) == 0xFF && u8(i) == 0xD9;
    }
}
