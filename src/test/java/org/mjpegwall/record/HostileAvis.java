package org.mjpegwall.record;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mjpegwall.testing.ExternalTools;
import org.mjpegwall.testing.TestJpegs;

/**
 * Makes a corpus of damaged and foreign AVI files (and things that are not AVI at all) in a folder,
 * for the repair tests and for measuring {@code mjpeg-wall repair} by hand:
 * {@code java -cp target/test-classes:target/classes:<deps> org.mjpegwall.record.HostileAvis DIR}.
 *
 * <p>Each case says whether MJPEG Wall wrote it ({@code ours}: repair may rewrite it) and how many
 * playable frames a careful reader finds in it, which a repair must never lower.
 */
final class HostileAvis {
    static final long TWO_GIB = 2L << 30;

    /**
     * One hostile file.
     *
     * @param ours written by MJPEG Wall (it carries the marker), so repair may rewrite or delete it
     * @param frames playable frames in it (by construction), or -1 when it is no video at all
     * @param sparse a huge sparse file: compare by size and time, not by hashing every byte
     * @param expected what a repair must do with it
     */
    record Case(String name, Path file, boolean ours, int frames, boolean sparse, AviRepair.Outcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final byte[] IMAGE = TestJpegs.image(64, 48);

    private final Path dir;
    private final List<Case> cases = new ArrayList<>();

    private HostileAvis(Path dir) {
        this.dir = dir;
    }

    /** Makes every case; the ffmpeg-made ones only when ffmpeg is installed. */
    static List<Case> make(Path dir, boolean withFfmpeg, boolean withHuge) throws IOException, InterruptedException {
        HostileAvis h = new HostileAvis(dir);
        h.ours();
        h.headers();
        h.notVideo();
        if (withHuge) {
            h.huge();
        }
        if (withFfmpeg) {
            h.ffmpeg();
        }
        return h.cases;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Case c : make(dir, ExternalTools.find("ffmpeg") != null, true)) {
            System.out.printf("%-34s ours=%-5s frames=%-6d expected=%s%n", c.file().getFileName(), c.ours(), c.frames(),
                    c.expected());
        }
    }

    // ---- files MJPEG Wall wrote, damaged in the ways crashes and disks damage them ----

    private void ours() throws IOException {
        add("complete.avi", true, 75, recording("complete.avi", 75, true));
        add("crashed-half-chunk.avi", true, 40, halfChunk(recording("crashed-half-chunk.avi", 40, false)));
        Path zeros = recording("crashed-zero-tail.avi", 40, false);
        appendZeros(zeros, 64 * 1024);
        add("crashed-zero-tail.avi", true, 40, zeros);

        // A finished recording whose idx1 entries all point at the first frame.
        Path idx = recording("idx1-all-first.avi", 606, true);
        rewriteIndex(idx, (entry, i) -> entry.putInt(8, 4));
        add("idx1-all-first.avi", true, 606, idx);
        Path idxShort = recording("idx1-one-entry.avi", 150, true);
        setInt(idxShort, indexPos(idxShort) + 4, 16);
        add("idx1-one-entry.avi", true, 150, idxShort);
        Path idxHuge = recording("idx1-huge-size.avi", 150, true);
        setInt(idxHuge, indexPos(idxHuge) + 4, 0x7FFF_FFF0);
        add("idx1-huge-size.avi", true, 150, idxHuge);
        Path idxGarbage = recording("idx1-garbage.avi", 150, true);
        rewriteIndex(idxGarbage, (entry, i) -> entry.putInt(8, i * 7919 % 100_000).putInt(12, i * 31));
        add("idx1-garbage.avi", true, 150, idxGarbage);

        // A chunk whose size field is huge or negative, in a finished and in a crashed file.
        for (int size : new int[] {0x7FFF_FFF0, 0xFFFF_FFF0}) {
            String kind = size > 0 ? "huge" : "negative";
            for (boolean finished : new boolean[] {true, false}) {
                String name = "chunk-" + kind + (finished ? "-finished" : "-crashed") + ".avi";
                Path f = recording(name, 75, finished);
                setInt(f, frameChunk(f, 5) + 4, size);
                add(name, true, 75, f);
            }
        }
        Path garbage = recording("chunk-header-garbage.avi", 75, false);
        patch(garbage, frameChunk(garbage, 30), "xq#!\u00ff\u00ff\u00ff\u007f".getBytes(StandardCharsets.ISO_8859_1));
        add("chunk-header-garbage.avi", true, 74, garbage);

        Path headOnly = dir.resolve("header-only.avi");
        Files.copy(recording("header-only-src.avi", 1, false), headOnly);
        truncate(headOnly, AviHeader.DATA_START);
        Files.delete(dir.resolve("header-only-src.avi"));
        add("header-only.avi", true, 0, headOnly);
        Path cutHead = dir.resolve("head-cut.avi");
        Files.copy(recording("head-cut-src.avi", 3, false), cutHead);
        truncate(cutHead, 1000);
        Files.delete(dir.resolve("head-cut-src.avi"));
        add("head-cut.avi", true, 0, cutHead);

        // Many tiny frames: memory must not grow with the number of chunks.
        Path tiny = dir.resolve("tiny-frames.avi");
        try (AviWriter w = AviWriter.create(tiny, 120, 0xFFFF_FFFFL)) {
            w.writeFrame(TestJpegs.numbered(IMAGE, 0), 0);
            byte[] smallest = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
            for (int i = 1; i < 200_000; i++) {
                w.writeFrame(smallest, i);
            }
            w.sync(false);
        }
        add("tiny-frames.avi", true, 200_000, tiny);
    }

    // ---- headers that crash a careless parser ----

    private void headers() throws IOException {
        Path hdrl0 = recording("hdrl-zero.avi", 20, false);
        setInt(hdrl0, 16, 0);
        add("hdrl-zero.avi", true, 20, hdrl0);
        Path hdrl4 = recording("hdrl-tiny.avi", 20, false);
        setInt(hdrl4, 16, 4);
        add("hdrl-tiny.avi", true, 20, hdrl4);
        Path avih = recording("avih-huge.avi", 20, false);
        setInt(avih, 28, 0x7FFF_FFF0);
        add("avih-huge.avi", true, 20, avih);
        Path avihNeg = recording("avih-negative.avi", 20, true);
        setInt(avihNeg, 28, -8);
        add("avih-negative.avi", true, 20, avihNeg);
        Path slow = recording("rate-below-scale.avi", 20, false);
        int strh = find(slow, "strh");
        setInt(slow, strh + 8 + 20, 30); // dwScale
        setInt(slow, strh + 8 + 24, 1); // dwRate
        add("rate-below-scale.avi", true, 20, slow);
        Path rate0 = recording("rate-zero.avi", 20, false);
        setInt(rate0, find(rate0, "strh") + 8 + 24, 0);
        add("rate-zero.avi", true, 20, rate0);
        Path riff = recording("riff-size-huge.avi", 20, false);
        setInt(riff, 4, 0xFFFF_FFFF);
        add("riff-size-huge.avi", true, 20, riff);
        Path movi = recording("movi-size-huge.avi", 20, true);
        setInt(movi, AviHeader.MOVI_LIST_POS + 4, 0xFFFF_FFF0);
        add("movi-size-huge.avi", true, 20, movi);
        Path movi0 = recording("movi-size-zero.avi", 20, false);
        setInt(movi0, AviHeader.MOVI_LIST_POS + 4, 0);
        add("movi-size-zero.avi", true, 20, movi0);

        Path small = dir.resolve("small-riff.avi");
        ByteBuffer b = le(64);
        b.put(ascii("RIFF")).putInt(56).put(ascii("AVI ")).put(ascii("LIST")).putInt(44).put(ascii("hdrl"))
                .put(ascii("avih")).putInt(32);
        Files.write(small, b.array());
        add("small-riff.avi", false, 0, small);
    }

    // ---- not video at all ----

    private void notVideo() throws IOException {
        add("zero-bytes.avi", false, -1, Files.createFile(dir.resolve("zero-bytes.avi")));
        add("text.avi", false, -1, Files.writeString(dir.resolve("text.avi"), "Shopping list: milk, eggs.\n"));
        add("jpeg.avi", false, -1, Files.write(dir.resolve("jpeg.avi"), IMAGE));
        add("riff-wave.avi", false, -1, Files.write(dir.resolve("riff-wave.avi"),
                le(44).put(ascii("RIFF")).putInt(36).put(ascii("WAVEfmt ")).array()));
    }

    // ---- size: sparse 2 GiB files and 96 MB of empty chunks ----

    private void huge() throws IOException {
        Path sparseOurs = recording("sparse-2g-ours.avi", 30, false);
        setLength(sparseOurs, TWO_GIB);
        add("sparse-2g-ours.avi", true, 30, sparseOurs, true);
        Path sparseForeign = dir.resolve("sparse-2g-foreign.avi");
        Files.write(sparseForeign, le(12).put(ascii("RIFF")).putInt(-1).put(ascii("AVI ")).array());
        setLength(sparseForeign, TWO_GIB);
        add("sparse-2g-foreign.avi", false, 0, sparseForeign, true);

        Path empties = recording("empty-chunks-96m-ours.avi", 10, false);
        appendEmptyChunks(empties, 96L << 20);
        add("empty-chunks-96m-ours.avi", true, 10, empties);
        Path emptiesForeign = dir.resolve("empty-chunks-96m-foreign.avi");
        Files.copy(recording("empty-src.avi", 1, false), emptiesForeign);
        Files.delete(dir.resolve("empty-src.avi"));
        unmark(emptiesForeign);
        appendEmptyChunks(emptiesForeign, 96L << 20);
        add("empty-chunks-96m-foreign.avi", false, 1, emptiesForeign);
    }

    // ---- files another program wrote ----

    private void ffmpeg() throws IOException, InterruptedException {
        Path audioFirst = ffmpegAvi("ffmpeg-audio-first.avi", true);
        add("ffmpeg-audio-first.avi", false, 45, audioFirst);
        Path video = ffmpegAvi("ffmpeg-video.avi", false);
        add("ffmpeg-video.avi", false, 45, video);
        Path cut = dir.resolve("ffmpeg-audio-first-cut.avi");
        Files.copy(audioFirst, cut);
        truncate(cut, Files.size(cut) * 6 / 10);
        add("ffmpeg-audio-first-cut.avi", false, -2, cut);
        Path cutVideo = dir.resolve("ffmpeg-video-cut.avi");
        Files.copy(video, cutVideo);
        truncate(cutVideo, Files.size(cutVideo) / 2);
        add("ffmpeg-video-cut.avi", false, -2, cutVideo);
        Path badIdx = dir.resolve("ffmpeg-idx1-all-first.avi");
        Files.copy(video, badIdx);
        rewriteIndex(badIdx, (entry, i) -> entry.putInt(8, 4));
        add("ffmpeg-idx1-all-first.avi", false, -2, badIdx);
        Path bigChunk = dir.resolve("ffmpeg-chunk-huge.avi");
        Files.copy(video, bigChunk);
        setInt(bigChunk, frameChunk(bigChunk, 5) + 4, 0x7FFF_FFF0);
        add("ffmpeg-chunk-huge.avi", false, -2, bigChunk);
        Path sparse = dir.resolve("ffmpeg-sparse-2g.avi");
        Files.copy(video, sparse);
        setLength(sparse, TWO_GIB);
        add("ffmpeg-sparse-2g.avi", false, -2, sparse, true);
    }

    private Path ffmpegAvi(String name, boolean audioFirst) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.require("ffmpeg").toString(), "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=15:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3"));
        cmd.addAll(audioFirst ? List.of("-map", "1:a", "-map", "0:v") : List.of("-map", "0:v"));
        cmd.addAll(List.of("-c:v", "mjpeg", "-q:v", "5", "-c:a", "pcm_s16le", out.toString()));
        int rc = ExternalTools.run(log, 60, cmd.toArray(String[]::new));
        if (rc != 0) {
            throw new IOException("ffmpeg failed: " + Files.readString(log));
        }
        Files.delete(log);
        return out;
    }

    // ---- helpers ----

    private void add(String name, boolean ours, int frames, Path file) {
        add(name, ours, frames, file, false);
    }

    private void add(String name, boolean ours, int frames, Path file, boolean sparse) {
        AviRepair.Outcome expected = switch (name) {
            case "complete.avi", "ffmpeg-audio-first.avi", "ffmpeg-video.avi" -> AviRepair.Outcome.ALREADY_COMPLETE;
            case "header-only.avi", "head-cut.avi" -> AviRepair.Outcome.DELETED_EMPTY;
            case "rate-zero.avi" -> AviRepair.Outcome.UNCHANGED; // ours, but no timebase to write
            default -> ours ? AviRepair.Outcome.REPAIRED : AviRepair.Outcome.UNCHANGED;
        };
        cases.add(new Case(name, file, ours, frames, sparse, expected));
    }

    /** A recording of {@code n} numbered frames at 30 fps on the 120 Hz grid, finished or as a kill leaves it. */
    private Path recording(String name, int n, boolean finish) throws IOException {
        Path file = dir.resolve(name);
        AviWriter w = AviWriter.create(file, 120);
        for (int i = 0; i < n; i++) {
            w.writeFrame(TestJpegs.numbered(IMAGE, i), 4L * i);
        }
        if (finish) {
            w.finish(4L * n);
        } else {
            w.sync(false);
            w.close();
        }
        return file;
    }

    private static Path halfChunk(Path file) throws IOException {
        byte[] frame = TestJpegs.numbered(IMAGE, 999);
        ByteBuffer b = le(8 + frame.length / 2).put(ascii("00dc")).putInt(frame.length);
        b.put(frame, 0, frame.length / 2);
        Files.write(file, b.array(), StandardOpenOption.APPEND);
        return file;
    }

    private static void appendZeros(Path file, int n) throws IOException {
        Files.write(file, new byte[n], StandardOpenOption.APPEND);
    }

    private static void appendEmptyChunks(Path file, long bytes) throws IOException {
        ByteBuffer block = le(1 << 20);
        while (block.hasRemaining()) {
            block.put(ascii("00dc")).putInt(0);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
            for (long done = 0; done < bytes; done += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    ch.write(block);
                }
            }
        }
    }

    interface EntryEdit {
        void edit(ByteBuffer entry, int index);
    }

    /** Rewrites each entry of the file's idx1 (found after the movi list). */
    private static void rewriteIndex(Path file, EntryEdit edit) throws IOException {
        long pos = indexPos(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer head = le(8);
            ch.read(head, pos);
            int size = head.getInt(4);
            ByteBuffer idx = le(size);
            ch.read(idx, pos + 8);
            for (int i = 0; i < size / 16; i++) {
                ByteBuffer entry = idx.slice(i * 16, 16).order(ByteOrder.LITTLE_ENDIAN);
                edit.edit(entry, i);
            }
            idx.clear();
            ch.write(idx, pos + 8);
        }
    }

    /** Position of the idx1 chunk header: right after the movi list. */
    private static long indexPos(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int movi = indexOf(all, "movi", 0) - 8;
        long pos = movi + 8L + Integer.toUnsignedLong(b.getInt(movi + 4));
        if (!"idx1".equals(new String(all, (int) pos, 4, StandardCharsets.US_ASCII))) {
            throw new IOException("no idx1 after movi in " + file);
        }
        return pos;
    }

    /** Position of the chunk header of the {@code n}-th non-empty video chunk (0-based). */
    private static long frameChunk(Path file, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int pos = indexOf(all, "movi", 0) + 4;
        int seen = 0;
        while (pos + 8 <= all.length) {
            String id = new String(all, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.endsWith("dc") && size > 0 && seen++ == n) {
                return pos;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException("no frame " + n + " in " + file);
    }

    /** Makes a file of ours look like another program's: its software name no longer names MJPEG Wall. */
    static void unmark(Path file) throws IOException {
        byte[] head = Files.readAllBytes(file);
        int at = indexOf(Arrays.copyOf(head, Math.min(head.length, 4096)), "MJPEG Wall", 0);
        if (at >= 0) {
            patch(file, at, ascii("Other tool"));
        }
    }

    private static int find(Path file, String fourcc) throws IOException {
        byte[] head = new byte[4096];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.readFully(head, 0, (int) Math.min(head.length, f.length()));
        }
        int at = indexOf(head, fourcc, 0);
        if (at < 0) {
            throw new IOException("no " + fourcc + " in the head of " + file);
        }
        return at;
    }

    private static int indexOf(byte[] hay, String needle, int from) {
        byte[] n = ascii(needle);
        for (int i = from; i + n.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + n.length, n, 0, n.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void setInt(Path file, long pos, int value) throws IOException {
        patch(file, pos, le(4).putInt(value).array());
    }

    private static void patch(Path file, long pos, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(pos);
            f.write(bytes);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static void setLength(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
