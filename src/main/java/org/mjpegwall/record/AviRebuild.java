package org.mjpegwall.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.mjpegwall.frame.Jpeg;

/**
 * Writes a clean copy of a damaged recording: our fixed head (with the marker), every chunk that
 * {@link AviCheck#chunksToKeep} keeps, copied byte for byte, and a fresh idx1 index. The copy goes to
 * a separate (temporary) file; the original is only read.
 *
 * <p>Memory stays flat whatever the file holds: chunks are streamed, and the index is written in a
 * second pass over the copy instead of being collected first. Runs of empty chunks after the last
 * frame are kept for at most one second: they only hold the last picture, and a damaged file may
 * have millions of them.
 */
final class AviRebuild {
    /** RIFF sizes are 32 bits. */
    static final long MAX_FILE = 0xFFFF_FFFFL;

    private static final byte[] DC = "00dc".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 64 * 1024;
    /** Frames up to this size are copied through the buffers; larger ones with transferTo. */
    private static final int SMALL_FRAME = 16 * 1024;

    /** What was written. */
    record Written(long frames, long ticks, long size) {
    }

    private final FileChannel src;
    private final FileChannel out;
    private final ByteBuffer small = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final FileWindow source;
    private long pos = AviHeader.DATA_START;
    private long ticks;
    private long frames;
    private int maxChunk;
    private int width;
    private int height;

    private AviRebuild(FileChannel src, FileChannel out, AviLayout layout) {
        this.src = src;
        this.out = out;
        this.source = new FileWindow(src, layout.fileSize());
        this.width = layout.width();
        this.height = layout.height();
    }

    /**
     * Writes the copy into {@code out} (an empty file) and flushes it to the disk.
     *
     * @throws IOException on a read or write error, or if the copy would not fit the 4 GiB of AVI 1.0
     */
    static Written write(FileChannel src, AviCheck check, FileChannel out) throws IOException {
        AviLayout layout = check.layout();
        AviRebuild r = new AviRebuild(src, out, layout);
        out.truncate(0);
        out.position(AviHeader.DATA_START);
        long keepTrailing = Math.max(1, (long) Math.ceil((double) layout.rate() / layout.scale()));
        VideoChunks chunks = check.chunksToKeep(src);
        long pending = 0;
        while (chunks.next()) {
            if (chunks.size() == 0) {
                pending++;
                continue;
            }
            r.empties(pending);
            pending = 0;
            r.frame(chunks.position(), chunks.size());
        }
        r.empties(Math.min(pending, keepTrailing));
        r.flush();
        long moviEnd = r.pos;
        long fileEnd = r.index(moviEnd);
        ByteBuffer head = AviHeader.build(new AviHeader.Values(r.width, r.height, layout.rate(), layout.scale(),
                r.ticks, r.maxChunk, moviEnd, fileEnd, true));
        while (head.hasRemaining()) {
            out.write(head, head.position());
        }
        out.force(true);
        return new Written(r.frames, r.ticks, fileEnd);
    }

    private void empties(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            room(8);
            small.put(DC).putInt(0);
            pos += 8;
            ticks++;
        }
    }

    private void frame(long from, int size) throws IOException {
        if (width == 0 || height == 0) {
            dimensions(from, size);
        }
        room(8);
        small.put(DC).putInt(size);
        pos += 8;
        if (size <= SMALL_FRAME && source.fill(from, size)) {
            room(size);
            source.copyTo(small, from, size);
        } else {
            copyLarge(from, size);
        }
        pos += size;
        if ((size & 1) != 0) {
            room(1);
            small.put((byte) 0);
            pos++;
        }
        frames++;
        ticks++;
        maxChunk = Math.max(maxChunk, size);
    }

    private void copyLarge(long from, int size) throws IOException {
        flush();
        long done = 0;
        while (done < size) {
            long n = src.transferTo(from + done, size - done, out);
            if (n <= 0) {
                throw new IOException("the file changed while it was being repaired");
            }
            done += n;
        }
    }

    /** Picture size from the first frame, when the headers do not give it. */
    private void dimensions(long from, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.min(size, BUFFER));
        while (b.hasRemaining() && src.read(b, from + b.position()) > 0) {
            // keep reading
        }
        Jpeg.Size s = Jpeg.size(b.array(), 0, b.position());
        if (s != null) {
            width = s.width();
            height = s.height();
        }
    }

    /** Appends idx1 by walking the chunks just written (they are clean, so no checks); returns the file's end. */
    private long index(long moviEnd) throws IOException {
        long entries = ticks;
        long fileEnd = moviEnd + 8 + 16 * entries;
        if (fileEnd > MAX_FILE) {
            throw new IOException("the repaired file would be larger than 4 GiB, the limit of an AVI 1.0 file");
        }
        out.position(moviEnd);
        room(8);
        small.put("idx1".getBytes(StandardCharsets.US_ASCII)).putInt((int) (16 * entries));
        FileWindow copy = new FileWindow(out, moviEnd);
        long at = AviHeader.DATA_START;
        for (long i = 0; i < entries; i++) {
            copy.fill(at, 8);
            int size = copy.s32(at + 4);
            room(16);
            small.put(DC).putInt(size > 0 ? AviHeader.AVIIF_KEYFRAME : 0)
                    .putInt((int) (at - AviHeader.MOVI_FOURCC_POS)).putInt(size);
            at += 8 + size + (size & 1);
        }
        flush();
        return fileEnd;
    }

    private void room(int n) throws IOException {
        if (small.remaining() < n) {
            flush();
        }
        if (pos + n > MAX_FILE) {
            throw new IOException("the repaired file would be larger than 4 GiB, the limit of an AVI 1.0 file");
        }
    }

    private void flush() throws IOException {
        small.flip();
        while (small.hasRemaining()) {
            out.write(small);
        }
        small.clear();
    }
}
