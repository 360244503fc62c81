package org.mjpegwall.record;

import java.io.IOException;

/**
 * The outer structure of an AVI file, read without trusting it: the stream headers of its video
 * stream, whether MJPEG Wall wrote it (the {@code INFO/ISFT} marker), where its movi list starts and
 * where the header says it ends, and where an idx1 index follows it.
 *
 * <p>Every size in the file is checked against the file's length before use, nothing is allocated by
 * a size taken from the file, and a chunk whose size is impossible (zero or tiny lists, a huge
 * {@code avih}) is stepped over by searching for the next {@code LIST}, the way a damaged head is
 * best read. Files written by other programs with several streams (audio first, for example) are
 * read too: the video stream is the first one whose {@code strh} says {@code vids}.
 *
 * @param videoStream number of the video stream (its chunks are {@code NNdc}), or -1 if none
 * @param rate dwRate of the video stream (0 if missing)
 * @param scale dwScale of the video stream (0 if missing)
 * @param headerTicks dwLength of the video stream: chunks, empty repeat chunks included
 * @param moviData absolute position of the first chunk in the movi list, or -1 without a movi list
 * @param declaredMoviEnd absolute end of the movi list according to its header (may lie past the file)
 * @param idx1 absolute position of the idx1 chunk header found after the movi list, or -1
 * @param idx1Size the idx1 size field (may lie past the file)
 * @param riffSize the RIFF size field
 * @param cleanHead the head read without stepping over a chunk with an impossible size
 */
record AviLayout(long fileSize, long riffSize, boolean marked, int width, int height, int videoStream, int rate,
        int scale, long headerTicks, long moviData, long declaredMoviEnd, long idx1, long idx1Size, boolean cleanHead) {

    /** The file does not start with a RIFF AVI header. */
    static final class NotAviException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAviException() {
            super("not an AVI file (no RIFF AVI header)");
        }
    }

    /** How far to look for the next LIST after a chunk with an impossible size. */
    private static final int RESYNC_SPAN = 1 << 20;
    private static final int MAX_STEPS = 100_000;

    /** The file's size is at most this many bytes larger than a RIFF size for the file to count as finished. */
    boolean riffCoversFile() {
        return riffSize + 8 == fileSize || riffSize + 9 == fileSize;
    }

    boolean hasMovi() {
        return moviData >= 0;
    }

    /**
     * Reads the layout.
     *
     * @throws NotAviException when the file does not start with a RIFF AVI header
     */
    static AviLayout read(FileWindow w) throws IOException {
        if (!w.fill(0, 12) || !w.is(0, "RIFF") || !w.is(8, "AVI ")) {
            throw new NotAviException();
        }
        Builder b = new Builder();
        b.fileSize = w.size();
        b.riffSize = w.u32(4);
        b.walkTop(w);
        return new AviLayout(b.fileSize, b.riffSize, b.marked, b.width, b.height, b.videoStream, b.rate, b.scale,
                b.headerTicks, b.moviData, b.moviEnd, b.idx1, b.idx1Size, b.resyncs == 0);
    }

    /** Collects what the walk finds; fields keep the first value found. */
    private static final class Builder {
        long fileSize;
        long riffSize;
        boolean marked;
        int width;
        int height;
        int videoStream = -1;
        int rate;
        int scale;
        long headerTicks;
        long moviData = -1;
        long moviEnd = -1;
        long idx1 = -1;
        long idx1Size;
        int streams;
        int steps;
        int resyncs;

        void walkTop(FileWindow w) throws IOException {
            long pos = 12;
            while (pos <= fileSize - 8 && steps++ < MAX_STEPS) {
                w.fill(pos, 8);
                String id = w.fourcc(pos);
                long size = w.u32(pos + 4);
                long end = pos + 8 + size;
                if ("LIST".equals(id) && w.fill(pos + 8, 4)) {
                    String type = w.fourcc(pos + 8);
                    if ("movi".equals(type)) {
                        moviData = pos + 12;
                        moviEnd = end;
                        findIndex(w, end);
                        return;
                    }
                    if (size < 4 || end > fileSize) {
                        pos = nextList(w, pos + 4, fileSize);
                        continue;
                    }
                    list(w, type, pos + 12, end);
                } else if (end > fileSize || !printable(id)) {
                    pos = nextList(w, pos + 4, fileSize);
                    continue;
                } else {
                    chunk(w, id, pos + 8, size);
                }
                pos = end + (size & 1);
            }
        }

        /** Children of a list inside the head (hdrl, strl, INFO), bounded by {@code end}. */
        void children(FileWindow w, long pos, long end) throws IOException {
            while (pos <= end - 8 && steps++ < MAX_STEPS) {
                w.fill(pos, 8);
                String id = w.fourcc(pos);
                long size = w.u32(pos + 4);
                long chunkEnd = pos + 8 + size;
                if (chunkEnd > end || ("LIST".equals(id) && size < 4)) {
                    pos = nextList(w, pos + 4, end);
                    continue;
                }
                if ("LIST".equals(id) && w.fill(pos + 8, 4)) {
                    list(w, w.fourcc(pos + 8), pos + 12, chunkEnd);
                } else {
                    chunk(w, id, pos + 8, size);
                }
                pos = chunkEnd + (size & 1);
            }
        }

        void list(FileWindow w, String type, long body, long end) throws IOException {
            switch (type) {
                case "hdrl", "INFO", "strl" -> children(w, body, end);
                default -> {
                    // another list in the head (odml, …): nothing we need
                }
            }
        }

        void chunk(FileWindow w, String id, long body, long size) throws IOException {
            switch (id) {
                case "avih" -> {
                    if (size >= 40 && w.fill(body, 40)) {
                        width = width == 0 ? dimension(w.s32(body + 32)) : width;
                        height = height == 0 ? dimension(w.s32(body + 36)) : height;
                    }
                }
                case "strh" -> {
                    // Each stream has one strh, in stream order; the stream number names its chunks.
                    int stream = streams++;
                    if (videoStream < 0 && size >= 36 && w.fill(body, 36) && w.is(body, "vids")) {
                        videoStream = stream;
                        scale = w.s32(body + 20);
                        rate = w.s32(body + 24);
                        headerTicks = w.u32(body + 32);
                    }
                }
                case "strf" -> {
                    if (videoStream == streams - 1 && size >= 12 && w.fill(body, 12) && width == 0) {
                        width = dimension(w.s32(body + 4));
                        height = dimension(Math.abs(w.s32(body + 8)));
                    }
                }
                case "ISFT" -> {
                    int n = AviHeader.SOFTWARE.length();
                    if (size >= n && w.fill(body, n)) {
                        boolean same = true;
                        for (int i = 0; i < n; i++) {
                            same &= w.u8(body + i) == AviHeader.SOFTWARE.charAt(i);
                        }
                        marked |= same;
                    }
                }
                default -> {
                    // JUNK and others: skipped
                }
            }
        }

        /** Looks for idx1 among the few top-level chunks that may follow the movi list. */
        void findIndex(FileWindow w, long pos) throws IOException {
            for (int i = 0; i < 8 && pos >= 0 && pos <= fileSize - 8; i++) {
                w.fill(pos, 8);
                String id = w.fourcc(pos);
                long size = w.u32(pos + 4);
                if ("idx1".equals(id)) {
                    idx1 = pos;
                    idx1Size = size;
                    return;
                }
                if (!"JUNK".equals(id) && !"LIST".equals(id) || pos + 8 + size > fileSize) {
                    return;
                }
                pos += 8 + size + (size & 1);
            }
        }

        /** The next "LIST" at or after {@code from} and before {@code end} (within a bounded span), or {@code end}. */
        long nextList(FileWindow w, long from, long end) throws IOException {
            resyncs++;
            long limit = Math.min(end - 12, from + RESYNC_SPAN);
            for (long q = from; q <= limit; q++) {
                if (w.fill(q, 4) && w.u8(q) == 'L' && w.is(q, "LIST")) {
                    return q;
                }
            }
            return end;
        }

        static int dimension(int v) {
            return v > 0 && v <= 65_535 ? v : 0;
        }

        static boolean printable(String id) {
            for (int i = 0; i < 4; i++) {
                char c = id.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    return false;
                }
            }
            return true;
        }
    }
}
