package org.mjpegwall.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the video chunks of an AVI file with an MJPEG stream: our recordings, finished or left by a
 * crash, and other programs' files (the video stream need not be the first). The idx1 index is used
 * only when it agrees with the data ({@link AviCheck}); otherwise the movi list is scanned chunk by
 * chunk, resynchronising past damage, and a last frame that a power loss left half zeros is left out.
 *
 * <p>The chunk list lives in two primitive arrays (12 bytes a chunk) and is capped at
 * {@link #MAX_CHUNKS}; every size read from the file is checked before use.
 */
public final class AviReader implements Closeable {
    /** More chunks than this (3 GiB of empty chunks, or 44 hours at 120 Hz) are refused rather than listed. */
    static final int MAX_CHUNKS = 1 << 24;

    /** One video chunk: an empty one (size 0) repeats the previous frame for one tick. */
    public record Chunk(long tick, long position, int size) {
    }

    /**
     * What the headers say, and what was found.
     *
     * @param headerTicks dwLength of the stream header
     * @param declaredMoviEnd absolute end of the movi list according to its header
     * @param indexed whether the file has an idx1 index that agrees with its data
     * @param validEnd absolute end of the last chunk read
     * @param marked whether MJPEG Wall wrote the file (its INFO/ISFT marker)
     */
    public record Info(int width, int height, int rate, int scale, long headerTicks, long declaredMoviEnd,
            long fileSize, boolean indexed, long validEnd, boolean marked) {
    }

    private final FileChannel channel;
    private final Info info;
    private final int count;
    private final long[] positions;
    private final int[] sizes;

    private AviReader(FileChannel channel) throws IOException {
        this.channel = channel;
        AviCheck check = AviCheck.of(channel);
        AviLayout layout = check.layout();
        if (!layout.hasMovi()) {
            throw new IOException("not a playable AVI file (no movi list)");
        }
        if (layout.videoStream() < 0 || layout.rate() <= 0 || layout.scale() <= 0) {
            throw new IOException("not a playable AVI file (no video stream header)");
        }
        VideoChunks source = check.indexAgrees()
                ? new ChunkScanner(new FileWindow(channel, layout.fileSize()), layout.videoStream(),
                        layout.moviData(), check.dataEnd())
                : check.chunksToKeep(channel);
        long[] pos = new long[1024];
        int[] size = new int[1024];
        int n = 0;
        long validEnd = layout.moviData();
        while (source.next()) {
            if (n == MAX_CHUNKS) {
                throw new IOException("too many chunks to list (more than " + MAX_CHUNKS + ")");
            }
            if (n == pos.length) {
                pos = Arrays.copyOf(pos, n * 2);
                size = Arrays.copyOf(size, n * 2);
            }
            pos[n] = source.position();
            size[n] = source.size();
            validEnd = Math.max(validEnd, source.position() + source.size() + (source.size() & 1));
            n++;
        }
        this.count = n;
        this.positions = pos;
        this.sizes = size;
        this.info = new Info(layout.width(), layout.height(), layout.rate(), layout.scale(), layout.headerTicks(),
                layout.declaredMoviEnd(), layout.fileSize(), check.indexAgrees(), validEnd, layout.marked());
    }

    /** Opens and parses a file. */
    public static AviReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new AviReader(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Info info() {
        return info;
    }

    /** Every video chunk in stream order, empty repeat chunks included. */
    public List<Chunk> chunks() {
        return new AbstractList<>() {
            @Override
            public Chunk get(int i) {
                if (i < 0 || i >= count) {
                    throw new IndexOutOfBoundsException(i);
                }
                return new Chunk(i, positions[i], sizes[i]);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** Number of frames (non-empty chunks). */
    public int frameCount() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (sizes[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** The play time of the stream: every chunk lasts scale/rate seconds. */
    public Duration duration() {
        return Duration.ofNanos((long) (count * 1e9 * info.scale() / info.rate()));
    }

    /** The bytes of one chunk. */
    public byte[] read(Chunk chunk) throws IOException {
        byte[] out = new byte[chunk.size()];
        ByteBuffer b = ByteBuffer.wrap(out);
        while (b.hasRemaining()) {
            if (channel.read(b, chunk.position() + b.position()) < 0) {
                throw new IOException("the file ends inside a chunk");
            }
        }
        return out;
    }

    /** All frames' bytes, in order (empty chunks left out). */
    public List<byte[]> readFrames() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Chunk c : chunks()) {
            if (c.size() > 0) {
                out.add(read(c));
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
