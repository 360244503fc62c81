package org.mjpegwall.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.mjpegwall.record.AviReader;

/**
 * The frame index of one AVI file: for each frame its time on the file's own clock, its position and its size,
 * read once and kept in three primitive arrays (20 bytes a frame; an hour at 15 fps is about 1 MB).
 *
 * <p>Built by the record package's {@link AviReader}, which trusts idx1 only when it agrees with the data and
 * otherwise scans the movi list chunk by chunk with every size bounded: so a file cut off by a crash, or one still
 * being written, is indexed up to its last complete frame, and a damaged or hostile file cannot make it allocate or
 * read out of bounds. Why not a reader of its own: the bounds and the resynchronisation are already fuzzed there.
 *
 * <p>Frame times: chunk {@code n} starts at {@code n * scale / rate} seconds; an empty chunk repeats the frame
 * before it, so a frame is shown from its own chunk until the next frame's chunk. Immutable and thread-safe.
 */
public final class RecordingIndex {
    private final Path file;
    private final long fileSize;
    private final long modifiedMillis;
    private final int width;
    private final int height;
    private final int rate;
    private final int scale;
    private final boolean marked;
    private final boolean indexed;
    private final long ticks;
    private final long[] frameTicks;
    private final long[] positions;
    private final int[] sizes;

    private RecordingIndex(Path file, long fileSize, long modifiedMillis, AviReader reader) {
        AviReader.Info info = reader.info();
        this.file = file;
        this.fileSize = fileSize;
        this.modifiedMillis = modifiedMillis;
        this.width = info.width();
        this.height = info.height();
        this.rate = info.rate();
        this.scale = info.scale();
        this.marked = info.marked();
        this.indexed = info.indexed();
        List<AviReader.Chunk> chunks = reader.chunks();
        int frames = reader.frameCount();
        long[] t = new long[frames];
        long[] p = new long[frames];
        int[] s = new int[frames];
        int n = 0;
        for (AviReader.Chunk c : chunks) {
            if (c.size() > 0) {
                t[n] = c.tick();
                p[n] = c.position();
                s[n] = c.size();
                n++;
            }
        }
        this.ticks = chunks.size();
        this.frameTicks = t;
        this.positions = p;
        this.sizes = s;
    }

    /**
     * Reads the index of a file (without the cache; {@link IndexCache} keeps them).
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if the file is not a playable AVI file (the message says why in words)
     */
    public static RecordingIndex read(Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        try (AviReader reader = AviReader.open(file)) {
            return new RecordingIndex(file, size, modified, reader);
        }
    }

    public Path file() {
        return file;
    }

    /** The file's size when it was indexed. */
    public long fileSize() {
        return fileSize;
    }

    /** The file's last-modified time (ms) when it was indexed. */
    public long modifiedMillis() {
        return modifiedMillis;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether MJPEG Wall wrote the file (its INFO/ISFT marker). */
    public boolean marked() {
        return marked;
    }

    /** Whether the index came from an idx1 that agrees with the data (false: from a scan). */
    public boolean fromIdx1() {
        return indexed;
    }

    /** Chunks (ticks) per second as a whole number, or 0 when the file's timebase is not one. */
    public int ticksPerSecond() {
        return scale > 0 && rate % scale == 0 ? rate / scale : 0;
    }

    /** Chunks in the stream, empty repeat chunks included. */
    public long ticks() {
        return ticks;
    }

    public int frameCount() {
        return sizes.length;
    }

    /** Play time of the file: every chunk lasts scale/rate seconds. */
    public long durationNanos() {
        return tickNanos(ticks);
    }

    /** When chunk {@code tick} starts, in nanoseconds from the start of the file. */
    public long tickNanos(long tick) {
        return tickNanos(tick, rate, scale);
    }

    static long tickNanos(long tick, int rate, int scale) {
        return Math.round(tick * 1e9 * scale / rate);
    }

    /** The chunk that is playing {@code nanos} from the start of the file. */
    public long tickAt(long nanos) {
        return tickAt(nanos, rate, scale);
    }

    /** The last tick starting at or before {@code nanos}, by the same rounding as {@link #tickNanos}. */
    static long tickAt(long nanos, int rate, int scale) {
        long t = (long) Math.floor(nanos * (double) rate / (scale * 1e9));
        while (tickNanos(t + 1, rate, scale) <= nanos) {
            t++;
        }
        while (t > 0 && tickNanos(t, rate, scale) > nanos) {
            t--;
        }
        return t;
    }

    /** The tick at which frame {@code i} starts. */
    public long frameTick(int i) {
        return frameTicks[i];
    }

    /** When frame {@code i} starts, in nanoseconds from the start of the file. */
    public long frameNanos(int i) {
        return tickNanos(frameTicks[i]);
    }

    public int frameSize(int i) {
        return sizes[i];
    }

    /**
     * The frame shown {@code nanos} from the start of the file: the last frame starting at or before it (the first
     * frame before its own start), or -1 for a file without frames.
     */
    public int frameAt(long nanos) {
        if (sizes.length == 0) {
            return -1;
        }
        long tick = tickAt(nanos);
        int i = Arrays.binarySearch(frameTicks, tick);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(i, sizes.length - 1));
    }

    /** The bytes of frame {@code i}, exactly as stored. */
    public byte[] readFrame(int i) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readFrame(ch, i);
        }
    }

    /** The bytes of frame {@code i} from an open channel onto this file. */
    public byte[] readFrame(FileChannel ch, int i) throws IOException {
        byte[] out = new byte[sizes[i]];
        ByteBuffer b = ByteBuffer.wrap(out);
        while (b.hasRemaining()) {
            if (ch.read(b, positions[i] + b.position()) < 0) {
                throw new IOException(file + ": the file got shorter since it was indexed");
            }
        }
        return out;
    }
}
