package org.mjpegwall.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the video chunks of an AVI file with one MJPG stream, for tests and for repairing files
 * left unfinished by a crash. Uses the idx1 index when there is a complete one; otherwise it scans
 * the movi list chunk by chunk up to the end of the file and stops at the first incomplete or
 * invalid chunk, the way a crashed recording must be read.
 */
public final class AviReader implements Closeable {
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    /** One video chunk: an empty one (size 0) repeats the previous frame for one tick. */
    public record Chunk(long tick, long position, int size) {
    }

    /**
     * What the headers say, and what was found.
     *
     * @param headerTicks dwLength of the stream header
     * @param declaredMoviEnd absolute end of the movi list according to its header
     * @param indexed whether a complete idx1 index was used
     * @param validEnd absolute end of the last complete chunk
     */
    public record Info(int width, int height, int rate, int scale, long headerTicks, long declaredMoviEnd,
            long fileSize, boolean indexed, long validEnd) {
    }

    private final FileChannel channel;
    private final Info info;
    private final List<Chunk> chunks;
    private final long moviFourccPos;

    private AviReader(FileChannel channel) throws IOException {
        this.channel = channel;
        long fileSize = channel.size();
        ByteBuffer riff = read(0, 12);
        if (riff.remaining() < 12 || !"RIFF".equals(fourcc(riff, 0)) || !"AVI ".equals(fourcc(riff, 8))) {
            throw new IOException("not an AVI file (no RIFF AVI header)");
        }
        int width = 0;
        int height = 0;
        int rate = 0;
        int scale = 0;
        long headerTicks = 0;
        long moviPos = -1;
        long moviEnd = -1;
        long idxPos = -1;
        long idxSize = 0;
        long pos = 12;
        while (pos + 8 <= fileSize) {
            ByteBuffer h = read(pos, 12);
            String id = fourcc(h, 0);
            long size = Integer.toUnsignedLong(h.getInt(4));
            if ("LIST".equals(id) && h.remaining() >= 12) {
                String type = fourcc(h, 8);
                if ("hdrl".equals(type)) {
                    ByteBuffer hdrl = read(pos + 12, (int) Math.min(size - 4, 64 * 1024));
                    int[] v = parseHdrl(hdrl);
                    width = v[0];
                    height = v[1];
                    rate = v[2];
                    scale = v[3];
                    headerTicks = Integer.toUnsignedLong(v[4]);
                } else if ("movi".equals(type)) {
                    moviPos = pos + 8;
                    moviEnd = pos + 8 + size;
                    // The index, if any, follows the movi list. A growing or crashed file may have
                    // more data after the declared end of the list; scan() reads it.
                    ByteBuffer after = read(moviEnd, 8);
                    if (after.remaining() == 8 && "idx1".equals(fourcc(after, 0))) {
                        idxPos = moviEnd + 8;
                        idxSize = Integer.toUnsignedLong(after.getInt(4));
                    }
                    break;
                }
            }
            pos += 8 + size + (size & 1);
        }
        if (moviPos < 0) {
            throw new IOException("not a playable AVI file (no movi list)");
        }
        if (rate <= 0 || scale <= 0) {
            throw new IOException("not a playable AVI file (no video stream header)");
        }
        this.moviFourccPos = moviPos;
        List<Chunk> fromIndex = idxPos >= 0 && idxPos + idxSize <= fileSize ? readIndex(idxPos, idxSize, fileSize) : null;
        List<Chunk> list = fromIndex != null ? fromIndex : scan(moviPos + 4, fileSize);
        long validEnd = list.isEmpty() ? moviPos + 4 : 0;
        for (Chunk c : list) {
            validEnd = Math.max(validEnd, c.position() + c.size() + (c.size() & 1));
        }
        this.chunks = Collections.unmodifiableList(list);
        this.info = new Info(width, height, rate, scale, headerTicks, moviEnd, fileSize, fromIndex != null, validEnd);
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
        return chunks;
    }

    /** Number of frames (non-empty chunks). */
    public int frameCount() {
        int n = 0;
        for (Chunk c : chunks) {
            if (c.size() > 0) {
                n++;
            }
        }
        return n;
    }

    /** The play time of the stream: every chunk lasts scale/rate seconds. */
    public Duration duration() {
        return Duration.ofNanos(chunks.size() * 1_000_000_000L * info.scale() / info.rate());
    }

    /** The bytes of one chunk. */
    public byte[] read(Chunk chunk) throws IOException {
        ByteBuffer b = read(chunk.position(), chunk.size());
        byte[] out = new byte[chunk.size()];
        b.get(out);
        return out;
    }

    /** All frames' bytes, in order (empty chunks left out). */
    public List<byte[]> readFrames() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Chunk c : chunks) {
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

    private List<Chunk> readIndex(long idxPos, long idxSize, long fileSize) throws IOException {
        if (idxSize % 16 != 0 || idxSize > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer idx = read(idxPos, (int) idxSize);
        List<Chunk> list = new ArrayList<>();
        // Offsets are relative to the movi FOURCC (usual) or absolute (some writers): test the first entry.
        long base = moviFourccPos;
        boolean first = true;
        for (int i = 0; i + 16 <= idx.limit(); i += 16) {
            String id = fourcc(idx, i);
            if (!isVideo(id)) {
                continue;
            }
            long offset = Integer.toUnsignedLong(idx.getInt(i + 8));
            int size = idx.getInt(i + 12);
            if (first) {
                ByteBuffer at = read(moviFourccPos + offset, 4);
                base = at.remaining() == 4 && id.equals(fourcc(at, 0)) ? moviFourccPos : 0;
                first = false;
            }
            long position = base + offset + 8;
            if (size < 0 || position + size > fileSize) {
                return null;
            }
            list.add(new Chunk(list.size(), position, size));
        }
        return list;
    }

    private List<Chunk> scan(long start, long fileSize) throws IOException {
        List<Chunk> list = new ArrayList<>();
        long pos = start;
        while (pos + 8 <= fileSize) {
            ByteBuffer h = read(pos, 8);
            String id = fourcc(h, 0);
            long size = Integer.toUnsignedLong(h.getInt(4));
            if (pos + 8 + size > fileSize) {
                break; // cut off by a crash
            }
            if (isVideo(id)) {
                if (size > MAX_FRAME || (size > 0 && !startsWithJpeg(pos + 8))) {
                    break;
                }
                list.add(new Chunk(list.size(), pos + 8, (int) size));
            } else if ("idx1".equals(id)) {
                break;
            } else if (!"JUNK".equals(id) && !id.startsWith("ix") && !"LIST".equals(id) && !isStreamChunk(id)) {
                break; // garbage after the last complete chunk (e.g. zeros after a power loss)
            }
            pos += 8 + size + (size & 1);
        }
        // After a power loss the last chunk may have its length on disk but zeros instead of its end.
        // Only the last frame is checked: some cameras send frames without an end marker, and a
        // check on every frame would then throw away a whole recording.
        int last = list.size() - 1;
        while (last >= 0 && list.get(last).size() == 0) {
            last--;
        }
        if (last >= 0 && !endsJpeg(list.get(last))) {
            list.subList(last, list.size()).clear();
        }
        return list;
    }

    /** Whether the chunk ends with a JPEG end marker, allowing zero padding after it. */
    private boolean endsJpeg(Chunk c) throws IOException {
        int n = Math.min(c.size(), 4096);
        ByteBuffer b = read(c.position() + c.size() - n, n);
        int i = b.limit() - 1;
        while (i > 0 && b.get(i) == 0) {
            i--;
        }
        return i > 0 && (b.get(i - 1) & 0xFF) == 0xFF && (b.get(i) & 0xFF) == 0xD9;
    }

    private boolean startsWithJpeg(long pos) throws IOException {
        ByteBuffer b = read(pos, 2);
        return b.remaining() == 2 && (b.get(0) & 0xFF) == 0xFF && (b.get(1) & 0xFF) == 0xD8;
    }

    private static boolean isVideo(String id) {
        return id.length() == 4 && id.startsWith("00") && (id.endsWith("dc") || id.endsWith("db"));
    }

    private static boolean isStreamChunk(String id) {
        return id.length() == 4 && Character.isDigit(id.charAt(0)) && Character.isDigit(id.charAt(1));
    }

    /** Returns {width, height, rate, scale, length} of the first video stream. */
    private static int[] parseHdrl(ByteBuffer b) {
        int[] v = new int[5];
        int i = 0;
        boolean video = false;
        while (i + 8 <= b.limit()) {
            String id = fourcc(b, i);
            int size = b.getInt(i + 4);
            if ("LIST".equals(id)) {
                i += 12; // descend into strl
                continue;
            }
            int body = i + 8;
            if ("avih".equals(id) && body + 40 <= b.limit()) {
                v[0] = b.getInt(body + 32);
                v[1] = b.getInt(body + 36);
            } else if ("strh".equals(id) && body + 36 <= b.limit() && v[2] == 0) {
                video = "vids".equals(fourcc(b, body));
                if (video) {
                    v[3] = b.getInt(body + 20);
                    v[2] = b.getInt(body + 24);
                    v[4] = b.getInt(body + 32);
                }
            }
            if (size < 0) {
                break;
            }
            i = body + size + (size & 1);
        }
        return v;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static String fourcc(ByteBuffer b, int at) {
        if (at + 4 > b.limit()) {
            return "";
        }
        byte[] code = new byte[4];
        for (int i = 0; i < 4; i++) {
            code[i] = b.get(at + i);
        }
        return new String(code, StandardCharsets.ISO_8859_1);
    }
}
