package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.TestJpegs;

/**
 * Recording on motion on synthetic frames with exact times: a scripted analyser (5 analyses a second, heard one
 * frame late, an event confirmed by two motion analyses in a row, as {@code MotionAnalyser} calls its listener).
 */
class TriggeredRecorderTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final long T0 = 1_000 * S;
    static final long FRAME = 100 * MS; // 10 fps
    static final byte[] IMAGE = TestJpegs.image(64, 48);

    @TempDir
    Path dir;

    /** Collects clips as lists of frames. */
    static final class Clips implements TriggeredRecorder.ClipSink {
        final List<List<Frame>> clips = new ArrayList<>();
        boolean open;

        @Override
        public void write(Frame f) {
            if (!open) {
                clips.add(new ArrayList<>());
                open = true;
            }
            clips.get(clips.size() - 1).add(f);
        }

        @Override
        public void endClip() {
            open = false;
        }
    }

    /** A camera at 10 fps for {@code seconds}; motion at the times (seconds from T0) inside {@code windows}. */
    static final class Script {
        final List<Frame> frames = new ArrayList<>();
        final List<Long> eventStarts = new ArrayList<>();
        final List<Long> lastMotions = new ArrayList<>();

        Script play(TriggeredRecorder rec, double seconds, double... windows) {
            int analyseEvery = 2; // 5 per second
            Long pendingTime = null;
            boolean pendingMotion = false;
            boolean pendingStart = false;
            long pendingStartNanos = 0;
            int motionRun = 0;
            long runStart = 0;
            boolean eventOpen = false;
            long lastMotion = Long.MIN_VALUE;
            for (long k = 0; k * FRAME <= seconds * S; k++) {
                long t = T0 + k * FRAME;
                Frame f = new Frame(TestJpegs.numbered(IMAGE, k), k, 1_700_000_000_000L + t / MS, t);
                frames.add(f);
                rec.frame(f);
                // the analysis of the previous analysed frame is heard now (one frame later)
                if (pendingTime != null) {
                    if (pendingStart) {
                        rec.motionStarted(pendingStartNanos);
                    }
                    rec.analysed(pendingTime, pendingMotion);
                    pendingTime = null;
                }
                if (k % analyseEvery == 0) {
                    boolean motion = inside(t, windows);
                    pendingTime = t;
                    pendingMotion = motion;
                    pendingStart = false;
                    if (motion) {
                        lastMotion = t;
                        motionRun++;
                        if (motionRun == 1) {
                            runStart = t;
                        }
                        if (!eventOpen && motionRun >= 2) {
                            eventOpen = true;
                            pendingStart = true;
                            pendingStartNanos = runStart;
                            eventStarts.add(runStart);
                        }
                    } else {
                        motionRun = 0;
                        if (eventOpen && t - lastMotion > 5 * S) {
                            eventOpen = false;
                            lastMotions.add(lastMotion);
                        }
                    }
                }
            }
            if (eventOpen) {
                lastMotions.add(lastMotion);
            }
            return this;
        }

        static boolean inside(long t, double[] windows) {
            for (int i = 0; i < windows.length; i += 2) {
                if (t >= T0 + Math.round(windows[i] * S) && t <= T0 + Math.round(windows[i + 1] * S)) {
                    return true;
                }
            }
            return false;
        }
    }

    static TriggeredRecorder recorder(OnMotionOptions options, Clips clips) {
        return new TriggeredRecorder(options, null, clips);
    }

    @Test
    void clipRunsFromPreRollBeforeTheFirstMotionToPostRollAfterTheLast() {
        // given
        Clips clips = new Clips();
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS, clips);

        // when: motion from 10.0 s to 12.0 s
        Script s = new Script().play(rec, 40, 10.0, 12.0);

        // then: one clip, exactly 5.0 s .. 22.0 s, the camera's own frame objects in order
        assertEquals(List.of(T0 + 10 * S), s.eventStarts);
        assertEquals(1, clips.clips.size());
        List<Frame> clip = clips.clips.get(0);
        assertEquals(T0 + 5 * S, clip.get(0).arrivalNanos());
        assertEquals(T0 + 22 * S, clip.get(clip.size() - 1).arrivalNanos());
        assertEquals(171, clip.size());
        int first = s.frames.indexOf(clip.get(0));
        for (int i = 0; i < clip.size(); i++) {
            assertSame(s.frames.get(first + i), clip.get(i));
        }
        assertFalse(rec.recording());
        assertEquals(1, rec.clips());
    }

    @Test
    void preAndPostRollOffTheFrameGridAreWithinOneFrameInterval() {
        // given: 4.95 s before, 7.33 s after
        Clips clips = new Clips();
        OnMotionOptions o = OnMotionOptions.DEFAULTS.withPreRoll(Duration.ofMillis(4950))
                .withPostRoll(Duration.ofMillis(7330));
        TriggeredRecorder rec = recorder(o, clips);

        // when
        Script s = new Script().play(rec, 40, 10.0, 12.0);

        // then
        List<Frame> clip = clips.clips.get(0);
        long wantFirst = s.eventStarts.get(0) - o.preRoll().toNanos();
        long wantLast = s.lastMotions.get(0) + o.postRoll().toNanos();
        long first = clip.get(0).arrivalNanos();
        long last = clip.get(clip.size() - 1).arrivalNanos();
        assertTrue(first >= wantFirst && first - wantFirst < FRAME, "first frame " + (first - T0));
        assertTrue(last <= wantLast && wantLast - last < FRAME, "last frame " + (last - T0));
    }

    @Test
    void aQuietCameraWritesNothing() {
        // given
        Clips clips = new Clips();
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS, clips);

        // when: 60 s, no motion
        new Script().play(rec, 60);

        // then
        assertTrue(clips.clips.isEmpty());
        assertEquals(0, rec.clips());
        assertEquals(0, rec.framesWritten());
    }

    @Test
    void eventsWithinThePostRollContinueTheSameClip() {
        // given
        Clips clips = new Clips();
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS, clips);

        // when: motion 10-11 s, again 18-19 s (within the 10 s post-roll), and again 50-51 s
        Script s = new Script().play(rec, 80, 10, 11, 18, 19, 50, 51);

        // then: two clips: 5 .. 29 s, and 45 .. 61 s, with no frame missing in between
        assertEquals(2, clips.clips.size(), "clips " + clips.clips.size());
        List<Frame> a = clips.clips.get(0);
        assertEquals(T0 + 5 * S, a.get(0).arrivalNanos());
        assertEquals(T0 + 29 * S, a.get(a.size() - 1).arrivalNanos());
        assertEquals(241, a.size());
        List<Frame> b = clips.clips.get(1);
        assertEquals(T0 + 45 * S, b.get(0).arrivalNanos());
        assertEquals(T0 + 61 * S, b.get(b.size() - 1).arrivalNanos());
        assertEquals(3, s.eventStarts.size()); // the detector saw three events; the recorder made two clips
    }

    @Test
    void clipEndsAfterTheAnalysisDelayWhenAnalysesStop() {
        // given: motion heard once, then analysis stops (a camera switched off in the analyser)
        Clips clips = new Clips();
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS, clips);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k <= 300; k++) {
            long t = T0 + k * FRAME;
            Frame f = new Frame(TestJpegs.numbered(IMAGE, k), k, 0, t);
            frames.add(f);
            rec.frame(f);
            if (k == 100) {
                rec.motionStarted(T0 + 98 * FRAME);
                rec.analysed(T0 + 100 * FRAME, true);
            }
        }

        // then: 4.8 .. 20.0 s, ended when the first frame past the post-roll had waited 1 s for an analysis
        assertEquals(1, clips.clips.size());
        List<Frame> clip = clips.clips.get(0);
        assertEquals(T0 + 48 * FRAME, clip.get(0).arrivalNanos());
        assertEquals(T0 + 200 * FRAME, clip.get(clip.size() - 1).arrivalNanos());
        assertFalse(rec.recording());
    }

    @Test
    void preRollRingIsBoundedByBytes() {
        // given: room for 20 frames only
        Clips clips = new Clips();
        int frameBytes = TestJpegs.numbered(IMAGE, 0).length;
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS.withRingBytes(20L * frameBytes + frameBytes / 2),
                clips);

        // when
        new Script().play(rec, 30, 10, 12);

        // then: the pre-roll is the last 20 frames held when the event was heard, not 5 s
        List<Frame> clip = clips.clips.get(0);
        long preRoll = T0 + 10 * S - clip.get(0).arrivalNanos();
        assertTrue(preRoll < 2 * S && preRoll > 0, "pre-roll " + preRoll / MS + " ms");
        assertEquals(T0 + 22 * S, clip.get(clip.size() - 1).arrivalNanos());
    }

    @Test
    void closeEndsAnOpenClipWithTheFramesDecided() {
        // given
        Clips clips = new Clips();
        TriggeredRecorder rec = recorder(OnMotionOptions.DEFAULTS, clips);
        new Script().play(rec, 15, 10, 20);
        assertTrue(rec.recording());

        // when
        rec.close();

        // then
        assertFalse(rec.recording());
        assertFalse(clips.open);
        assertEquals(T0 + 5 * S, clips.clips.get(0).get(0).arrivalNanos());
        assertEquals(T0 + 15 * S, clips.clips.get(0).get(clips.clips.get(0).size() - 1).arrivalNanos());
        rec.frame(new Frame(IMAGE, 1, 0, T0 + 16 * S));
        assertEquals(1, clips.clips.size());
    }

    @Test
    void eachClipIsAFileNamedByItsFirstFrameWithTheFramesByteForByte() throws Exception {
        // given: a real recorder, named by camera and time
        RecordingRegistry registry = new RecordingRegistry();
        Clock wall = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
        TriggeredRecorder rec = TriggeredRecorder.start(
                RecordingOptions.forCamera(dir, "Yard").withQueueCapacity(100_000).withClocks(wall, () -> T0),
                OnMotionOptions.DEFAULTS, registry, null);

        // when: two events far apart
        Script s = new Script().play(rec, 80, 10, 11, 50, 51);
        rec.close();

        // then: two files, each named by its first frame's wall time, holding exactly the clip's bytes
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        long epoch0 = 1_700_000_000_000L + T0 / MS;
        String first = java.time.LocalDateTime.ofInstant(Instant.ofEpochMilli(epoch0 + 5_000), ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
        assertEquals("Yard_" + first + ".avi", files.get(0).getFileName().toString());
        int[][] ranges = {{50, 210}, {450, 610}};
        for (int c = 0; c < 2; c++) {
            try (AviReader r = AviReader.open(files.get(c))) {
                List<byte[]> got = r.readFrames();
                assertEquals(ranges[c][1] - ranges[c][0] + 1, got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertArrayEquals(s.frames.get(ranges[c][0] + i).jpeg(), got.get(i));
                }
                assertTrue(AviRepair.isComplete(files.get(c)));
            }
        }
        assertTrue(registry.isEmpty());
    }

    @Test
    void anExactFileTakesTheFirstClipAndNumbersTheNext() throws Exception {
        // given
        RecordingRegistry registry = new RecordingRegistry();
        TriggeredRecorder rec = TriggeredRecorder.start(RecordingOptions.toFile(dir.resolve("door.avi"))
                .withQueueCapacity(100_000).withClocks(Clock.systemUTC(), () -> T0), OnMotionOptions.DEFAULTS,
                registry, null);

        // when
        new Script().play(rec, 80, 10, 11, 50, 51);
        rec.close();

        // then
        assertTrue(Files.exists(dir.resolve("door.avi")));
        assertTrue(Files.exists(dir.resolve("door-002.avi")));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(2, list.count());
        }
    }

    @Test
    void aQuietCameraLeavesNoFile() throws Exception {
        // given
        TriggeredRecorder rec = TriggeredRecorder.start(RecordingOptions.toFile(dir.resolve("quiet.avi"))
                .withClocks(Clock.systemUTC(), () -> T0), OnMotionOptions.DEFAULTS, new RecordingRegistry(), null);

        // when
        new Script().play(rec, 30);
        rec.close();

        // then
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(0, list.count());
        }
        assertTrue(rec.status().files().isEmpty());
    }
}
