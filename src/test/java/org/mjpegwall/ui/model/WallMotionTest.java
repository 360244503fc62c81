package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.TestCameras.cameras;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.motion.EventLogReader;
import org.mjpegwall.motion.LoggedEvent;
import org.mjpegwall.motion.MotionAnalyser;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.Scene;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ManualScheduler;
import org.mjpegwall.ui.TestSource;

/**
 * Motion detection hosted by the wall's controller, without a toolkit: analysers per enabled camera on
 * the cameras' streams, fed synthetic scenes (a textured room with sensor noise, and an object crossing
 * it) frame by frame on fake time. The controller knows nothing of pages, tiles or a minimised window,
 * and these tests show that a camera nobody sees is watched all the same.
 */
class WallMotionTest {
    private static final double FPS = 15;

    @TempDir
    Path home;

    private final Map<String, TestSource> sources = new LinkedHashMap<>();
    private final FakeTime time = new FakeTime(java.time.Instant.parse("2026-11-30T14:02:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(time);
    private final FakeDialogService dialogs = new FakeDialogService();
    private TaskExecutor tasks = new CurrentThreadTaskExecutor();
    private WallController controller;
    private double seconds;

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close(null);
        }
    }

    private WallController open(WallConfig config, boolean persist) {
        WallSession session = new WallSession(persist ? ConfigStore.at(home.resolve("config.json")) : null, persist,
                config.withRecordingsFolder(home.resolve("videos").toString()), List.of(), false, this::connect, null);
        controller = new WallController(session, tasks, dialogs, time, scheduler);
        controller.start();
        return controller;
    }

    private CameraStream connect(CameraConfig c) {
        TestSource s = new TestSource(time::nanoTime);
        sources.put(c.id(), s);
        return s;
    }

    private CameraModel camera(String id) {
        return controller.model().cameras().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** A room with sensor noise; with {@code moving}, a dark object crosses it from 2 s to 6 s. */
    private static Scene scene(long seed, boolean moving) {
        Scene s = new Scene(320, 240, seed);
        if (moving) {
            s.add(new Scene.Mover(2.0, 6.0, 48, 48, new Color(30, 30, 35), -48, 100, 90, 0));
        }
        return s;
    }

    /** Plays the scenes on their cameras at 15 fps until {@code until} seconds, running the analyses that fall due. */
    private void play(Map<String, Scene> scenes, double until) {
        while (seconds < until) {
            seconds += 1 / FPS;
            time.advanceBy(Duration.ofNanos(Math.round(1e9 / FPS)));
            scenes.forEach((id, scene) -> sources.get(id).push(scene.jpeg(seconds)));
            scheduler.runDue();
        }
    }

    @Test
    void everyEnabledCameraWithMotionOnIsWatchedAndNoOther() {
        // given camera 2 disabled and camera 3 with motion detection off
        List<CameraConfig> list = new ArrayList<>(cameras(3));
        list.set(1, list.get(1).withEnabled(false));
        list.set(2, list.get(2).withMotion(list.get(2).motion().withEnabled(false)));
        // when
        open(WallConfig.empty().withCameras(list), false);
        // then camera 1's analyser takes its stream's frames; the others have none
        MotionWatch motion = controller.motion();
        assertNotNull(motion.analyser(camera("cam1")));
        assertEquals(1, sources.get("cam1").subscribers());
        assertNull(motion.analyser(camera("cam2")));
        assertNull(motion.analyser(camera("cam3")));
        assertEquals(0, sources.get("cam3").subscribers());
    }

    @Test
    void aCameraOnAnotherPageIsWatchedAndItsEventIsListedAndHighlighted() {
        // given five cameras, four per page, the first page shown and camera 1 focused
        open(WallConfig.empty().withCameras(cameras(5)).withTilesPerPage(4), false);
        controller.model().showPage(0);
        controller.model().focus(camera("cam1"));
        CameraModel fifth = camera("cam5");
        assertFalse(controller.model().pageCameras().contains(fifth));
        // when an object crosses camera 5's picture while camera 1 stays still
        Map<String, Scene> scenes = new LinkedHashMap<>();
        scenes.put("cam1", scene(1, false));
        scenes.put("cam5", scene(5, true));
        play(scenes, 2.6);
        // then camera 5 has an open event, highlighted, with the moving area marked, within 0.6 s of the motion
        assertTrue(fifth.motionProperty().get(), "camera 5 shows motion");
        assertFalse(fifth.motionBoxesProperty().get().isEmpty());
        assertFalse(camera("cam1").motionProperty().get());
        List<MotionEvent> events = controller.motion().events();
        assertEquals(1, events.size());
        assertEquals("cam5", events.get(0).camera());
        assertEquals("Cam 5", events.get(0).name());
        assertTrue(events.get(0).open());
        // and when the object has gone and the event gap (5 s) passed, the event ends in the list, the highlight goes
        play(scenes, 12.5);
        assertFalse(fifth.motionProperty().get());
        assertTrue(fifth.motionBoxesProperty().get().isEmpty());
        assertEquals(1, controller.motion().events().size());
        assertFalse(controller.motion().events().get(0).open());
        assertSame(camera("cam1"), controller.model().focusedProperty().get(), "no spotlight unless asked for");
    }

    @Test
    void analysisResultsReachTheUiThreadCoalescedOneRunnableAtATime() {
        // given a UI thread that is busy: its tasks wait in a queue
        QueuedUi ui = new QueuedUi();
        tasks = ui;
        open(WallConfig.empty().withCameras(cameras(2)), false);
        Map<String, Scene> scenes = new LinkedHashMap<>();
        scenes.put("cam1", scene(1, true));
        scenes.put("cam2", scene(2, false));
        // when 3 s of frames are analysed (about 15 analyses per camera) before the UI thread runs
        play(scenes, 3.0);
        long analysed = controller.motion().analyser(camera("cam1")).stats().analysed();
        // then one runnable per camera waits for the analyses, plus one for the event that started
        assertTrue(analysed >= 10, "analysed " + analysed);
        assertEquals(3, ui.queued.size(), "one per camera and one event, not one per analysis");
        // and running them shows the newest result: camera 1 moving, camera 2 not
        ui.runAll();
        assertTrue(camera("cam1").motionProperty().get());
        assertFalse(camera("cam1").motionBoxesProperty().get().isEmpty());
        assertFalse(camera("cam2").motionProperty().get());
        assertEquals(1, controller.motion().events().size());
        // and after that, the next analyses post one runnable per camera again
        play(scenes, 3.6);
        assertEquals(2, ui.queued.size());
    }

    @Test
    void editingMotionSettingsKeepsTheStreamAndTurningMotionOffStopsTheAnalyser() {
        // given
        open(WallConfig.empty().withCameras(cameras(1)), true);
        CameraModel cam = camera("cam1");
        TestSource stream = sources.get("cam1");
        MotionAnalyser analyser = controller.motion().analyser(cam);
        // when the sensitivity is changed
        CameraConfig edited = cam.config().withMotion(cam.config().motion().withSensitivity(90));
        controller.applyCameras(List.of(edited));
        // then the same camera and stream go on, and the analyser has the new setting
        assertSame(cam, camera("cam1"));
        assertFalse(stream.isClosed());
        assertSame(analyser, controller.motion().analyser(cam));
        assertEquals(90, analyser.settings().sensitivity());
        assertEquals(90, controller.config().cameras().get(0).motion().sensitivity(), "saved");
        // when motion detection is switched off
        controller.applyCameras(List.of(edited.withMotion(edited.motion().withEnabled(false))));
        // then the analyser is gone and the stream still runs
        assertNull(controller.motion().analyser(cam));
        assertEquals(0, stream.subscribers());
        assertFalse(stream.isClosed());
        // when it is switched on again
        controller.applyCameras(List.of(edited));
        assertNotNull(controller.motion().analyser(cam));
        assertEquals(1, stream.subscribers());
    }

    @Test
    void removingACameraDuringAnEventEndsTheEventAndStopsItsAnalyser() {
        // given an event going on
        open(WallConfig.empty().withCameras(cameras(2)), false);
        CameraModel cam = camera("cam1");
        play(Map.of("cam1", scene(1, true)), 3.0);
        assertTrue(controller.motion().events().get(0).open());
        // when the camera is removed
        controller.applyCameras(List.of(camera("cam2").config()));
        // then its event has ended, it takes no more frames, and it shows no motion
        assertFalse(controller.motion().events().get(0).open());
        assertEquals(0, sources.get("cam1").subscribers());
        assertFalse(cam.motionProperty().get());
    }

    @Test
    void quitAsksWhileCamerasRecordByTheirModeAndNamesThem() throws Exception {
        // given three cameras: the first records on motion, the third all the time, the second only when asked
        List<CameraConfig> list = new ArrayList<>(cameras(3));
        list.set(0, list.get(0).withRecordMode(org.mjpegwall.config.RecordingMode.ON_MOTION));
        list.set(2, list.get(2).withRecordMode(org.mjpegwall.config.RecordingMode.CONTINUOUS));
        open(WallConfig.empty().withCameras(list), true);
        // when the user quits, and answers "Keep running"
        boolean quits = controller.mayQuit();
        // then the wall asks, naming the two that would stop watching, and keeps running
        assertFalse(quits);
        String question = dialogs.questions.get(0).text();
        assertTrue(question.startsWith("Cam 1 and Cam 3 record by themselves"), question);
        assertTrue(question.contains("nothing is recorded while the wall is closed"), question);
        assertFalse(question.contains("Cam 2"), question);
    }

    @Test
    void aCameraSetToRecordOnMotionRecordsItsMotionOnAnotherPageAndAQuietOneNothing() throws Exception {
        // given five cameras recording on motion, four per page, the first page shown
        List<CameraConfig> list = new ArrayList<>();
        for (CameraConfig c : cameras(5)) {
            list.add(c.withRecordMode(org.mjpegwall.config.RecordingMode.ON_MOTION));
        }
        open(WallConfig.empty().withCameras(list).withTilesPerPage(4), true);
        controller.model().showPage(0);
        assertFalse(controller.model().pageCameras().contains(camera("cam5")));
        // when an object crosses camera 5's picture (2 s to 6 s) while camera 1 stays still, and the wall closes
        Map<String, Scene> scenes = new LinkedHashMap<>();
        scenes.put("cam1", scene(1, false));
        scenes.put("cam5", scene(5, true));
        play(scenes, 20);
        controller.close(null);
        // then camera 5 has one clip, from about the 5 s pre-roll before the motion to the 10 s post-roll after it,
        // and the quiet camera 1 has none
        Path videos = home.resolve("videos");
        List<Path> clips = org.mjpegwall.testing.Await.value("camera 5's clip, finished", () -> {
            try (var files = Files.walk(videos)) {
                List<Path> found = files.filter(p -> p.toString().endsWith(".avi")).toList();
                if (found.size() != 1) {
                    return null;
                }
                try (org.mjpegwall.record.AviReader r = org.mjpegwall.record.AviReader.open(found.get(0))) {
                    return r.frameCount() > 0 ? found : null;
                }
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertTrue(clips.get(0).getFileName().toString().startsWith("Cam_5_"), clips.toString());
        try (org.mjpegwall.record.AviReader r = org.mjpegwall.record.AviReader.open(clips.get(0))) {
            // frames from 0 s (the pre-roll reaches back past the start) to the end of motion (~6 s) + 10 s
            double seconds = r.frameCount() / FPS;
            assertTrue(seconds > 14 && seconds < 18, "clip of " + seconds + " s");
        }
    }

    @Test
    void eventsAreLoggedBesideTheRecordingsAndAnEventOpenAtExitEnds() throws Exception {
        // given a wall that keeps its configuration, and an event going on
        open(WallConfig.empty().withCameras(cameras(1)), true);
        play(Map.of("cam1", scene(1, true)), 3.0);
        // when the wall closes
        controller.close(null);
        // then the event log in <recordings>/events holds the event, ended, and its key frame
        Path events = home.resolve("videos/events");
        LocalDateHolder day = new LocalDateHolder(EventLogReader.days(events));
        List<LoggedEvent> logged = EventLogReader.readDay(events, day.only()).events();
        assertEquals(1, logged.size());
        assertEquals("cam1", logged.get(0).camera());
        assertFalse(logged.get(0).unfinished());
        assertTrue(Files.size(logged.get(0).keyFramePath(events)) > 1000);
    }

    @Test
    void theEventListKeepsTheNewestEventsWithinItsKeyFrameBudget() {
        // given a camera where an object crosses three times, with a 1 s event gap
        CameraConfig cam = cameras(1).get(0);
        open(WallConfig.empty().withCameras(List.of(cam.withMotion(cam.motion().withEventGapSeconds(1)))), false);
        Scene scene = new Scene(320, 240, 7);
        for (double from : new double[] {2, 5, 8}) {
            scene.add(new Scene.Mover(from, from + 1, 48, 48, new Color(30, 30, 35), -48, 100, 200, 0));
        }
        // when the first two events have passed, then both are listed, newest first
        play(Map.of("cam1", scene), 7.6);
        List<MotionEvent> two = List.copyOf(controller.motion().events());
        assertEquals(2, two.size());
        assertTrue(two.get(0).start().isAfter(two.get(1).start()));
        // when the list may hold hardly any key-frame bytes and the third event starts
        controller.motion().keyFrameBudget(1);
        play(Map.of("cam1", scene), 8.8);
        // then only the newest event stays
        assertEquals(1, controller.motion().events().size());
        assertTrue(controller.motion().events().get(0).start().isAfter(two.get(0).start()));
    }

    @Test
    void aDemoRunKeepsNoEventLog() {
        // given --demo N: nothing is saved
        open(WallConfig.empty().withCameras(cameras(1)), false);
        // when an event happens
        play(Map.of("cam1", scene(1, true)), 3.0);
        controller.close(null);
        // then no events folder was made
        assertEquals(1, controller.motion().events().size());
        assertFalse(Files.exists(home.resolve("videos/events")));
    }

    @Test
    void theSpotlightShowsTheMovingCameraAndGoesBackAfterItsEvent() {
        // given the spotlight on
        open(WallConfig.empty().withCameras(cameras(5)).withTilesPerPage(4), false);
        controller.setSpotlight(true);
        Map<String, Scene> scenes = new LinkedHashMap<>();
        scenes.put("cam5", scene(5, true));
        // when camera 5 (on page 2) sees motion
        play(scenes, 2.6);
        // then it is shown large
        assertSame(camera("cam5"), controller.model().focusedProperty().get());
        // and it stays while the event goes on, and for 10 s after it ended
        play(scenes, 11.0);
        controller.refreshIndicators();
        assertSame(camera("cam5"), controller.model().focusedProperty().get());
        MotionEvent ended = controller.motion().events().get(0);
        assertFalse(ended.open());
        // then the wall comes back
        play(scenes, 22.0);
        controller.refreshIndicators();
        assertNull(controller.model().focusedProperty().get());
    }

    @Test
    void theSpotlightNeverTakesTheScreenFromACameraTheUserFocused() {
        // given the spotlight on and camera 2 focused by the user
        open(WallConfig.empty().withCameras(cameras(3)), false);
        controller.setSpotlight(true);
        controller.model().focus(camera("cam2"));
        // when camera 3 sees motion
        play(Map.of("cam3", scene(3, true)), 3.0);
        // then camera 2 stays
        assertSame(camera("cam2"), controller.model().focusedProperty().get());
        assertEquals(1, controller.motion().events().size());
    }

    @Test
    void aSoundPlaysWhenMotionStartsOnACameraSetToSoundOnly() {
        // given camera 1 set to sound, camera 2 not
        List<CameraConfig> list = new ArrayList<>(cameras(2));
        list.set(0, list.get(0).withMotion(list.get(0).motion().withSound(true)));
        open(WallConfig.empty().withCameras(list), false);
        AtomicInteger sounds = new AtomicInteger();
        controller.setMotionSound(sounds::incrementAndGet);
        // when both see motion
        Map<String, Scene> scenes = new LinkedHashMap<>();
        scenes.put("cam1", scene(1, true));
        scenes.put("cam2", scene(2, true));
        play(scenes, 3.0);
        // then one sound, for camera 1's event
        assertEquals(2, controller.motion().events().size());
        assertEquals(1, sounds.get());
    }

    @Test
    void theSpotlightChoiceIsSaved() throws Exception {
        // given
        open(WallConfig.empty().withCameras(cameras(1)), true);
        // when
        controller.setSpotlight(true);
        // then
        assertTrue(ConfigStore.at(home.resolve("config.json")).load().orElseThrow().spotlight());
    }

    /** The single day the log holds. */
    private record LocalDateHolder(List<java.time.LocalDate> days) {
        java.time.LocalDate only() {
            assertEquals(1, days.size(), days.toString());
            return days.get(0);
        }
    }

    /** Background work at once (dropped after shutdown); UI work waits until the test runs it (a busy UI thread). */
    private static final class QueuedUi implements TaskExecutor {
        final List<Runnable> queued = new ArrayList<>();
        boolean shutdown;

        @Override
        public void runInBackground(Runnable task) {
            if (!shutdown) {
                task.run();
            }
        }

        @Override
        public void runOnUiThread(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.remove(0).run();
            }
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return shutdown;
        }
    }
}
