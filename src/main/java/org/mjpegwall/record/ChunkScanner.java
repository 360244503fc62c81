package org.mjpegwall.record;

import java.io.IOException;

/**
 * Walks the chunks of a movi list one by one and hands out the video chunks, without an index and
 * without trusting any size: the way a crashed or damaged recording must be read.
 *
 * <p>A chunk is taken only if it lies wholly inside the data and, when it holds a frame, the frame
 * starts with a JPEG start-of-image marker and is at most {@link #MAX_FRAME} bytes. At a chunk that
 * fails (a huge or negative size, a damaged header, garbage or zeros), the scanner resynchronises: it
 * searches forward for the next place where a valid chunk starts and is followed by another valid
 * chunk (or is a whole JPEG frame, or ends the data). If the failed chunk was a frame whose bytes are
 * intact and only its size field is wrong, that frame is kept with its true size ({@link #recovered()}).
 *
 * <p>Memory is one {@link FileWindow}; time is linear in the bytes it has to search.
 */
final class ChunkScanner implements VideoChunks {
    /** The largest frame accepted; larger "frames" are damage. */
    static final int MAX_FRAME = 64 * 1024 * 1024;
    /** The largest non-video chunk (audio, JUNK) stepped over as valid. */
    private static final long MAX_OTHER = 64L * 1024 * 1024;

    private enum Kind { VIDEO, OTHER, LIST, END, BAD }

    /** Third bytes of the ids a resync looks for: NNdc/NNdb, NNwb, NNtx, NNpc, LIST, JUNK, idx1. */
    private static final boolean[] THIRD = new boolean[256];

    static {
        for (char c : "dwtpSNx".toCharArray()) {
            THIRD[c] = true;
        }
    }

    private final FileWindow w;
    private final char d0;
    private final char d1;
    private final long end;
    private long pos;
    private long position;
    private int size;
    private boolean recovered;
    private int resyncs;
    private long skipped;

    /**
     * @param videoStream the number of the video stream (0..99): its chunks are {@code NNdc} or {@code NNdb}
     * @param start absolute position of the first chunk
     * @param end absolute end of the data to scan (at most the file's size)
     */
    ChunkScanner(FileWindow w, int videoStream, long start, long end) {
        this.w = w;
        this.d0 = (char) ('0' + videoStream / 10);
        this.d1 = (char) ('0' + videoStream % 10);
        this.pos = start;
        this.end = Math.min(end, w.size());
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the current chunk is a frame whose size field was wrong and was found by searching. */
    boolean recovered() {
        return recovered;
    }

    /** How many times the scan had to search for the next valid chunk. */
    int resyncs() {
        return resyncs;
    }

    /** Bytes stepped over while searching (damage, garbage, zeros). */
    long skippedBytes() {
        return skipped;
    }

    @Override
    public boolean next() throws IOException {
        while (pos <= end - 8) {
            long at = pos;
            w.fill(at, 8);
            long len = w.u32(at + 4);
            Kind kind = kind(at, len);
            if (kind == Kind.END) {
                pos = end;
                return false;
            }
            if (kind == Kind.VIDEO) {
                pos = after(at, len);
                return take(at + 8, (int) len, false);
            }
            if (kind == Kind.LIST) {
                // descend into 'rec ' lists, step over any other list
                pos = w.fill(at + 8, 4) && w.is(at + 8, "rec ") ? at + 12 : after(at, len);
                continue;
            }
            if (kind == Kind.OTHER) {
                pos = after(at, len);
                continue;
            }
            long q = resync(at + 1);
            resyncs++;
            pos = q;
            if (q < end && q - at - 8 <= MAX_FRAME && w.startsJpeg(at + 8)) {
                // Only the header may be damaged (a wrong size, a garbled id): keep the frame if its bytes
                // end a JPEG just before q (and its pad byte, for an odd length).
                long bodyEnd = q;
                if (w.fill(q - 3, 3) && w.u8(q - 1) == 0 && w.u8(q - 3) == 0xFF && w.u8(q - 2) == 0xD9) {
                    bodyEnd--;
                }
                long len2 = bodyEnd - at - 8;
                if (len2 >= 4 && w.endsJpeg(at + 8, len2)) {
                    return take(at + 8, (int) len2, true);
                }
            }
            skipped += q - at;
        }
        return false;
    }

    private boolean take(long dataPos, int len, boolean wasRecovered) {
        position = dataPos;
        size = len;
        recovered = wasRecovered;
        return true;
    }

    private long after(long at, long len) {
        return at + 8 + len + (len & 1);
    }

    /** What the chunk header at {@code at} (already filled) is, checked against the data. */
    private Kind kind(long at, long len) throws IOException {
        if (isVideoId(at)) {
            if (at + 8 + len > end || len > MAX_FRAME) {
                return Kind.BAD;
            }
            // A frame's own bytes must start like a JPEG: a 1-byte chunk followed by D8 is not one.
            return len == 0 || len >= 2 && w.startsJpeg(at + 8) ? Kind.VIDEO : Kind.BAD;
        }
        w.fill(at, 8);
        if (w.is(at, "idx1") || w.is(at, "RIFF")) {
            return Kind.END;
        }
        boolean fits = at + 8 + len <= end;
        if (w.is(at, "LIST")) {
            return fits && len >= 4 ? Kind.LIST : Kind.BAD;
        }
        if (isStreamId(at) || w.is(at, "JUNK") || (w.u8(at) == 'i' && w.u8(at + 1) == 'x')) {
            return fits && len <= MAX_OTHER ? Kind.OTHER : Kind.BAD;
        }
        return Kind.BAD;
    }

    /**
     * The first position at or after {@code from} where a chunk starts that is valid and confirmed by
     * what follows it, or {@link #end} if there is none.
     */
    private long resync(long from) throws IOException {
        int span = w.capacity() - 16;
        long q = from;
        while (q <= end - 8) {
            // The third byte of every chunk id worth a closer look is one of a few letters.
            long hit = w.find(q + 2, Math.min(q + 2 + span, end - 5), THIRD);
            if (hit < 0) {
                q = Math.min(q + span, end - 7);
                if (q >= end - 7) {
                    return end;
                }
                continue;
            }
            q = hit - 2;
            w.fill(q, 4);
            if (looksLikeHeader(q) && confirmed(q)) {
                return q;
            }
            q++;
        }
        return end;
    }

    /** A quick test on the four id bytes, before the costlier checks; they must be filled. */
    private boolean looksLikeHeader(long q) {
        int c2 = w.u8(q + 2);
        if (c2 == 'd' || c2 == 'w' || c2 == 't' || c2 == 'p') {
            return isStreamId(q);
        }
        return c2 == 'S' && (w.is(q, "LIST")) || c2 == 'N' && w.is(q, "JUNK") || c2 == 'x' && w.is(q, "idx1");
    }

    private boolean confirmed(long q) throws IOException {
        if (!w.fill(q, 8)) {
            return false;
        }
        long len = w.u32(q + 4);
        Kind kind = kind(q, len);
        if (kind == Kind.END) {
            return w.is(q, "idx1") && len % 16 == 0;
        }
        if (kind == Kind.BAD) {
            return false;
        }
        if (kind == Kind.LIST) {
            return w.fill(q + 8, 4) && w.is(q + 8, "rec ");
        }
        if (kind == Kind.VIDEO && len > 0 && w.endsJpeg(q + 8, len)) {
            return true;
        }
        long next = after(q, len);
        if (next > end - 8) {
            return next >= end - 1;
        }
        w.fill(next, 8);
        Kind following = kind(next, w.u32(next + 4));
        return following != Kind.BAD;
    }

    private boolean isVideoId(long at) {
        if (w.u8(at) != d0 || w.u8(at + 1) != d1 || w.u8(at + 2) != 'd') {
            return false;
        }
        int c = w.u8(at + 3);
        return c == 'c' || c == 'b';
    }

    private boolean isStreamId(long at) {
        int a = w.u8(at);
        int b = w.u8(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return false;
        }
        String tail = "" + (char) w.u8(at + 2) + (char) w.u8(at + 3);
        return switch (tail) {
            case "dc", "db", "wb", "tx", "pc" -> true;
            default -> false;
        };
    }
}
