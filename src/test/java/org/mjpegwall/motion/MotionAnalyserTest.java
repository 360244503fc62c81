package org.mjpegwall.motion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.Frame;

class MotionAnalyserTest {
    private static final long EPOCH_MS = Instant.parse("2026-11-30T03:12:00Z").toEpochMilli();
    private static final double FPS = 15;

    private static Frame frame(byte[] jpeg, long seq, double seconds) {
        long nanos = Math.round(seconds * 1e9);
        return new Frame(jpeg, seq, EPOCH_MS + nanos / 1_000_000, nanos);
    }

    /** Collects what the analyser reports, with the thread it came on. */
    static final class Recorder implements MotionListener {
        final List<MotionResult> results = new CopyOnWriteArrayList<>();
        final List<MotionEvent> started = new CopyOnWriteArrayList<>();
        final List<MotionEvent> ended = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void analysed(String camera, MotionResult result) {
            results.add(result);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void eventStarted(MotionEvent event) {
            started.add(event);
        }

        @Override
        public void eventEnded(MotionEvent event) {
            ended.add(event);
        }
    }

    /** A decoder that notes which frames it was given and returns a flat picture. */
    static final class NotingDecoder implements ThumbnailDecoder {
        final List<byte[]> decoded = Collections.synchronizedList(new ArrayList<>());

        @Override
        public GreyImage decode(byte[] data, int off, int len, GreyImage reuse) {
            decoded.add(data);
            return GreyImage.reuse(reuse, 80, 60);
        }
    }

    @Test
    void analysesTheNewestFrameAtMostFiveTimesASecond() {
        // given a 15 fps camera
        FakeScheduler time = new FakeScheduler();
        ManualTap tap = new ManualTap();
        NotingDecoder decoder = new NotingDecoder();
        MotionAnalyser a = MotionAnalyser.builder("cam", tap, time).decoder(decoder).start();
        List<byte[]> sent = new ArrayList<>();

        // when 4 seconds of frames arrive
        for (int k = 0; k < 4 * FPS; k++) {
            byte[] jpeg = {(byte) k};
            sent.add(jpeg);
            tap.emit(frame(jpeg, k, k / FPS));
            time.advanceTo(Math.round(k / FPS * 1e9));
        }

        // then every analysis took the newest frame of its moment: every third one
        assertEquals(20, decoder.decoded.size());
        for (int i = 0; i < decoder.decoded.size(); i++) {
            assertSame(sent.get(3 * i), decoder.decoded.get(i));
        }
        MotionAnalyser.Stats s = a.stats();
        assertEquals(60, s.frames());
        assertEquals(20, s.analysed());
        assertEquals(39, s.skipped(), "frames replaced before analysis are dropped, not queued (the last one still waits)");
    }

    @Test
    void whileAnalysisIsBusyOnlyTheNewestFrameWaits() {
        // given
        FakeScheduler time = new FakeScheduler();
        ManualTap tap = new ManualTap();
        NotingDecoder decoder = new NotingDecoder();
        MotionAnalyser.builder("cam", tap, time).decoder(decoder).start();

        // when 100 frames arrive before the pool gets to run
        byte[] last = null;
        for (int k = 0; k < 100; k++) {
            last = new byte[] {(byte) k};
            tap.emit(frame(last, k, k / FPS));
        }
        time.advanceTo(Math.round(100 / FPS * 1e9));

        // then one analysis was scheduled, and it took the last frame
        assertEquals(1, time.scheduledCount());
        assertEquals(1, decoder.decoded.size());
        assertSame(last, decoder.decoded.get(0));
    }

    @Test
    @Timeout(20)
    void theFrameListenerNeverWaitsForAnalysis() throws Exception {
        // given an analysis stuck in its decoder
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<byte[]> decoded = new CopyOnWriteArrayList<>();
        ThumbnailDecoder stuck = (data, off, len, reuse) -> {
            decoded.add(data);
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GreyImage.reuse(reuse, 8, 8);
        };
        ManualTap tap = new ManualTap();
        try (MotionPool pool = new MotionPool(1)) {
            MotionAnalyser a = MotionAnalyser.builder("cam", tap, pool).decoder(stuck)
                    .settings(MotionSettings.DEFAULTS.withAnalysesPerSecond(30)).start();
            tap.emit(frame(new byte[] {0}, 0, 0));
            assertTrue(entered.await(10, TimeUnit.SECONDS));

            // when 10,000 more frames arrive meanwhile (a blocking listener would hang here)
            byte[] last = null;
            for (int k = 1; k <= 10_000; k++) {
                last = new byte[] {(byte) k};
                tap.emit(frame(last, k, k / FPS));
            }
            release.countDown();

            // then once free, the analyser took only the newest of them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (a.stats().analysed() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2, a.stats().analysed());
            assertSame(last, decoded.get(1));
            assertEquals(9_999, a.stats().skipped());
        }
    }

    @Test
    void anEventCarriesItsTimesPeaksAndTheExactBytesOfItsBestFrame() {
        // given a small object crossing from 4.03 s, and 15 fps frames on fake time
        double enters = 4.03;
        Scene scene = new Scene(320, 240, 11).add(new Scene.Mover(enters, enters + 1.5, 30, 30, new Color(20, 20, 20),
                -30, 120, 220, 0));
        FakeScheduler time = new FakeScheduler();
        ManualTap tap = new ManualTap();
        Recorder heard = new Recorder();
        MotionAnalyser a = MotionAnalyser.builder("cam-7", tap, time).name("Yard").listener(heard)
                .settings(MotionSettings.DEFAULTS.withEventGapSeconds(2)).start();
        List<Frame> sent = new ArrayList<>();

        // when
        for (int k = 0; k < 10 * FPS; k++) {
            Frame f = frame(scene.jpeg(k / FPS), k, k / FPS);
            sent.add(f);
            tap.emit(f);
            time.advanceTo(f.arrivalNanos());
            if (!heard.started.isEmpty() && heard.ended.isEmpty()) {
                assertNotNull(a.openEvent(), "the open event is visible while it lasts");
            }
        }

        // then one event, detected within half a second, closed after the gap
        assertEquals(1, heard.started.size());
        assertEquals(1, heard.ended.size());
        MotionResult start = heard.results.stream().filter(r -> r.transition() == MotionResult.Transition.START)
                .findFirst().orElseThrow();
        assertThat(start.timeNanos() / 1e9, lessThanOrEqualTo(enters + 0.5));
        MotionEvent e = heard.ended.get(0);
        assertEquals("cam-7", e.camera());
        assertEquals("Yard", e.name());
        assertEquals(Instant.ofEpochMilli(EPOCH_MS + e.startNanos() / 1_000_000), e.start());
        assertEquals(Instant.ofEpochMilli(EPOCH_MS + e.endNanos() / 1_000_000), e.end());
        assertTrue(e.start().isBefore(e.end()));
        List<MotionResult> during = heard.results.stream()
                .filter(r -> r.motion() && r.timeNanos() >= e.startNanos() && r.timeNanos() <= e.endNanos()).toList();
        MotionResult best = during.stream().max((x, y) -> Double.compare(x.score(), y.score())).orElseThrow();
        assertEquals(best.score(), e.peakScore());
        assertEquals(during.stream().mapToDouble(MotionResult::area).max().orElseThrow(), e.peakArea());
        Frame key = sent.stream().filter(f -> f.arrivalNanos() == best.timeNanos()).findFirst().orElseThrow();
        assertSame(key.jpeg(), e.keyFrame().jpeg(), "the key frame is the received bytes, not a re-encoding");
        assertNotNull(e.peakBox());
        assertNull(a.openEvent());
    }

    @Test
    @Timeout(60)
    void analysesOnThePoolWithoutAnyDisplay() throws Exception {
        // given no display at all, and a camera thread feeding a scene with a crossing object
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless: there is no display to depend on");
        Scene scene = new Scene(320, 240, 12).add(new Scene.Mover(3.03, 5, 40, 40, Color.BLACK, -40, 100, 200, 0));
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 10 * 5; k++) { // 5 frames per scene second, each one analysed
            frames.add(frame(scene.jpeg(k / 5.0), k, k / 5.0));
        }
        ManualTap tap = new ManualTap();
        Recorder heard = new Recorder();
        try (MotionPool pool = new MotionPool(2)) {
            MotionAnalyser a = MotionAnalyser.builder("cam", tap, pool).listener(heard)
                    .settings(MotionSettings.DEFAULTS.withAnalysesPerSecond(30).withEventGapSeconds(2)).start();
            Thread camera = new Thread(() -> {
                for (Frame f : frames) {
                    long before = a.stats().analysed();
                    tap.emit(f);
                    while (a.stats().analysed() == before && !Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                }
            }, "camera-feed test");

            // when
            camera.start();
            camera.join(TimeUnit.SECONDS.toMillis(50));

            // then
            assertEquals(frames.size(), a.stats().analysed());
            assertEquals(1, heard.started.size());
            assertEquals(1, heard.ended.size());
            assertTrue(heard.threads.stream().allMatch(t -> t.startsWith("motion-analysis-")), heard.threads.toString());
            assertThat(heard.threads.get(0), startsWith("motion-analysis-"));
        }
    }

    @Test
    void closingEndsTheOpenEventAndUnsubscribes() {
        // given an open event
        OpenEvent open = new OpenEvent(13);
        assertEquals(1, open.heard.started.size());
        long framesBefore = open.analyser.stats().frames();

        // when
        open.analyser.close();
        open.tap.emit(open.nextFrame());

        // then
        assertEquals(1, open.heard.ended.size());
        MotionEvent e = open.heard.ended.get(0);
        assertNotNull(e.end());
        assertEquals(open.heard.results.get(open.heard.results.size() - 1).timeNanos(), e.endNanos(),
                "ended at its last motion");
        assertEquals(0, open.tap.subscribers());
        assertEquals(framesBefore, open.analyser.stats().frames());
        assertNull(open.analyser.openEvent());
    }

    @Test
    void undecodableFramesAreCountedAndAnalysisGoesOn() {
        // given
        FakeScheduler time = new FakeScheduler();
        ManualTap tap = new ManualTap();
        MotionAnalyser a = MotionAnalyser.builder("cam", tap, time).start();
        byte[] good = new Scene(160, 120, 14).jpeg(0);

        // when
        tap.emit(frame("<html>not a picture</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 0));
        time.advanceTo(0);
        tap.emit(frame(good, 1, 0.2));
        time.advanceTo(200_000_000L);

        // then
        assertEquals(1, a.stats().decodeErrors());
        assertThat(a.stats().lastError(), containsString("not a JPEG"));
        assertEquals(1, a.stats().analysed());
        assertNotNull(a.lastResult());
    }

    @Test
    void switchingAnalysisOffEndsTheEventAndIgnoresFrames() {
        // given an open event
        OpenEvent open = new OpenEvent(15);
        long analysed = open.analyser.stats().analysed();

        // when
        open.analyser.update(open.analyser.settings().withEnabled(false));
        for (int j = 0; j < 30; j++) {
            open.feed();
        }

        // then
        assertEquals(1, open.heard.ended.size());
        assertEquals(analysed, open.analyser.stats().analysed());
        assertNull(open.analyser.openEvent());
    }

    /**
     * An analyser on fake time, fed a scene in which an object comes in at 2.03 s, frame by frame at {@link #FPS}
     * until its event opens (six seconds at the most).
     */
    private static final class OpenEvent {
        final Scene scene;
        final FakeScheduler time = new FakeScheduler();
        final ManualTap tap = new ManualTap();
        final Recorder heard = new Recorder();
        final MotionAnalyser analyser;
        /** The number of the next frame. */
        int k;

        OpenEvent(long seed) {
            scene = new Scene(320, 240, seed).add(new Scene.Mover(2.03, 60, 40, 40, Color.BLACK, -40, 100, 100, 0));
            analyser = MotionAnalyser.builder("cam", tap, time).listener(heard).start();
            while (heard.started.isEmpty() && k < 6 * FPS) {
                feed();
            }
        }

        /** The scene's next frame, at its time. */
        Frame nextFrame() {
            Frame f = frame(scene.jpeg(k / FPS), k, k / FPS);
            k++;
            return f;
        }

        /** Gives the tap the next frame, and lets the analyser's time reach it. */
        void feed() {
            Frame f = nextFrame();
            tap.emit(f);
            time.advanceTo(f.arrivalNanos());
        }
    }
}
