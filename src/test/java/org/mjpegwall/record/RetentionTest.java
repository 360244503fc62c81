package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.TestJpegs;

/** Retention of recordings: N days and a quota, oldest first, never a live file, never a file not ours. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final long DAY = 86_400_000L;
    static final byte[] IMAGE = TestJpegs.image(64, 48);

    @TempDir
    Path dir;

    /** A finished recording of ours, last written {@code daysAgo} days before NOW. */
    Path recording(String name, double daysAgo) throws IOException {
        Path p = dir.resolve(name);
        try (AviWriter w = AviWriter.create(p, 30)) {
            for (int i = 0; i < 20; i++) {
                w.writeFrame(TestJpegs.numbered(IMAGE, i), i);
            }
            w.finish(20);
        }
        age(p, daysAgo);
        return p;
    }

    static void age(Path p, double daysAgo) throws IOException {
        Files.setLastModifiedTime(p, FileTime.fromMillis(NOW.toEpochMilli() - Math.round(daysAgo * DAY)));
    }

    /** Checks that retention counted and deleted exactly {@code gone}, and left {@code kept} in place. */
    static void assertDeleted(int deleted, List<Path> gone, Path... kept) {
        assertEquals(gone.size(), deleted, "files deleted");
        for (Path p : gone) {
            assertFalse(Files.exists(p), p + " is deleted");
        }
        for (Path p : kept) {
            assertTrue(Files.exists(p), p + " is kept");
        }
    }

    @Test
    void folderQuotaDeletesTheOldestRecordingsOfAnyCameraFirst() throws Exception {
        // given three recordings of two cameras
        Path yardOld = recording("Yard_2026-11-26_10-00-00.avi", 4);
        Path doorMid = recording("Door_2026-11-27_10-00-00.avi", 3);
        Path yardNew = recording("Yard_2026-11-29_10-00-00.avi", 1);
        long each = Files.size(yardOld);

        // when: room for two
        int deleted = new FolderRetention(null, 2 * each + each / 2).apply(dir, new RecordingRegistry(), NOW);

        // then
        assertDeleted(deleted, List.of(yardOld), doorMid, yardNew);
    }

    @Test
    void anAlmostFullDiskFreesItsBytesFromTheOldestOfOurRecordingsAndNoMore() throws Exception {
        // given another program's old AVI named like ours and three recordings of ours, and no limits set
        Path foreign = recording("Yard_2026-11-01_10-00-00.avi", 29);
        HostileAvis.unmark(foreign);
        age(foreign, 29);
        Path oldest = recording("Yard_2026-11-26_10-00-00.avi", 4);
        Path middle = recording("Door_2026-11-27_10-00-00.avi", 3);
        Path newest = recording("Yard_2026-11-29_10-00-00.avi", 1);
        long each = Files.size(oldest);

        // when a little more than one recording's bytes must be freed
        int deleted = new FolderRetention(null, 0).apply(dir, new RecordingRegistry(), NOW, each + 1);

        // then the two oldest of ours go, the rest stays, and the other program's file is untouched
        assertDeleted(deleted, List.of(oldest, middle), newest, foreign);
        // and with nothing to free and no limits, nothing goes
        assertEquals(0, new FolderRetention(null, 0).apply(dir, new RecordingRegistry(), NOW, 0));
        assertTrue(Files.exists(newest));
    }

    @Test
    void folderAgeLimitDeletesWhatIsOlderThanNDays() throws Exception {
        // given
        Path a = recording("Yard_2026-11-26_10-00-00.avi", 4);
        Path b = recording("Door_2026-11-27_10-00-00.avi", 2.5);
        Path c = recording("Yard_2026-11-29_10-00-00.avi", 1);

        // when: keep 2 days
        int deleted = FolderRetention.of(2, 0).apply(dir, new RecordingRegistry(), NOW);

        // then
        assertDeleted(deleted, List.of(a, b), c);
    }

    @Test
    void neverDeletesAFileTheProgramDidNotWrite() throws Exception {
        // given: the oldest files are another program's AVI, a text file and an empty file, all named like ours
        Path foreignAvi = recording("Yard_2026-11-01_10-00-00.avi", 29);
        HostileAvis.unmark(foreignAvi);
        age(foreignAvi, 29);
        Path text = Files.writeString(dir.resolve("Yard_2026-11-02_10-00-00.avi"), "not a video ".repeat(10_000));
        age(text, 28);
        Path empty = Files.createFile(dir.resolve("Yard_2026-11-03_10-00-00.avi"));
        age(empty, 27);
        byte[] foreignBytes = Files.readAllBytes(foreignAvi);
        Path ours = recording("Yard_2026-11-29_10-00-00.avi", 1);

        // when: a tiny quota and a one-day limit, per folder and per camera
        int deleted = new FolderRetention(Duration.ofHours(36), Files.size(ours)).apply(dir, new RecordingRegistry(),
                NOW);
        RecordingRegistry registry = new RecordingRegistry();
        RecordingOptions options = RecordingOptions.forCamera(dir, "Yard").withRetention(1, Duration.ofHours(1))
                .withClocks(Clock.fixed(NOW, ZoneOffset.UTC), () -> 0);
        Recorder rec = Recorder.start(options, registry);
        rec.awaitRepair();
        rec.stop();

        // then: they are neither deleted nor counted (ours fits the folder quota alone); ours goes by the camera's age
        assertEquals(0, deleted);
        assertTrue(Files.exists(foreignAvi));
        assertTrue(Files.exists(text));
        assertTrue(Files.exists(empty));
        assertTrue(java.util.Arrays.equals(foreignBytes, Files.readAllBytes(foreignAvi)));
        assertFalse(Files.exists(ours));
    }

    @Test
    void theFolderListsEveryAviDirectlyInItWithItsSizeAndNothingElse() throws Exception {
        // given a recording of ours, another program's AVI with an upper-case suffix, a text file, a folder named
        // like a recording and a recording of ours inside the event log's folder
        Path ours = recording("Yard_2026-11-29_10-00-00.avi", 1);
        Path foreign = Files.writeString(dir.resolve("holiday.AVI"), "another program's video");
        Files.writeString(dir.resolve("notes.txt"), "not a recording");
        Files.createDirectory(dir.resolve("Door_2026-11-29_10-00-00.avi"));
        Files.copy(ours, Files.createDirectory(dir.resolve("events")).resolve("Yard_2026-11-28_10-00-00.avi"));

        // when
        List<FolderRetention.AviFile> listed = FolderRetention.aviFiles(dir).stream()
                .sorted(java.util.Comparator.comparing(FolderRetention.AviFile::path)).toList();

        // then the two AVI files directly in it are listed with their sizes (which are ours is checked only when
        // deleting), and a folder that is gone cannot be listed
        assertEquals(List.of(new FolderRetention.AviFile(ours, Files.size(ours)),
                new FolderRetention.AviFile(foreign, Files.size(foreign))), listed);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> FolderRetention.aviFiles(dir.resolve("gone")));
    }

    @Test
    void neverDeletesAFileBeingWritten() throws Exception {
        // given: a recording running, its file the oldest
        RecordingRegistry registry = new RecordingRegistry();
        Recorder live = Recorder.start(RecordingOptions.toFile(dir.resolve("live.avi")).withClocks(
                Clock.fixed(NOW, ZoneOffset.UTC), () -> 0), registry);
        live.accept(new Frame(TestJpegs.numbered(IMAGE, 0), 0, 0, 0));
        org.mjpegwall.testing.Await.until("the first frame written", () -> live.status().framesWritten() == 1);
        age(dir.resolve("live.avi"), 10);
        Path other = recording("Door_2026-11-29_10-00-00.avi", 1);

        // when: quota 1 byte, 1 day
        int deleted = FolderRetention.of(1, 1).apply(dir, registry, NOW);

        // then: the live file stays; the finished one goes
        assertEquals(1, deleted);
        assertTrue(Files.exists(dir.resolve("live.avi")));
        assertFalse(Files.exists(other));
        live.stop();
    }

    @Test
    void onMotionClipsAreKeptUnderTheCameraQuotaOldestFirst() throws Exception {
        // given: a camera quota of about two clips
        RecordingRegistry registry = new RecordingRegistry();
        long t0 = 1_000_000_000_000L;
        long frame = 100_000_000L;
        byte[] jpeg = TestJpegs.numbered(IMAGE, 0);
        long clipBytes = 30L * (jpeg.length + 24) + 20_000;
        TriggeredRecorder rec = TriggeredRecorder.start(RecordingOptions.forCamera(dir, "Yard")
                .withQueueCapacity(100_000).withRetention(2 * clipBytes, null)
                .withClocks(Clock.fixed(NOW, ZoneOffset.UTC), () -> t0),
                OnMotionOptions.DEFAULTS.withPreRoll(Duration.ofSeconds(1)).withPostRoll(Duration.ofSeconds(1)),
                registry, null);

        // when: four events a minute apart, each a clip of about 3 s
        for (int k = 0; k < 2400; k++) {
            long t = t0 + k * frame;
            rec.frame(new Frame(TestJpegs.numbered(IMAGE, k), k, NOW.toEpochMilli() - 300_000 + k * 100, t));
            if (k % 600 == 300) {
                rec.motionStarted(t);
            }
            if (k % 2 == 0) {
                rec.analysed(t, k % 600 >= 300 && k % 600 <= 310);
            }
        }
        rec.close();

        // then: four clips were written, the oldest two deleted
        assertEquals(4, rec.clips());
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertEquals(4, rec.status().files().size());
        assertEquals(rec.status().files().subList(2, 4).stream().sorted().toList(), files);
    }
}
