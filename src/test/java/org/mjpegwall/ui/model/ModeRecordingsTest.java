package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.MotionListener;
import org.mjpegwall.motion.MotionResult;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.record.OnMotionOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;

/** A camera records by its mode on its own: continuously, or around motion only; and says why when it cannot. */
class ModeRecordingsTest {
    private static final long FRAME_NANOS = 100_000_000L; // 10 fps
    private static final byte[] IMAGE = TestJpegs.image(64, 48);

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TestSource source = new TestSource(now::get);
    private final AtomicReference<MotionListener> analysis = new AtomicReference<>();
    private final List<String> problems = new ArrayList<>();
    private final List<byte[]> sent = new ArrayList<>();
    private ModeRecordings recordings;

    private ModeRecordings recordings(Path folder) {
        recordings = new ModeRecordings(new RecordingRegistry(), () -> folder, listener -> {
            analysis.set(listener);
            return () -> analysis.set(null);
        }, new CurrentThreadTaskExecutor(), problems::add,
                OnMotionOptions.DEFAULTS.withPreRoll(Duration.ofSeconds(1)).withPostRoll(Duration.ofSeconds(1)));
        return recordings;
    }

    @AfterEach
    void close() {
        if (recordings != null) {
            recordings.close();
        }
    }

    private CameraModel camera(RecordingMode mode) {
        CameraConfig c = new CameraConfig("cam-1", "Yard", "http://127.0.0.1:9/", null, null, true, null)
                .withRecordMode(mode);
        return new CameraModel(c, source, false);
    }

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            now.addAndGet(FRAME_NANOS);
            byte[] jpeg = TestJpegs.numbered(IMAGE, sent.size());
            sent.add(jpeg);
            source.push(jpeg);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".avi")).sorted().toList();
        }
    }

    /** The frames of a finished file (waits for the writer to finish it). */
    private List<byte[]> framesOf(Path file, int expected) {
        return Await.value("a finished recording of " + expected + " frames", () -> {
            try (AviReader r = AviReader.open(file)) {
                if (r.frameCount() != expected) {
                    return null;
                }
                return r.readFrames();
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Test
    void aContinuousCameraRecordsEveryFrameByteForByte() throws IOException {
        // given
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.CONTINUOUS);
        // when
        r.start(camera);
        frames(12);
        r.stop(camera);
        // then
        assertEquals(RecordingMode.OFF, r.mode(camera));
        List<Path> files = Await.value("one recording", () -> {
            try {
                List<Path> f = files();
                return f.size() == 1 ? f : null;
            } catch (IOException e) {
                return null;
            }
        });
        List<byte[]> written = framesOf(files.get(0), 12);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(sent.get(i), written.get(i), "frame " + i);
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void anOnMotionCameraRecordsOnlyAroundItsMotion() throws IOException {
        // given: 3 s of a quiet camera
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.ON_MOTION);
        r.start(camera);
        assertEquals(RecordingMode.ON_MOTION, r.mode(camera));
        frames(30);
        quiet(30);
        // when: motion from frame 30 to frame 39, confirmed at frame 32, then quiet again
        motionFromFrame30ConfirmedAt32();
        for (int i = 33; i < 40; i++) {
            frames(1);
            analysed(i, true);
        }
        for (int i = 40; i < 70; i++) {
            frames(1);
            analysed(i, false);
        }
        r.stop(camera);
        // then: one clip from a second before the motion to a second after it, byte for byte
        List<Path> files = Await.value("one clip", () -> {
            try {
                List<Path> f = files();
                return f.size() == 1 ? f : null;
            } catch (IOException e) {
                return null;
            }
        });
        // frame i arrived at 1 s + (i + 1) × 0.1 s: pre-roll from frame 20 (start − 1 s), post-roll to frame 49
        List<byte[]> written = framesOf(files.get(0), 30);
        for (int i = 0; i < 30; i++) {
            assertArrayEquals(sent.get(20 + i), written.get(i), "frame " + (20 + i));
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aQuietOnMotionCameraWritesNothing() throws IOException {
        // given
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.ON_MOTION);
        r.start(camera);
        // when
        frames(50);
        quiet(50);
        r.stop(camera);
        // then
        assertEquals(List.of(), files());
        assertEquals(null, analysis.get(), "the analysis listener is removed when the camera stops");
    }

    @Test
    void aCameraThatCannotRecordSaysWhyAndTheOthersGoOn() throws IOException {
        // given: the recordings folder is a file
        Path notAFolder = Files.writeString(dir.resolve("recordings"), "a file");
        ModeRecordings r = recordings(notAFolder);
        CameraModel camera = camera(RecordingMode.CONTINUOUS);
        // when
        r.start(camera);
        // then
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Yard cannot record continuously: "), problems.get(0));
        assertEquals(RecordingMode.OFF, r.mode(camera));
        assertEquals("a file", Files.readString(notAFolder), "nothing written over a file not ours");
    }

    @Test
    void anOnMotionCameraWithoutDetectionIsSaidOnceAndAgainOnlyAfterItWasSetRight() {
        // given a camera loaded set to record on motion, with its motion detection off (an older configuration)
        ModeRecordings r = recordings(dir);
        CameraConfig blind = camera(RecordingMode.ON_MOTION).config()
                .withMotion(org.mjpegwall.config.MotionConfig.DEFAULTS.withEnabled(false));
        CameraModel camera = new CameraModel(blind, source, false);
        // when it starts, and is started again with the same settings (an edit of its name, say)
        r.start(camera);
        r.start(camera);
        // then the wall says once, in words, why it will never record
        assertEquals(List.of("Yard: Nothing will be recorded: recording on motion needs \u201cDetect motion\u201d, which is"
                + " off for this camera. Turn it on, or choose another recording."), problems);
        // when detection is turned on, then off again
        camera.motionEdited(blind.withMotion(org.mjpegwall.config.MotionConfig.DEFAULTS));
        r.start(camera);
        camera.motionEdited(blind);
        r.start(camera);
        // then it is said a second time, for the second time it was set so
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void aCameraSetToOffRecordsNothing() throws IOException {
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.OFF);
        r.start(camera);
        frames(10);
        r.stop(camera);
        assertEquals(List.of(), files());
        assertEquals(0, source.subscribers());
    }

    @Test
    void theBadgeSaysRecOnMotionWhileAClipIsWrittenAndNothingWhileOnlyThePreRollFills() {
        // given an on-motion camera, quiet for 3 s: its pre-roll fills, no file is written
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.ON_MOTION);
        r.start(camera);
        frames(30);
        quiet(30);
        r.refresh();
        assertEquals("", camera.modeRecordingProperty().get(), "armed only: no badge");
        // when motion starts
        motionFromFrame30ConfirmedAt32();
        r.refresh();
        // then
        assertEquals("REC · motion", camera.modeRecordingProperty().get());
        // when it has been quiet for longer than the post-roll (1 s)
        for (int i = 33; i < 50; i++) {
            frames(1);
            analysed(i, false);
        }
        r.refresh();
        // then the clip is finished and the badge is gone
        assertEquals("", camera.modeRecordingProperty().get());
    }

    @Test
    void theBadgeSaysRecContinuousWhileTheCameraRecordsAndGoesWhenItStops() {
        // given
        ModeRecordings r = recordings(dir);
        CameraModel camera = camera(RecordingMode.CONTINUOUS);
        r.refresh();
        assertEquals("", camera.modeRecordingProperty().get());
        // when
        r.start(camera);
        frames(3);
        r.refresh();
        // then
        assertEquals("REC · continuous", camera.modeRecordingProperty().get());
        // when
        r.stop(camera);
        // then
        assertEquals("", camera.modeRecordingProperty().get());
    }

    /** Frames 30 to 32 arrive with motion: the event starts (confirmed at frame 32, from frame 31's time). */
    private void motionFromFrame30ConfirmedAt32() {
        frames(3);
        long start = 1_000_000_000L + 31 * FRAME_NANOS;
        analysis.get().eventStarted(new MotionEvent("cam-1", "Yard", Instant.now(), null, start, 0, 1, 1, null,
                new org.mjpegwall.frame.Frame(sent.get(30), 31, 0, start)));
        for (int i = 30; i < 33; i++) {
            analysed(i, true);
        }
    }

    private void quiet(int frames) {
        for (int i = sent.size() - frames; i < sent.size(); i++) {
            analysed(i, false);
        }
    }

    private void analysed(int frame, boolean motion) {
        long t = 1_000_000_000L + (frame + 1) * FRAME_NANOS;
        analysis.get().analysed("cam-1", new MotionResult(t, motion ? 1 : 0, motion ? 0.1 : 0, List.of(), motion,
                false, false, MotionResult.Transition.NONE, 0, 0));
    }
}
