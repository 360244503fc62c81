package org.mjpegwall.record;

import java.io.IOException;

/**
 * Reads the video entries of an idx1 index one by one and checks each against the data it points
 * at: a chunk header with the same id and size, wholly inside the data, holding a JPEG frame (or
 * empty), after the previous entry's chunk. An index is trusted only as far as this check goes.
 *
 * <p>Offsets are relative to the {@code movi} FOURCC (usual) or absolute (some writers); the first
 * video entry decides, as players do. The number of entries read is bounded by the bytes the file
 * really has after the idx1 header, whatever its size field says.
 */
final class IndexReader {
    private final FileWindow entries;
    private final FileWindow data;
    private final String video;
    private final long moviFourcc;
    private final long dataEnd;
    private final long first;
    private final long last;
    private long next;
    private long base = -1;
    private long previousEnd;
    private long position;
    private int size;
    private boolean valid;

    /**
     * @param entries a window for reading the index
     * @param data a second window, for checking the data the entries point at
     * @param dataEnd absolute end of the data the entries may point into
     */
    IndexReader(FileWindow entries, FileWindow data, AviLayout layout, long dataEnd) {
        this.entries = entries;
        this.data = data;
        this.video = String.format("%02d", layout.videoStream());
        this.moviFourcc = layout.moviData() - 4;
        this.dataEnd = Math.min(dataEnd, data.size());
        this.first = layout.idx1() + 8;
        long declaredEnd = first + (layout.idx1Size() / 16) * 16;
        this.last = Math.min(declaredEnd, first + ((entries.size() - first) / 16) * 16);
        this.next = first;
        this.previousEnd = layout.moviData();
    }

    /** Absolute position of the current entry's chunk data, or where its chunk should have been when not {@link #valid()}. */
    long position() {
        return valid ? position : previousEnd;
    }

    /** The current entry's size. */
    int size() {
        return size;
    }

    /** Whether the current entry points at a matching chunk. */
    boolean valid() {
        return valid;
    }

    /** Moves to the next entry of the video stream; false after the last one. */
    boolean next() throws IOException {
        while (next + 16 <= last) {
            long e = next;
            next += 16;
            entries.fill(e, 16);
            if (!isVideo(entries, e)) {
                continue;
            }
            String id = entries.fourcc(e);
            long offset = entries.u32(e + 8);
            long len = entries.u32(e + 12);
            if (base < 0) {
                base = pointsAt(moviFourcc + offset, id) || !pointsAt(offset, id) ? moviFourcc : 0;
            }
            long header = base + offset;
            size = (int) Math.min(len, Integer.MAX_VALUE);
            position = header + 8;
            valid = len <= ChunkScanner.MAX_FRAME && header >= previousEnd && header + 8 + len <= dataEnd
                    && pointsAt(header, id) && data.u32(header + 4) == len
                    && (len == 0 || len >= 2 && data.startsJpeg(header + 8));
            if (valid) {
                previousEnd = header + 8 + len;
            }
            return true;
        }
        return false;
    }

    private boolean pointsAt(long header, String id) throws IOException {
        return header >= 0 && header <= dataEnd - 8 && data.fill(header, 8) && data.is(header, id);
    }

    private boolean isVideo(FileWindow w, long at) {
        return w.u8(at) == video.charAt(0) && w.u8(at + 1) == video.charAt(1) && w.u8(at + 2) == 'd'
                && (w.u8(at + 3) == 'c' || w.u8(at + 3) == 'b');
    }
}
