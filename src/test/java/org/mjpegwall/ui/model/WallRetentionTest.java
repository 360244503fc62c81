package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.RetentionConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ManualScheduler;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.testing.TestRecordings;
import org.mjpegwall.ui.TestSource;

/**
 * The wall keeps its recordings folder and event log within the retention setting: at start, on its 10-minute timer
 * (fake time, no sleeping), and when the setting changes; never a file being recorded, never a file it did not write;
 * a failure is said once and the timer goes on.
 */
class WallRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-30T14:02:00Z");

    @TempDir
    Path home;

    private final FakeTime time = new FakeTime(NOW);
    private final ManualScheduler scheduler = new ManualScheduler(time);
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<TestSource> sources = new java.util.ArrayList<>();
    private WallController controller;

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close(null);
        }
    }

    private Path videos() {
        return home.resolve("videos");
    }

    private WallController open(RetentionConfig retention, List<CameraConfig> cameras) {
        WallConfig config = WallConfig.empty().withRecordingsFolder(videos().toString()).withRetention(retention)
                .withCameras(cameras);
        WallSession session = new WallSession(ConfigStore.at(home.resolve("config.json")), true, config, List.of(), false,
                c -> {
                    TestSource s = new TestSource(time::nanoTime);
                    sources.add(s);
                    return s;
                }, null);
        controller = new WallController(session, tasks, dialogs, time, scheduler);
        controller.retention().useDiskSpace(disk); // never this machine's disk
        controller.start();
        return controller;
    }

    /** A disk of {@code total} bytes with {@code usable} free, both set by the test. */
    private static final class FakeDisk implements WallRetention.DiskSpace {
        volatile long usable = 500L << 30;
        volatile long total = 1L << 40;

        @Override
        public long usable(Path dir) {
            return usable;
        }

        @Override
        public long total(Path dir) {
            return total;
        }
    }

    private final FakeDisk disk = new FakeDisk();

    /** A finished recording of the wall's, last written {@code age} before now. */
    private Path recording(String name, Duration age) throws IOException {
        Files.createDirectories(videos());
        Path p = TestRecordings.write(videos().resolve(name), TestRecordings.frames(0, 3), 12, 36);
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
        return p;
    }

    private static Path aged(Path p, Duration age) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
        return p;
    }

    private Path eventFile(String name) throws IOException {
        Path dir = Files.createDirectories(videos().resolve("events"));
        return Files.writeString(dir.resolve(name), name.endsWith(".jsonl") ? "{}\n" : "jpeg");
    }

    /** Opens a wall with one camera, Yard, and records it by hand: returns the file being written. */
    private Path openRecordingYard(RetentionConfig retention) throws IOException {
        Set<Path> before = new HashSet<>();
        if (Files.isDirectory(videos())) {
            try (Stream<Path> s = Files.list(videos())) {
                s.forEach(before::add);
            }
        }
        open(retention, List.of(new CameraConfig("cam1", "Yard", "http://127.0.0.1:9/", null, null, true, null)));
        CameraModel yard = controller.model().cameras().get(0);
        sources.get(0).push(TestJpegs.solid(64, 48, Color.RED, 0));
        controller.run(TileAction.RECORD, yard);
        for (int i = 1; i <= 3; i++) {
            time.advanceBy(Duration.ofMillis(100));
            sources.get(0).push(TestJpegs.solid(64, 48, Color.RED, i));
        }
        return Await.value("the file being recorded", () -> {
            try (Stream<Path> s = Files.list(videos())) {
                return s.filter(p -> p.toString().endsWith(".avi") && !before.contains(p)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private void tick(Duration by) {
        time.advanceBy(by);
        scheduler.runDue();
    }

    @Test
    void atStartOldRecordingsAndEventDaysGoAndYoungOnesAndOtherProgramsFilesStay() throws IOException {
        // given: a folder with recordings of 20 and 2 days ago, another program's old AVI and a note, and
        // an event log with a day a month ago and one last week
        Path old = recording("Yard_2026-11-10_10-00-00.avi", Duration.ofDays(20));
        Path young = recording("Yard_2026-11-28_10-00-00.avi", Duration.ofDays(2));
        Path foreign = aged(TestRecordings.foreignCopy(old, videos().resolve("Holiday_2026-11-01_10-00-00.avi")),
                Duration.ofDays(30));
        Path note = aged(Files.writeString(videos().resolve("notes.txt"), "mine"), Duration.ofDays(40));
        Path oldDay = eventFile("2026-11-01.jsonl");
        Path oldFrame = eventFile("2026-11-01_031205-123_cam-7.jpg");
        Path lastWeek = eventFile("2026-11-23.jsonl");
        Path otherInEvents = eventFile("2020-01-01-backup.txt");
        // when the wall starts, set to keep 14 days
        open(new RetentionConfig(14, 0), List.of());
        // then
        assertFalse(Files.exists(old), "a recording of 20 days ago is gone");
        assertTrue(Files.exists(young), "one of 2 days ago stays");
        assertTrue(Files.exists(foreign), "another program's AVI stays");
        assertTrue(Files.exists(note), "a file that is not a recording stays");
        assertFalse(Files.exists(oldDay), "the events of a month ago are gone");
        assertFalse(Files.exists(oldFrame), "with their key frames");
        assertTrue(Files.exists(lastWeek), "last week's events stay");
        assertTrue(Files.exists(otherInEvents), "a file the event log did not write stays");
        assertTrue(dialogs.errors().isEmpty(), dialogs.errors().toString());
    }

    @Test
    void theTimerDeletesWhatGrewOldEveryTenMinutesButNeverTheFileBeingRecorded() throws IOException {
        // given a wall keeping 14 days, recording one camera by hand
        Path live = openRecordingYard(new RetentionConfig(14, 0));
        CameraModel yard = controller.model().cameras().get(0);
        aged(live, Duration.ofDays(30)); // however old its time stamp says it is
        // and a recording that appears old after the start
        Path old = recording("Yard_2026-11-01_10-00-00.avi", Duration.ofDays(29));
        Path oldDay = eventFile("2026-11-02.jsonl");
        // when nine minutes pass
        tick(Duration.ofMinutes(9));
        // then nothing was applied yet
        assertTrue(Files.exists(old));
        // when the tenth minute comes
        tick(Duration.ofMinutes(1));
        // then the old recording and event day are gone, and the file being recorded is not
        assertFalse(Files.exists(old), "deleted on the timer's tick");
        assertFalse(Files.exists(oldDay), "the event log too");
        assertTrue(Files.exists(live), "the file being recorded stays");
        assertTrue(yard.recordingProperty().get());
        // and the timer goes on: another old one goes ten minutes later
        Path older = recording("Yard_2026-10-01_10-00-00.avi", Duration.ofDays(60));
        tick(Duration.ofMinutes(10));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(live));
    }

    @Test
    void aNewSettingIsSavedAndAppliedAtOnce() throws Exception {
        // given a wall keeping 14 days, with a recording of 5 days ago
        Path fiveDays = recording("Yard_2026-11-25_10-00-00.avi", Duration.ofDays(5));
        open(new RetentionConfig(14, 0), List.of());
        assertTrue(Files.exists(fiveDays));
        // when the user sets 3 days
        controller.setRetention(new RetentionConfig(3, 0));
        // then it is gone at once, and the setting is saved for the next start
        assertFalse(Files.exists(fiveDays));
        assertEquals(new RetentionConfig(3, 0), ConfigStore.at(home.resolve("config.json")).load().orElseThrow().retention());
        assertEquals(new RetentionConfig(3, 0), controller.config().retention());
    }

    @Test
    void aQuotaDeletesTheOldestRecordingsFirst() throws IOException {
        // given three recordings of 300 MB each (sparse: the tail past the frames is never read), no age limit
        Path first = recording("Yard_2026-11-27_10-00-00.avi", Duration.ofDays(3));
        Path second = recording("Yard_2026-11-28_10-00-00.avi", Duration.ofDays(2));
        Path third = recording("Yard_2026-11-29_10-00-00.avi", Duration.ofDays(1));
        for (Path p : List.of(first, second, third)) {
            FileTime t = Files.getLastModifiedTime(p);
            try (var f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(300_000_000L);
            }
            Files.setLastModifiedTime(p, t);
        }
        // when the wall starts with a quota of 700 MB
        open(new RetentionConfig(0, 700_000_000L), List.of());
        // then the oldest went, the two newest fit
        assertFalse(Files.exists(first));
        assertTrue(Files.exists(second));
        assertTrue(Files.exists(third));
    }

    @Test
    void anImportedConfigurationKeepsThisWallsRetention() throws Exception {
        // given a wall keeping 14 days, with a recording of 5 days ago, and a configuration exported elsewhere
        // that keeps 1 day
        Path fiveDays = recording("Yard_2026-11-25_10-00-00.avi", Duration.ofDays(5));
        open(new RetentionConfig(14, 0), List.of());
        Path file = home.resolve("export.json");
        ConfigStore.at(home.resolve("config.json")).exportTo(file, WallConfig.empty().withRetention(new RetentionConfig(1, 0))
                .withCameras(List.of(CameraConfig.of("Imported", "http://127.0.0.1:9/a"))));
        // when it is imported
        controller.transfer().importConfig(file);
        tick(Duration.ofMinutes(10));
        // then the cameras came, but what this computer deletes did not change
        assertEquals("Imported", controller.model().cameras().get(0).config().name());
        assertEquals(new RetentionConfig(14, 0), controller.config().retention());
        assertEquals(new RetentionConfig(14, 0), ConfigStore.at(home.resolve("config.json")).load().orElseThrow().retention());
        assertTrue(Files.exists(fiveDays));
    }

    @Test
    void anAlmostFullDiskLetsTheOldestRecordingsGoWithinFiveSecondsEvenWhenEverythingIsKept() throws IOException {
        // given a wall that keeps everything, recording one camera, with two old recordings and another program's AVI,
        // on a 100 GiB disk: its floor is 2 GiB
        Path older = recording("Yard_2026-11-01_10-00-00.avi", Duration.ofDays(29));
        Path old = recording("Yard_2026-11-20_10-00-00.avi", Duration.ofDays(10));
        Path foreign = aged(TestRecordings.foreignCopy(old, videos().resolve("Holiday_2026-11-01_10-00-00.avi")),
                Duration.ofDays(30));
        disk.total = 100L << 30;
        disk.usable = 50L << 30;
        assertEquals(2L << 30, WallRetention.floor(disk.total));
        Path live = openRecordingYard(RetentionConfig.KEEP_ALL);
        CameraModel yard = controller.model().cameras().get(0);
        aged(live, Duration.ofDays(60));
        // when a minute passes with plenty of room, then nothing goes
        tick(Duration.ofMinutes(1));
        assertTrue(Files.exists(older) && Files.exists(old));
        // when the disk falls below its floor, then within five seconds every recording of ours that is not being
        // written goes (twice the floor must be free again, far more than these small files)
        disk.usable = (2L << 30) - 1;
        tick(Duration.ofSeconds(5));
        assertFalse(Files.exists(older), "the oldest went");
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live), "the file being recorded stays");
        assertTrue(Files.exists(foreign), "another program's AVI stays");
        assertTrue(yard.recordingProperty().get(), "and the recording goes on");
    }

    @Test
    void keepEverythingDeletesNothing() throws IOException {
        // given a recording of a year ago and events of a year ago
        Path old = recording("Yard_2025-11-30_10-00-00.avi", Duration.ofDays(365));
        Path oldDay = eventFile("2025-11-30.jsonl");
        // when the wall starts with no limit (a configuration from before the setting)
        open(RetentionConfig.KEEP_ALL, List.of());
        tick(Duration.ofMinutes(10));
        // then
        assertTrue(Files.exists(old));
        assertTrue(Files.exists(oldDay));
    }

    @Test
    void aFolderThatCannotBeListedIsSaidOnceAndTheTimerGoesOn() throws IOException {
        // given a file where the recordings folder should be (a drive mounted elsewhere, a slip of the hand)
        Files.writeString(videos(), "not a folder");
        // when the wall starts, and two ticks pass
        open(new RetentionConfig(14, 0), List.of());
        tick(Duration.ofMinutes(10));
        tick(Duration.ofMinutes(10));
        // then it was said once, in words
        assertEquals(1, dialogs.errors().size(), dialogs.errors().toString());
        assertTrue(dialogs.errors().get(0).startsWith("Old recordings in " + videos() + " cannot be deleted: it is not a folder"),
                dialogs.errors().get(0));
        // when the folder is back with an old recording
        Files.delete(videos());
        Path old = recording("Yard_2026-11-01_10-00-00.avi", Duration.ofDays(29));
        tick(Duration.ofMinutes(10));
        // then the timer kept going and deletes it
        assertFalse(Files.exists(old));
        assertEquals(1, dialogs.errors().size());
    }

    @Test
    void aWallThatKeepsNoTraceDeletesNothing() throws IOException {
        // given a demo session (--demo N: nothing saved) over a folder with an old recording
        Path old = recording("Yard_2026-11-01_10-00-00.avi", Duration.ofDays(29));
        WallConfig config = WallConfig.empty().withRecordingsFolder(videos().toString());
        controller = new WallController(new WallSession(null, false, config, List.of(), false, c -> new TestSource(),
                null), tasks, dialogs, time, scheduler);
        // when it starts and runs a while
        controller.start();
        tick(Duration.ofMinutes(30));
        // then
        assertTrue(Files.exists(old));
    }

    @Test
    void theFolderUsageCountsOurRecordingsAndEventsAndOtherProgramsAviFilesApart() throws IOException {
        // given two recordings, a note, and another program's AVI
        Path a = recording("Yard_2026-11-29_10-00-00.avi", Duration.ofDays(1));
        Path b = recording("Yard_2026-11-29_11-00-00.avi", Duration.ofDays(1));
        Files.writeString(videos().resolve("notes.txt"), "not counted");
        Path foreign = TestRecordings.foreignCopy(a, videos().resolve("Holiday_2026-11-01_10-00-00.avi"));
        Path day = eventFile("2026-11-29.jsonl");
        open(RetentionConfig.KEEP_ALL, List.of());
        // when
        java.util.concurrent.atomic.AtomicReference<WallRetention.Usage> usage = new java.util.concurrent.atomic.AtomicReference<>();
        controller.retention().usage(usage::set);
        // then
        assertEquals(2, usage.get().recordings());
        assertEquals(Files.size(a) + Files.size(b), usage.get().recordingBytes());
        assertEquals(Files.size(day), usage.get().eventBytes());
        assertEquals(1, usage.get().otherFiles());
        assertEquals(Files.size(foreign), usage.get().otherBytes());
    }
}
