package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.TestJpegs;

class RecorderTest {
    /** The program's recordings, as the wall or a command holds them. */
    final RecordingRegistry registry = new RecordingRegistry();

    static final byte[] IMAGE = TestJpegs.image(64, 48);
    static final Clock WALL = Clock.fixed(Instant.parse("2026-11-24T12:30:00Z"), ZoneOffset.UTC);
    static final long T0 = 5_000_000_000L;

    @TempDir
    Path dir;

    final AtomicLong nanos = new AtomicLong(T0);

    /** Frames at the given rates, one phase after another: {seconds, fps, seconds, fps, ...}. */
    static List<Frame> variableRate(double... phases) {
        List<Frame> frames = new ArrayList<>();
        long t = T0;
        long seq = 0;
        for (int p = 0; p < phases.length; p += 2) {
            long interval = Math.round(1e9 / phases[p + 1]);
            long end = t + Math.round(phases[p] * 1e9);
            for (; t < end; t += interval) {
                frames.add(new Frame(TestJpegs.numbered(IMAGE, seq), seq, t / 1_000_000, t));
                seq++;
            }
        }
        return frames;
    }

    RecordingOptions options() {
        return RecordingOptions.forCamera(dir, "Front door").withQueueCapacity(100_000).withClocks(WALL, nanos::get);
    }

    List<byte[]> readAll(List<Path> files) throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (Path f : files) {
            try (AviReader r = AviReader.open(f)) {
                assertTrue(r.info().indexed(), f + " is finished");
                all.addAll(r.readFrames());
            }
        }
        return all;
    }

    static void assertSameFrames(List<Frame> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).jpeg(), actual.get(i), "frame " + i);
        }
    }

    @Test
    void recordsEveryFrameUnchangedAndTimesVariableRateWithin2Percent() throws IOException {
        // given 10 s at 5 fps then 10 s at 30 fps, with synthetic arrival times
        List<Frame> frames = variableRate(10, 5, 10, 30);
        Recorder rec = Recorder.start(options(), registry);

        // when
        frames.forEach(rec::accept);
        rec.stop();

        // then
        RecordingStatus s = rec.status();
        assertEquals(RecordingStatus.State.STOPPED, s.state());
        assertEquals(frames.size(), s.framesWritten());
        assertEquals(0, s.framesDropped());
        assertEquals(List.of(dir.resolve("Front_door_2026-11-24_12-30-00.avi")), s.files());
        assertEquals(Files.size(s.files().get(0)), s.bytesWritten());
        assertSameFrames(frames, readAll(s.files()));
        try (AviReader r = AviReader.open(s.files().get(0))) {
            double seconds = r.duration().toNanos() / 1e9;
            assertEquals(20.0, seconds, 20.0 * 0.02);
            // the slow part plays slowly and the fast part fast: frame 49 (5 fps) ends at 10 s
            List<AviReader.Chunk> chunks = r.chunks();
            int nonEmpty = 0;
            for (AviReader.Chunk c : chunks) {
                if (c.size() > 0 && nonEmpty++ == 50) {
                    assertEquals(10.0, c.tick() / (double) r.info().rate(), 0.01);
                }
            }
        }
    }

    @Test
    void splitsIntoSegmentsWithoutLosingOrDuplicatingFrames() throws IOException {
        // given 3.5 s at 30 fps with 1 s segments
        List<Frame> frames = variableRate(3.5, 30);
        Recorder rec = Recorder.start(options().withSegmentLength(Duration.ofSeconds(1)), registry);

        // when
        frames.forEach(rec::accept);
        rec.stop();

        // then four files, named continuously, that together hold every frame once
        List<Path> files = rec.status().files();
        String base = "Front_door_2026-11-24_12-30-00";
        assertEquals(List.of(dir.resolve(base + ".avi"), dir.resolve(base + "-002.avi"),
                dir.resolve(base + "-003.avi"), dir.resolve(base + "-004.avi")), files);
        assertSameFrames(frames, readAll(files));
        int first = 0;
        for (Path f : files.subList(0, 3)) {
            try (AviReader r = AviReader.open(f)) {
                int next = first + r.frameCount();
                double expected = (frames.get(next).arrivalNanos() - frames.get(first).arrivalNanos()) / 1e9;
                assertEquals(expected, r.duration().toNanos() / 1e9, 0.5 / 120,
                        f + " lasts until the next segment starts, so no time is lost between segments");
                assertEquals(1.0, expected, 0.034, "a segment is about the segment length");
                first = next;
            }
        }
    }

    @Test
    void exactFileNamesFirstSegmentAndNumbersTheRest() throws IOException {
        // given
        Path out = dir.resolve("clip.avi");
        List<Frame> frames = variableRate(2.5, 10);
        Recorder rec = Recorder.start(RecordingOptions.toFile(out).withSegmentLength(Duration.ofSeconds(1))
                .withQueueCapacity(1000).withClocks(WALL, nanos::get), registry);

        // when
        frames.forEach(rec::accept);
        rec.stop();

        // then
        assertEquals(List.of(out, dir.resolve("clip-002.avi"), dir.resolve("clip-003.avi")), rec.status().files());
        assertSameFrames(frames, readAll(rec.status().files()));
    }

    @Test
    void startsNewSegmentBeforeTheSizeLimit() throws IOException {
        // given a 200 kB limit
        List<Frame> frames = variableRate(10, 30);
        Recorder rec = Recorder.start(options().withMaxSegmentBytes(100_000), registry);

        // when
        frames.forEach(rec::accept);
        rec.stop();

        // then
        List<Path> files = rec.status().files();
        assertTrue(files.size() > 2, "several segments: " + files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) <= 100_000, f + " is " + Files.size(f) + " bytes");
        }
        assertSameFrames(frames, readAll(files));
    }

    @Test
    void startsNewSegmentWhenFrameSizeChanges() throws IOException {
        // given
        byte[] big = TestJpegs.image(128, 96);
        Recorder rec = Recorder.start(options(), registry);

        // when
        rec.accept(new Frame(TestJpegs.numbered(IMAGE, 0), 0, 0, T0));
        rec.accept(new Frame(TestJpegs.numbered(big, 1), 1, 0, T0 + 100_000_000));
        rec.stop();

        // then
        List<Path> files = rec.status().files();
        assertEquals(2, files.size());
        try (AviReader a = AviReader.open(files.get(0)); AviReader b = AviReader.open(files.get(1))) {
            assertEquals(64, a.info().width());
            assertEquals(128, b.info().width());
        }
    }

    @Test
    void refusesMissingFolderWithClearMessage() {
        IOException e = assertThrows(IOException.class,
                () -> Recorder.start(RecordingOptions.forCamera(dir.resolve("nope"), "cam"), registry));
        assertTrue(e.getMessage().startsWith("recordings folder does not exist: "), e.getMessage());
    }

    @Test
    void refusesFolderThatIsNotWritableWithClearMessage() throws IOException {
        // given a "folder" path below a regular file: nothing can be created there, even as root
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        IOException e = assertThrows(IOException.class,
                () -> Recorder.start(RecordingOptions.forCamera(file, "cam"), registry));
        assertTrue(e.getMessage().startsWith("recordings folder does not exist: "), e.getMessage());

        // given a read-only folder (skipped when running as root, who may write anyway)
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            if (!Files.isWritable(ro)) {
                IOException e2 = assertThrows(IOException.class,
                        () -> Recorder.start(RecordingOptions.forCamera(ro, "cam"), registry));
                assertTrue(e2.getMessage().startsWith("recordings folder is not writable: "), e2.getMessage());
            }
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void refusesToOverwriteAnExactFileOrItsSegments() throws IOException {
        Files.writeString(dir.resolve("clip-002.avi"), "old");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> Recorder.start(RecordingOptions.toFile(dir.resolve("clip.avi")), registry));
        assertTrue(e.getMessage().contains("clip-002.avi"), e.getMessage());
        assertEquals("old", Files.readString(dir.resolve("clip-002.avi")));
    }

    @Test
    void aRecordingHoldsItsNameAndLiveFileInTheRegistryUntilItEnds() throws Exception {
        // given a recording with frames on disk
        Recorder rec = Recorder.start(options(), registry);
        variableRate(1, 10).forEach(rec::accept);
        for (int i = 0; i < 200 && rec.status().framesWritten() < 10; i++) {
            Thread.sleep(10);
        }
        Path live = rec.status().currentFile();
        assertTrue(registry.isBeingWritten(live), "the live file is known to the program's other recorders");
        assertFalse(new RecordingRegistry().isBeingWritten(live), "and only to that program's registry");

        // when
        rec.stop();

        // then nothing stays reserved
        assertFalse(registry.isBeingWritten(live));
        assertTrue(registry.isEmpty());
    }

    @Test
    void stopWithoutFramesLeavesNoFileAndIsIdempotent() throws IOException {
        // given
        List<RecordingStatus> events = new CopyOnWriteArrayList<>();
        Recorder rec = Recorder.start(options(), registry, events::add);

        // when
        rec.stop();
        rec.stop();
        rec.close();

        // then
        assertEquals(RecordingStatus.State.STOPPED, rec.status().state());
        assertNull(rec.status().currentFile());
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(0, list.count());
        }
        assertEquals(1, events.size());
        assertEquals(RecordingStatus.State.STOPPED, events.get(0).state());
    }

    @Test
    void ignoresFramesAfterStop() throws IOException {
        Recorder rec = Recorder.start(options(), registry);
        rec.accept(new Frame(TestJpegs.numbered(IMAGE, 0), 0, 0, T0));
        rec.stop();
        rec.accept(new Frame(TestJpegs.numbered(IMAGE, 1), 1, 0, T0 + 1));
        assertEquals(1, rec.status().framesWritten());
        assertEquals(0, rec.status().framesDropped());
    }

    @Test
    void elapsedFollowsTheMonotonicClock() throws IOException {
        Recorder rec = Recorder.start(options(), registry);
        nanos.addAndGet(Duration.ofSeconds(75).toNanos());
        assertEquals(Duration.ofSeconds(75), rec.status().elapsed());
        assertEquals(WALL.instant(), rec.status().startedAt());
        rec.stop();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(Duration.ofSeconds(75), rec.status().elapsed(), "elapsed stops with the recording");
    }

    @Test
    void retentionDeletesOldestSegmentsOfThisCameraOnly() throws IOException, InterruptedException {
        // given three old segments of this camera and one of another camera
        Path old1 = Files.write(dir.resolve("Front_door_2026-11-20_10-00-00.avi"), new byte[300_000]);
        Path old2 = Files.write(dir.resolve("Front_door_2026-11-21_10-00-00.avi"), new byte[300_000]);
        Path old3 = Files.write(dir.resolve("Front_door_2026-11-22_10-00-00-002.avi"), new byte[300_000]);
        Path other = Files.write(dir.resolve("Front_door_2_2026-11-20_10-00-00.avi"), new byte[300_000]);
        long day = 86_400_000L;
        Files.setLastModifiedTime(old1, FileTime.fromMillis(WALL.millis() - 4 * day));
        Files.setLastModifiedTime(old2, FileTime.fromMillis(WALL.millis() - 3 * day));
        Files.setLastModifiedTime(old3, FileTime.fromMillis(WALL.millis() - 2 * day));
        Files.setLastModifiedTime(other, FileTime.fromMillis(WALL.millis() - 4 * day));
        for (Path p : List.of(old1, old2, old3)) {
            // well-formed finished recordings, so the start-up repair leaves them alone
            Files.delete(p);
            try (AviWriter w = AviWriter.create(p, 30)) {
                for (int i = 0; i < 40; i++) {
                    w.writeFrame(TestJpegs.numbered(big(), i), i);
                }
                w.finish(40);
            }
        }
        Files.setLastModifiedTime(old1, FileTime.fromMillis(WALL.millis() - 4 * day));
        Files.setLastModifiedTime(old2, FileTime.fromMillis(WALL.millis() - 3 * day));
        Files.setLastModifiedTime(old3, FileTime.fromMillis(WALL.millis() - 2 * day));
        long each = Files.size(old1);

        // when recording with at most 1.5 files' worth, and nothing older than 3.5 days
        Recorder rec = Recorder.start(options().withRetention(each * 3 / 2, Duration.ofHours(84)), registry);
        variableRate(1, 5).forEach(rec::accept);
        rec.stop();

        // then the oldest went (by age), then the next oldest (by size); the newest and the other camera stay
        assertFalse(Files.exists(old1));
        assertFalse(Files.exists(old2));
        assertTrue(Files.exists(old3));
        assertTrue(Files.exists(other));
        assertTrue(Files.exists(rec.status().files().get(0)));
    }

    @Test
    void twoCamerasWithTheSameNameKeepApartAndNeverRepairEachOther() throws Exception {
        // given camera A recording (its file has no index yet)
        List<Frame> frames = variableRate(2, 10);
        Recorder a = Recorder.start(options(), registry);
        frames.subList(0, 10).forEach(a::accept);
        for (int i = 0; i < 200 && a.status().framesWritten() < 10; i++) {
            Thread.sleep(10);
        }
        assertEquals(10, a.status().framesWritten());

        // when camera B with the same name starts in the same second, and its start-up repair has run
        Recorder b = Recorder.start(options(), registry);
        b.awaitRepair();
        assertFalse(AviRepair.isComplete(a.status().currentFile()), "B's start-up repair left A's live file alone");
        frames.subList(10, 20).forEach(a::accept);
        frames.forEach(b::accept);
        a.stop();
        b.stop();

        // then both files are whole and separate
        assertEquals(List.of(dir.resolve("Front_door_2026-11-24_12-30-00.avi")), a.status().files());
        assertEquals(List.of(dir.resolve("Front_door_2026-11-24_12-30-00_2.avi")), b.status().files());
        assertSameFrames(frames, readAll(a.status().files()));
        assertSameFrames(frames, readAll(b.status().files()));
    }

    @Test
    void startRepairsThisCamerasUnfinishedFileFromAnEarlierCrash() throws Exception {
        // given a file of this camera left without index, as after a kill
        Path crashed = dir.resolve("Front_door_2026-11-23_08-00-00.avi");
        AviWriter w = AviWriter.create(crashed, 120);
        for (int i = 0; i < 5; i++) {
            w.writeFrame(TestJpegs.numbered(IMAGE, i), 4L * i);
        }
        w.sync(false);
        w.close();
        assertFalse(AviRepair.isComplete(crashed));

        // when
        Recorder rec = Recorder.start(options(), registry);
        rec.awaitRepair();
        rec.stop();

        // then
        assertTrue(AviRepair.isComplete(crashed));
        try (AviReader r = AviReader.open(crashed)) {
            assertEquals(5, r.frameCount());
        }
    }

    @Test
    void startLeavesFilesItDidNotWriteAsTheyAreEvenUnderItsOwnNames() throws Exception {
        // given, under this camera's file names, an unfinished recording of another program, a zero-byte
        // file and a text file
        Path foreign = dir.resolve("Front_door_2026-11-23_08-00-00.avi");
        AviWriter w = AviWriter.create(foreign, 120);
        for (int i = 0; i < 5; i++) {
            w.writeFrame(TestJpegs.numbered(IMAGE, i), 4L * i);
        }
        w.sync(false);
        w.close();
        byte[] bytes = Files.readAllBytes(foreign);
        int at = new String(bytes, 0, 4096, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(AviHeader.SOFTWARE);
        bytes[at] = 'X';
        Files.write(foreign, bytes);
        Files.write(foreign, new byte[] {'0', '0', 'd', 'c', 9, 9, 9}, java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(foreign);
        Path zero = Files.createFile(dir.resolve("Front_door_2026-11-23_09-00-00.avi"));
        Path text = Files.writeString(dir.resolve("Front_door_2026-11-23_10-00-00.avi"), "notes");

        // when
        Recorder rec = Recorder.start(options(), registry);
        rec.awaitRepair();
        rec.stop();

        // then
        assertArrayEquals(before, Files.readAllBytes(foreign));
        assertTrue(Files.exists(zero));
        assertEquals("notes", Files.readString(text));
    }

    private static byte[] bigImage;

    private static synchronized byte[] big() {
        if (bigImage == null) {
            bigImage = TestJpegs.image(320, 240);
        }
        return bigImage;
    }
}
