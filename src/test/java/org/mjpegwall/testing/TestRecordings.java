package org.mjpegwall.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mjpegwall.record.AviWriter;

/** Recordings with known frames at known ticks (120 Hz), for the review and export tests. */
public final class TestRecordings {
    private TestRecordings() {
    }

    /** {@code count} unique real JPEG frames, numbered from {@code first}. */
    public static List<byte[]> frames(int first, int count) {
        byte[] image = TestJpegs.image(16, 16);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(TestJpegs.numbered(image, first + i));
        }
        return out;
    }

    /** A finished recording: frame {@code i} at {@code i * every} ticks, the stream ending at {@code endTick}. */
    public static Path write(Path file, List<byte[]> frames, int every, long endTick) throws IOException {
        try (AviWriter w = AviWriter.create(file, 120)) {
            for (int i = 0; i < frames.size(); i++) {
                w.writeFrame(frames.get(i), (long) i * every);
            }
            w.finish(endTick);
        }
        return file;
    }

    /**
     * What a crash leaves: the frames written and synced without an index, and the file cut {@code cut} bytes into
     * the last frame's data (half a frame on disk).
     */
    public static Path crashCut(Path file, List<byte[]> frames, int every, int cut) throws IOException {
        Path scratch = file.resolveSibling(file.getFileName() + ".writing");
        AviWriter w = AviWriter.create(scratch, 120);
        for (int i = 0; i < frames.size(); i++) {
            w.writeFrame(frames.get(i), (long) i * every);
        }
        w.sync(false);
        long size = w.size();
        byte[] all = Files.readAllBytes(scratch);
        w.abort();
        Files.delete(scratch);
        int lastLen = frames.get(frames.size() - 1).length;
        long lastData = size - lastLen - (lastLen & 1);
        Files.write(file, java.util.Arrays.copyOf(all, (int) (lastData + cut)));
        return file;
    }

    /** A copy of an AVI file whose MJPEG Wall marker is changed to another program's name. */
    public static Path foreignCopy(Path ours, Path copy) throws IOException {
        byte[] b = Files.readAllBytes(ours);
        byte[] mark = "MJPEG Wall".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "OtherTool!".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + mark.length <= Math.min(b.length, 4096); i++) {
            if (java.util.Arrays.equals(b, i, i + mark.length, mark, 0, mark.length)) {
                System.arraycopy(other, 0, b, i, other.length);
            }
        }
        Files.write(copy, b);
        return copy;
    }

    /** Appends {@code bytes} to a file as a writer in progress would. */
    public static void append(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
        }
    }
}
