package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ManualScheduler;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;

/**
 * The order of the wall's stop: on the UI thread the recordings stop and the last save is queued first; the
 * cameras close and the session ends last, behind the save and the event log; then no more work is taken.
 */
class WallShutdownTest {
    @TempDir
    Path home;

    private final FakeTime time = new FakeTime(java.time.Instant.parse("2026-11-30T14:02:00Z"));
    private final List<TestSource> opened = new ArrayList<>();
    private final AtomicBoolean sessionEnded = new AtomicBoolean();

    /** Background work waits in a queue until the test runs it, one task at a time; UI work runs at once. */
    private static final class QueuedTasks implements TaskExecutor {
        final Deque<Runnable> queue = new ArrayDeque<>();
        boolean shutdown;
        /** Set when the UI toolkit has ended: what is posted to it then never runs. */
        boolean uiGone;

        @Override
        public void runInBackground(Runnable task) {
            if (!shutdown) { // dropped after shutdown, as TaskExecutor promises
                queue.add(task);
            }
        }

        @Override
        public void runOnUiThread(Runnable task) {
            if (!uiGone) {
                task.run();
            }
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown && queue.isEmpty();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private CameraStream connect(CameraConfig c) {
        TestSource s = new TestSource(time::nanoTime);
        opened.add(s);
        return s;
    }

    private List<Path> recordings(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".avi")).toList();
        }
    }

    @Test
    void savesFirstThenFinishesTheFilesClosesTheCamerasEndsTheSessionAndTakesNoMoreWork() throws Exception {
        // given a wall whose first camera records all the time, with frames written
        Path videos = home.resolve("videos");
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        CameraConfig door = CameraConfig.of("Door", "http://127.0.0.1:9/door").withRecordMode(RecordingMode.CONTINUOUS);
        WallConfig config = WallConfig.empty().withCamera(door).withCamera(CameraConfig.of("Yard", "http://127.0.0.1:9/y"))
                .withRecordingsFolder(videos.toString());
        QueuedTasks tasks = new QueuedTasks();
        WallController wall = new WallController(new WallSession(store, true, config, List.of(), false, this::connect,
                () -> sessionEnded.set(true)), tasks, new FakeDialogService(), time, new ManualScheduler(time));
        wall.start();
        tasks.runAll(); // the recorder starts
        for (int i = 0; i < 6; i++) {
            time.advanceBy(java.time.Duration.ofMillis(100));
            opened.get(0).push(TestJpegs.solid(64, 48, Color.BLUE, i));
        }
        WindowGeometry window = new WindowGeometry(10, 20, 900, 600, false);

        // when the wall closes
        wall.close(window);

        // then nothing more is taken, and nothing has closed the cameras or ended the session yet
        assertTrue(tasks.shutdown);
        assertFalse(tasks.queue.isEmpty());
        assertTrue(opened.stream().noneMatch(TestSource::isClosed));
        assertFalse(sessionEnded.get());
        // when the first queued task runs, it is the save, with the window's last place
        tasks.queue.poll().run();
        assertEquals(window, store.load().orElseThrow().window());
        assertTrue(opened.stream().noneMatch(TestSource::isClosed));
        // when the rest runs
        Runnable last = tasks.queue.pollLast();
        tasks.runAll();
        assertTrue(opened.stream().noneMatch(TestSource::isClosed), "the cameras close last");
        last.run();
        // then the recording's file is finished with every frame, the cameras are closed and the session ended
        List<Path> files = recordings(videos);
        assertEquals(1, files.size());
        try (AviReader r = AviReader.open(files.get(0))) {
            assertTrue(r.info().indexed(), "the file has its index");
            assertEquals(6, r.frameCount());
        }
        assertTrue(opened.stream().allMatch(TestSource::isClosed));
        assertTrue(sessionEnded.get());
        assertTrue(wall.awaitClosed(0, TimeUnit.SECONDS));
    }

    @Test
    void aRecordingStillStartingWhenTheWallClosesIsStoppedEvenIfItsStartIsNeverToldToTheUiThread() throws Exception {
        // given a camera set to record whose recorder is still starting on the background thread
        Path videos = home.resolve("videos");
        CameraConfig door = CameraConfig.of("Door", "http://127.0.0.1:9/door").withRecordMode(RecordingMode.CONTINUOUS);
        QueuedTasks tasks = new QueuedTasks();
        WallController wall = new WallController(new WallSession(null, false,
                WallConfig.empty().withCamera(door).withRecordingsFolder(videos.toString()), List.of(), false,
                this::connect, null), tasks, new FakeDialogService(), time, new ManualScheduler(time));
        wall.start();
        // when the wall closes before the recorder started, the UI toolkit ends, and then everything queued runs
        wall.close(null);
        tasks.uiGone = true; // so the recorder's start is never told back to the UI thread
        tasks.runAll();
        // then the recorder that started meanwhile was stopped by the wall's stop, not left running
        Await.until("the late recorder's writer ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("record-Door") && t.isAlive()));
        assertTrue(opened.stream().allMatch(TestSource::isClosed));
    }
}
