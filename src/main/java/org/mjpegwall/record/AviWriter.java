package org.mjpegwall.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import org.mjpegwall.frame.Jpeg;

/**
 * Writes JPEG frames unchanged into an AVI 1.0 file with one MJPG video stream.
 *
 * <p>Timing: the stream runs on a fixed fine timebase ({@code ticksPerSecond}, e.g. 120 Hz). Each
 * frame is placed at its tick; ticks without a frame get a zero-length {@code 00dc} chunk, which AVI
 * players treat as "repeat the previous frame". The file's duration therefore follows the real
 * arrival times even when the camera's rate changes, and no frame is re-encoded or duplicated.
 *
 * <p>Crash safety: {@link #sync} rewrites the head (RIFF and movi sizes, frame counts) to cover every
 * complete chunk, so the file as it is on disk always parses; {@link #finish} adds the idx1 index.
 *
 * <p>Not thread-safe: one writer thread owns it.
 *
 * <pre>{@code
 * try (AviWriter w = AviWriter.create(Path.of("out.avi"), 120)) {
 *     w.writeFrame(jpeg, 0);
 *     w.writeFrame(nextJpeg, 4); // 1/30 s later
 *     w.finish(8);
 * }
 * }</pre>
 */
public final class AviWriter implements Closeable {
    /** Keeps plain AVI 1.0 files under 1 GiB, the limit that old players and the 32-bit RIFF sizes allow. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1_000_000_000L;

    private static final byte[] DC = "00dc".getBytes(StandardCharsets.US_ASCII);
    private static final int IDX_ENTRY = 16;
    private static final int MAX_STAGING = 8 * 1024 * 1024;

    private final FileChannel channel;
    private final Path file;
    private final int ticksPerSecond;
    private final long maxFileBytes;

    private int width;
    private int height;
    /** Absolute end of the last complete chunk. */
    private long moviEnd = AviHeader.DATA_START;
    private long ticks;
    private int maxChunk;
    private int frames;
    // Compact index: per frame its offset (relative to the movi FOURCC), size and the empty chunks before it.
    private int[] offsets = new int[1024];
    private int[] sizes = new int[1024];
    private int[] emptyBefore = new int[1024];
    private long trailingEmpty;
    /** End of the idx1 index once written, else 0. */
    private long indexEnd;
    private boolean finished;
    private ByteBuffer staging;
    private boolean closed;

    AviWriter(FileChannel channel, Path file, int ticksPerSecond, long maxFileBytes) throws IOException {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.file = Objects.requireNonNull(file, "file");
        if (ticksPerSecond <= 0 || ticksPerSecond > 1000) {
            throw new IllegalArgumentException("ticksPerSecond must be 1..1000: " + ticksPerSecond);
        }
        if (maxFileBytes < 64 * 1024 || maxFileBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maxFileBytes out of range: " + maxFileBytes);
        }
        this.ticksPerSecond = ticksPerSecond;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Creates a new file (failing if it exists). Nothing is written until the first frame.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     * @throws IOException if the file cannot be created
     */
    public static AviWriter create(Path file, int ticksPerSecond) throws IOException {
        return create(file, ticksPerSecond, DEFAULT_MAX_FILE_BYTES);
    }

    /** Like {@link #create(Path, int)}, with a size limit that {@link #fits} checks against. */
    public static AviWriter create(Path file, int ticksPerSecond, long maxFileBytes) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new AviWriter(ch, file, ticksPerSecond, maxFileBytes);
    }

    public Path file() {
        return file;
    }

    public int ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Frames written (not counting empty repeat chunks). */
    public int frames() {
        return frames;
    }

    /** Chunks in the stream so far: the next frame goes at this tick or later. */
    public long ticks() {
        return ticks;
    }

    /** Bytes of the file: the head and every complete chunk, and the index once finished. */
    public long size() {
        if (frames == 0) {
            return 0;
        }
        return indexEnd > 0 ? indexEnd : moviEnd;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether a frame of this size at this tick still fits, counting the index that {@link #finish} adds. */
    public boolean fits(int jpegLength, long tick) {
        long gap = Math.max(0, tick - ticks);
        long after = moviEnd + 8 * gap + 8 + even(jpegLength);
        return after + 8 + IDX_ENTRY * (ticks + gap + 1) <= maxFileBytes;
    }

    /**
     * Appends a frame at {@code tick}, with empty repeat chunks for the ticks before it.
     *
     * @param tick at least {@link #ticks()}
     * @throws IllegalArgumentException if the tick is in the past or the bytes are not a JPEG
     * @throws IllegalStateException if the frame would not {@link #fits fit}
     * @throws IOException on a write error; the file then ends after the last complete chunk
     */
    public void writeFrame(byte[] jpeg, long tick) throws IOException {
        checkOpen();
        if (tick < ticks) {
            throw new IllegalArgumentException("tick " + tick + " is before the next free tick " + ticks);
        }
        if (!fits(jpeg.length, tick)) {
            throw new IllegalStateException("frame does not fit under " + maxFileBytes + " bytes; start a new file");
        }
        if (frames == 0) {
            Jpeg.Size info = Jpeg.size(jpeg, 0, jpeg.length);
            if (info == null) {
                throw new IllegalArgumentException("not a JPEG frame (no SOI/SOF marker)");
            }
            width = info.width();
            height = info.height();
            writeHead(false);
        }
        int gap = Math.toIntExact(tick - ticks);
        long total = 8L * gap + 8 + even(jpeg.length);
        // One copy into a reused direct buffer and one pwrite per frame: the cheapest path through NIO,
        // which would otherwise copy each heap buffer into a temporary direct one anyway.
        ByteBuffer out = staging(total);
        for (int i = 0; i < gap; i++) {
            out.put(DC).putInt(0);
        }
        out.put(DC).putInt(jpeg.length).put(jpeg);
        if ((jpeg.length & 1) != 0) {
            out.put((byte) 0);
        }
        out.flip();
        writeFully(out, moviEnd);

        // Only now, with every byte written, does the chunk count as part of the file.
        if (frames == offsets.length) {
            int n = frames * 2;
            offsets = Arrays.copyOf(offsets, n);
            sizes = Arrays.copyOf(sizes, n);
            emptyBefore = Arrays.copyOf(emptyBefore, n);
        }
        offsets[frames] = (int) (moviEnd + 8L * gap - AviHeader.MOVI_FOURCC_POS);
        sizes[frames] = jpeg.length;
        emptyBefore[frames] = gap;
        frames++;
        moviEnd += total;
        ticks = tick + 1;
        maxChunk = Math.max(maxChunk, jpeg.length);
    }

    /**
     * Rewrites the head so the file, as it is now, is a valid AVI with every complete chunk.
     *
     * @param force also flush to the storage device (fsync), for power loss
     */
    public void sync(boolean force) throws IOException {
        checkOpen();
        if (frames == 0) {
            return;
        }
        writeHead(false);
        if (force) {
            channel.force(false);
        }
    }

    /**
     * Ends the stream at {@code endTick} (empty chunks hold the last frame until then, as far as the
     * size limit allows), writes the idx1 index and the final head, and closes the file. A file with
     * no frames is deleted instead.
     */
    public void finish(long endTick) throws IOException {
        checkOpen();
        if (frames == 0) {
            close();
            java.nio.file.Files.deleteIfExists(file);
            return;
        }
        long pad = Math.max(0, endTick - ticks);
        long room = (maxFileBytes - moviEnd - 8 - IDX_ENTRY * ticks) / (8 + IDX_ENTRY);
        pad = Math.max(0, Math.min(pad, room));
        if (pad > 0) {
            ByteBuffer empties = ByteBuffer.allocate((int) (8 * pad)).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < pad; i++) {
                empties.put(DC).putInt(0);
            }
            empties.flip();
            writeFully(empties, moviEnd);
            moviEnd += 8 * pad;
            ticks += pad;
            trailingEmpty = pad;
        }
        writeIndex();
        writeHead(true);
        channel.force(true);
        finished = true;
        close();
    }

    /**
     * After a write error: cuts off any partly written chunk, makes the head cover what is complete,
     * tries to add the index, and closes. Never throws; what was written stays playable.
     *
     * @return {@code null} if the file is complete with its index, else why the index is missing
     */
    public IOException abort() {
        if (closed) {
            return null;
        }
        IOException problem = null;
        try {
            if (frames == 0) {
                close();
                java.nio.file.Files.deleteIfExists(file);
                return null;
            }
            channel.truncate(moviEnd);
            writeHead(false);
            try {
                writeIndex();
                writeHead(true);
            } catch (IOException e) {
                // No room for the index: leave the file without it; headers still match the data.
                indexEnd = 0;
                channel.truncate(moviEnd);
                writeHead(false);
                problem = e;
            }
            channel.force(true);
        } catch (IOException e) {
            problem = e;
        } finally {
            closeQuietly();
        }
        return problem;
    }

    /** Closes without finishing: the file keeps the head of the last {@link #sync}, like after a crash. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    /** Whether {@link #finish} completed. */
    public boolean finished() {
        return finished;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // already failing; the caller reports the first error
        }
    }

    private void writeIndex() throws IOException {
        long entries = ticks;
        long pos = moviEnd;
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        head.put("idx1".getBytes(StandardCharsets.US_ASCII)).putInt((int) (IDX_ENTRY * entries)).flip();
        writeFully(head, pos);
        pos += 8;
        ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int e = emptyBefore[f]; e > 0; e--) {
                pos = entry(b, pos, offsets[f] - 8 * e, 0, 0);
            }
            pos = entry(b, pos, offsets[f], sizes[f], AviHeader.AVIIF_KEYFRAME);
        }
        long trailStart = moviEnd - 8 * trailingEmpty - AviHeader.MOVI_FOURCC_POS;
        for (long e = 0; e < trailingEmpty; e++) {
            pos = entry(b, pos, (int) (trailStart + 8 * e), 0, 0);
        }
        b.flip();
        int rest = b.remaining();
        writeFully(b, pos);
        indexEnd = pos + rest;
    }

    private long entry(ByteBuffer b, long pos, int offset, int size, int flags) throws IOException {
        if (b.remaining() < IDX_ENTRY) {
            b.flip();
            int n = b.remaining();
            writeFully(b, pos);
            b.clear();
            pos += n;
        }
        b.put(DC).putInt(flags).putInt(offset).putInt(size);
        return pos;
    }

    private void writeHead(boolean indexed) throws IOException {
        long fileEnd = indexed ? moviEnd + 8 + IDX_ENTRY * ticks : moviEnd;
        ByteBuffer head = AviHeader.build(new AviHeader.Values(width, height, ticksPerSecond, ticks, maxChunk,
                moviEnd, fileEnd, indexed));
        writeFully(head, 0);
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            position += channel.write(b, position);
        }
    }

    /** A cleared buffer with room for {@code bytes}: the reused direct one, or a one-off for huge gaps. */
    private ByteBuffer staging(long bytes) {
        if (bytes > MAX_STAGING) {
            return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (staging == null || staging.capacity() < bytes) {
            int cap = (int) Math.min(MAX_STAGING, Math.max(bytes * 3 / 2, 64 * 1024));
            staging = ByteBuffer.allocateDirect(cap).order(ByteOrder.LITTLE_ENDIAN);
        }
        return staging.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer is closed: " + file);
        }
    }

    private static long even(int n) {
        return n + (n & 1);
    }
}
