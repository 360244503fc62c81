package org.mjpegwall.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mjpegwall.client.Jpeg;

/**
 * Finishes recordings that a crash, a kill or a power loss left without an index: cuts off a partly
 * written last chunk, brings the headers up to date with every complete frame and appends the idx1
 * index. Files with no complete frame are deleted, so no empty or header-only file is left behind.
 * {@link Recorder#start} runs it on the camera's earlier files; anyone may run it on a folder.
 */
public final class AviRepair {
    private static final Logger log = LoggerFactory.getLogger(AviRepair.class);

    /** What {@link #repair} did. */
    public enum Outcome { ALREADY_COMPLETE, REPAIRED, DELETED_EMPTY }

    public record Result(Path file, Outcome outcome, int frames) {
    }

    private AviRepair() {
    }

    /** Whether the file ends with a complete index right after its movi list, i.e. was finished. */
    public static boolean isComplete(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return false;
        }
        try (AviReader r = AviReader.open(file)) {
            return r.info().indexed() && r.info().declaredMoviEnd() == r.info().validEnd();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Repairs one file written by {@link AviWriter}.
     *
     * @throws IOException if the file cannot be read or written, or was not written by this program
     *     and has no complete frame either
     */
    public static Result repair(Path file) throws IOException {
        if (Files.size(file) < AviHeader.DATA_START) {
            // Killed before the first frame was complete: nothing to keep. Anything else is not ours.
            if (Files.size(file) > 0 && !startsWithRiff(file)) {
                throw new IOException("not an AVI file (no RIFF AVI header)");
            }
            Files.delete(file);
            log.info("Deleted empty recording {}", file);
            return new Result(file, Outcome.DELETED_EMPTY, 0);
        }
        List<AviReader.Chunk> chunks;
        AviReader.Info info;
        try (AviReader r = AviReader.open(file)) {
            info = r.info();
            chunks = r.chunks();
            if (info.indexed() && info.declaredMoviEnd() == info.validEnd()) {
                return new Result(file, Outcome.ALREADY_COMPLETE, r.frameCount());
            }
            if (r.frameCount() == 0) {
                r.close();
                Files.delete(file);
                log.info("Deleted recording without frames {}", file);
                return new Result(file, Outcome.DELETED_EMPTY, 0);
            }
            if (chunks.get(0).position() - 8 != AviHeader.DATA_START) {
                throw new IOException("cannot repair " + file + ": not written by mjpeg-wall");
            }
        }
        int frames = 0;
        int maxChunk = 0;
        for (AviReader.Chunk c : chunks) {
            if (c.size() > 0) {
                frames++;
                maxChunk = Math.max(maxChunk, c.size());
            }
        }
        int width = info.width();
        int height = info.height();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (width == 0 || height == 0) {
                AviReader.Chunk first = chunks.stream().filter(c -> c.size() > 0).findFirst().orElseThrow();
                ByteBuffer b = ByteBuffer.allocate(Math.min(first.size(), 64 * 1024));
                ch.read(b, first.position());
                Jpeg.Size ji = Jpeg.size(b.array(), 0, b.array().length);
                if (ji != null) {
                    width = ji.width();
                    height = ji.height();
                }
            }
            long moviEnd = info.validEnd();
            long ticks = chunks.size();
            ch.truncate(moviEnd);
            ByteBuffer idx = ByteBuffer.allocate(8 + 16 * chunks.size()).order(ByteOrder.LITTLE_ENDIAN);
            idx.put("idx1".getBytes(StandardCharsets.US_ASCII)).putInt(16 * chunks.size());
            for (AviReader.Chunk c : chunks) {
                idx.put("00dc".getBytes(StandardCharsets.US_ASCII))
                        .putInt(c.size() > 0 ? AviHeader.AVIIF_KEYFRAME : 0)
                        .putInt((int) (c.position() - 8 - AviHeader.MOVI_FOURCC_POS))
                        .putInt(c.size());
            }
            idx.flip();
            long end = moviEnd + idx.remaining();
            writeFully(ch, idx, moviEnd);
            ByteBuffer head = AviHeader.build(new AviHeader.Values(width, height, info.rate() / info.scale(), ticks,
                    maxChunk, moviEnd, end, true));
            writeFully(ch, head, 0);
            ch.force(true);
        }
        log.info("Repaired unfinished recording {} ({} frames)", file, frames);
        return new Result(file, Outcome.REPAIRED, frames);
    }

    private static boolean startsWithRiff(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(12);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // keep reading
            }
            byte[] a = b.array();
            String riff = new String(a, 0, 4, StandardCharsets.US_ASCII);
            // A crash can leave the head partly written; its first bytes come first.
            return b.position() >= 4 && riff.equals("RIFF")
                    && (b.position() < 12 || new String(a, 8, 4, StandardCharsets.US_ASCII).equals("AVI "));
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            position += ch.write(b, position);
        }
    }
}
