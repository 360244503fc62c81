package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.ui.QueuedExecutor;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.TileStatus;
import org.testfx.api.FxToolkit;

/**
 * The renderer's promises, pulse by pulse on fake time, with synthetic sources and plain image slots (no
 * window): what is decoded, when, at what size, and what reaches the screen. The decode pool and the FX
 * thread's follow-ups run at once on the FX thread, unless a test queues them, so every count is exact.
 * Run for both ways a tile decodes: {@link RendererTest} (libjpeg-turbo into double-buffered pixel buffers) and
 * {@link RendererFallbackTest} (JavaFX's decoder, when libjpeg-turbo is missing).
 */
abstract class RendererCases {
    final FakeTime time = new FakeTime(java.time.Instant.parse("2026-11-30T14:02:00Z"));
    final List<TestSource> sources = new ArrayList<>();
    final ObservableList<CameraModel> cameras = FXCollections.observableArrayList();
    final RenderMetrics metrics = new RenderMetrics();
    final TileDecoding decoding = decoding();
    List<Renderer.Target> visible = List.of();
    boolean windowVisible = true;
    Renderer renderer;

    /** How the tiles under test decode. */
    abstract TileDecoding decoding();

    /** A slot of a fixed drawn size that keeps what it was given. */
    static final class Slot implements ImageSlot {
        private final int width;
        private final int height;
        private Image image;

        Slot(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public int[] drawnSize() {
            return new int[] {width, height};
        }

        @Override
        public void show(Image image) {
            this.image = image;
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // JavaFX decodes the JPEGs
    }

    @AfterEach
    void closeDecoders() {
        decoding.close();
    }

    void open(int n, Executor pool) {
        open(n, pool, Runnable::run);
    }

    void open(int n, Executor pool, Executor fxThread) {
        for (int i = 1; i <= n; i++) {
            TestSource s = new TestSource(time::nanoTime);
            sources.add(s);
            cameras.add(new CameraModel(CameraConfig.of("Cam " + i, "http://127.0.0.1:9/" + i), s, false));
        }
        renderer = new Renderer(() -> visible, () -> List.copyOf(cameras), () -> windowVisible, metrics, pool,
                fxThread, time);
    }

    void open(int n) {
        open(n, Runnable::run);
    }

    /** One camera, with one tile of {@code width} × {@code height} on screen. */
    Renderer.Target openOneTile(int width, int height) {
        open(1);
        Renderer.Target t = tile(0, width, height);
        visible = List.of(t);
        return t;
    }

    Renderer.Target tile(int camera, int width, int height) {
        return new Renderer.Target(cameras.get(camera), new Slot(width, height), decoding.newTile(), false);
    }

    Renderer.Target fullResolution(int camera, int width, int height) {
        return new Renderer.Target(cameras.get(camera), new Slot(width, height), decoding.newTile(), true);
    }

    Renderer.Target fullResolution(int camera) {
        return fullResolution(camera, 0, 0);
    }

    void pulse() {
        fxRun(renderer::pulse);
    }

    static Image shown(Renderer.Target t) {
        return ((Slot) t.slot()).image;
    }

    /** "WxH" of a picture. */
    static String size(Image img) {
        return (int) img.getWidth() + "x" + (int) img.getHeight();
    }

    /** Red channel of the pixel in the lower middle (away from the white bar). */
    static int red(Image img) {
        int argb = img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) (img.getHeight() * 0.75));
        return (argb >> 16) & 0xFF;
    }

    /** Green channel of the same pixel. */
    static int green(Image img) {
        int argb = img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) (img.getHeight() * 0.75));
        return (argb >> 8) & 0xFF;
    }

    @Test
    void showsTheNewestFrameAndCountsItDisplayedAtThePulse() {
        // given
        Renderer.Target t = openOneTile(320, 240);
        CameraModel cam = cameras.get(0);
        // when
        sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        pulse();
        // then
        assertEquals(1, cam.decodes());
        assertEquals(1, cam.displayed());
        assertTrue(red(shown(t)) > 200);
        // when the next frame comes
        sources.get(0).push(TestJpegs.solid(320, 240, Color.BLUE, 0));
        pulse();
        // then the same image shows the new pixels
        assertEquals(2, cam.decodes());
        assertEquals(2, cam.displayed());
        assertTrue(red(shown(t)) < 50);
        assertEquals(2, sources.get(0).released());
        // and a pulse without a new frame decodes nothing
        pulse();
        assertEquals(2, cam.decodes());
        assertEquals(2, cam.displayed());
    }

    @Test
    void aHiddenPageDecodesNothingAndItsFramesGoStaleUndecoded() {
        // given 6 cameras, 4 on the page shown
        open(6);
        List<Renderer.Target> page1 = List.of(tile(0, 160, 120), tile(1, 160, 120), tile(2, 160, 120), tile(3, 160, 120));
        visible = page1;
        // when every camera sends 40 frames, a pulse after each
        for (int round = 0; round < 40; round++) {
            for (TestSource s : sources) {
                s.push(TestJpegs.solid(160, 120, Color.GREEN, round));
            }
            pulse();
        }
        // then every frame of the page shown was decoded and displayed; none of the hidden page was
        for (int i = 0; i < 4; i++) {
            assertEquals(40, cameras.get(i).decodes(), "camera " + (i + 1));
            assertEquals(40, cameras.get(i).displayed(), "camera " + (i + 1));
            assertEquals(0, sources.get(i).stale(), "camera " + (i + 1));
        }
        for (int i = 4; i < 6; i++) {
            assertEquals(0, cameras.get(i).decodes(), "camera " + (i + 1));
            assertEquals(39, sources.get(i).stale(), "each frame replaced the one before, undecoded");
        }

        // when the second page is shown
        visible = List.of(tile(4, 160, 120), tile(5, 160, 120));
        pulse();
        // then it decodes the newest frame that waited, and the first page stops
        assertEquals(1, cameras.get(4).decodes());
        sources.get(0).push(TestJpegs.solid(160, 120, Color.GREEN, 2));
        sources.get(4).push(TestJpegs.solid(160, 120, Color.GREEN, 3));
        pulse();
        assertEquals(2, cameras.get(4).decodes());
        assertEquals(40, cameras.get(0).decodes());
    }

    @Test
    void oneDecodePerTileIsInFlightAndFramesArrivingMeanwhileGoStale() {
        // given a decode pool that runs only when told, decoding a red frame
        QueuedExecutor pool = new QueuedExecutor();
        open(1, pool);
        Renderer.Target t = tile(0, 160, 120);
        visible = List.of(t);
        CameraModel cam = cameras.get(0);
        TestSource source = sources.get(0);
        source.push(TestJpegs.solid(160, 120, Color.RED, 0));
        pulse();
        assertEquals(1, cam.decodes());
        assertEquals(1, pool.queued());
        fxRun(pool::runQueued);
        pulse();
        assertTrue(red(shown(t)) > 200, "a finished decode is shown at the next pulse");
        assertEquals(1, cam.displayed());
        // when a blue frame goes to the pool and two more arrive before it is decoded
        source.push(TestJpegs.solid(160, 120, Color.BLUE, 1));
        pulse();
        assertEquals(2, cam.decodes());
        source.push(TestJpegs.solid(160, 120, Color.GREEN, 2));
        source.push(TestJpegs.solid(160, 120, Color.GREEN, 3));
        pulse();
        // then nothing more is decoded meanwhile, and the older of the two was dropped undecoded
        assertEquals(2, cam.decodes());
        assertEquals(1, source.stale());
        // when the pool gets to it: a decode that waited behind others decodes the newest frame, not the one
        // taken when it was queued, which is dropped as stale too
        fxRun(pool::runQueued);
        pulse();
        assertEquals(2, cam.displayed());
        assertTrue(green(shown(t)) > 200 && red(shown(t)) < 50, "the newest frame is shown");
        assertEquals(2, source.stale());
        assertEquals(0, pool.queued(), "nothing left to decode");
        assertEquals(3, source.released(), "every frame the display took went back: decoded, or dropped for a newer one");
    }

    @Test
    void corruptFramesAreCountedAndNeverBlankTheTile() {
        // given a tile showing a good frame
        Renderer.Target t = openOneTile(320, 240);
        CameraModel cam = cameras.get(0);
        sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        pulse();
        Image before = shown(t);
        // when garbage arrives: bytes after a JPEG start, and a bare JPEG start
        sources.get(0).push(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        pulse();
        sources.get(0).push(new byte[] {(byte) 0xFF, (byte) 0xD8});
        pulse();
        // then both are counted, the image stays, and nothing more was displayed
        assertEquals(2, cam.corrupt());
        assertEquals(3, cam.decodes());
        assertEquals(1, cam.displayed());
        assertSame(before, shown(t));
        assertTrue(red(shown(t)) > 200);
        // when a good frame comes, it is shown
        sources.get(0).push(TestJpegs.solid(320, 240, Color.BLUE, 0));
        pulse();
        assertEquals(2, cam.displayed());
        assertTrue(red(shown(t)) < 50);
    }

    @Test
    void aStreamOfUndecodableFramesMakesTheCameraNotLiveWithAReasonUntilAGoodFrameComes() {
        // given a live camera
        openOneTile(160, 120);
        CameraModel cam = cameras.get(0);
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        pulse();
        assertTrue(cam.statusProperty().get().live());
        // when the camera keeps streaming frames that cannot be decoded, one a refresh
        for (int i = 1; i <= TileStatus.BAD_FRAMES_SHOWN_AFTER; i++) {
            assertTrue(cam.statusProperty().get().live(), "live after " + (i - 1) + " bad frames");
            sources.get(0).push(new byte[] {1, 2, 3});
            time.advanceBy(Duration.ofMillis(250));
            pulse();
        }
        // then it is not live, and says why
        assertEquals(TileStatus.Kind.BAD_FRAMES, cam.statusProperty().get().kind());
        assertTrue(cam.statusProperty().get().text().contains("cannot be shown\n(3 in a row"), cam.statusProperty().get().text());
        // when a good frame comes, it is live again
        sources.get(0).push(TestJpegs.solid(160, 120, Color.BLUE, 0));
        time.advanceBy(Duration.ofMillis(250));
        pulse();
        assertTrue(cam.statusProperty().get().live());
    }

    @Test
    void decodesAtTheSizeDrawnReusesTheImageAndTheFocusViewDecodesAtFullResolution() {
        // given a 1280×960 camera drawn at 200×150 device pixels
        Renderer.Target t = openOneTile(200, 150);
        // when three frames come
        for (int i = 0; i < 3; i++) {
            sources.get(0).push(TestJpegs.solid(1280, 960, Color.RED, i));
            pulse();
        }
        // then each was decoded at the size drawn (see decodedSize), into pictures allocated once
        assertEquals(3, cameras.get(0).displayed());
        assertEquals(decodedSize(1280, 960, 200, 150), size(shown(t)));
        assertEquals(1, t.decoder().allocations());
        assertEquals(1280, t.decoder().sourceWidth());
        assertTrue(cameras.get(0).statsTextProperty().get().endsWith("1280×960"), cameras.get(0).statsTextProperty().get());
        // when the camera is shown in the focus view, then at full resolution
        Renderer.Target focus = fullResolution(0);
        visible = List.of(focus);
        sources.get(0).push(TestJpegs.solid(1280, 960, Color.BLUE, 0));
        pulse();
        assertEquals(1280, shown(focus).getWidth());
        assertEquals(960, shown(focus).getHeight());
    }

    @Test
    void aSlotNotLaidOutYetLeavesTheFrameForTheNextPulse() {
        // given a tile of no size yet
        openOneTile(0, 0);
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        // when
        pulse();
        // then nothing was taken
        assertEquals(0, cameras.get(0).decodes());
        assertTrue(sources.get(0).pending());
        // when it is laid out, the waiting frame is decoded
        visible = List.of(tile(0, 160, 120));
        pulse();
        assertEquals(1, cameras.get(0).displayed());
    }

    @Test
    void latencyIsTheTimeFromArrivalToThePulseThatShowsTheFrame() {
        // given
        openOneTile(320, 240);
        fxRun(metrics::start);
        // when a frame arrives and the next pulse comes 12 ms later
        sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        time.advanceBy(Duration.ofMillis(12));
        pulse();
        // then
        assertEquals(12.0, fx(() -> metrics.latencyMs()[0]), 1e-9);
        assertTrue(cameras.get(0).statsTextProperty().get().contains(" · 12 ms · 320×240"),
                cameras.get(0).statsTextProperty().get());
    }

    @Test
    void statusesAreRefreshedFourTimesASecondOfClockTime() {
        // given a live camera, refreshed at the first pulse
        openOneTile(160, 120);
        CameraModel cam = cameras.get(0);
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        pulse();
        assertTrue(cam.statusProperty().get().live());
        // when its client backs off, and 249 ms pass
        sources.get(0).setStats(TestSource.stats(SourceState.BACKOFF, "connection refused", null));
        time.advanceBy(Duration.ofMillis(249));
        pulse();
        // then the tile does not know yet
        assertTrue(cam.statusProperty().get().live());
        // when the 250th ms passes, it does
        time.advanceBy(Duration.ofMillis(1));
        pulse();
        assertEquals(TileStatus.Kind.RECONNECTING, cam.statusProperty().get().kind());
        assertEquals("connection refused\nreconnecting\noffline since 14:02 (0 s)", cam.statusProperty().get().text());
    }

    @Test
    void aHiddenWindowDecodesNothingButStatusesStillRefresh() {
        // given a minimised window
        openOneTile(160, 120);
        windowVisible = false;
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        sources.get(0).setStats(TestSource.stats(SourceState.BACKOFF, "connection refused", null));
        // when
        pulse();
        // then
        assertEquals(0, cameras.get(0).decodes());
        assertEquals(TileStatus.Kind.RECONNECTING, cameras.get(0).statusProperty().get().kind());
        // when it is shown again, the waiting frame is decoded
        windowVisible = true;
        pulse();
        assertEquals(1, cameras.get(0).decodes());
    }

    @Test
    void aNewFrameOfAVisibleTileIsDecodedAtOnceWithoutWaitingForAPulse() {
        // given two followed cameras, the first shown, after a pulse; the FX thread's queue runs when told
        QueuedExecutor fxThread = new QueuedExecutor();
        open(2, Runnable::run, fxThread);
        visible = List.of(tile(0, 160, 120));
        fxRun(() -> renderer.follow(cameras));
        pulse();
        // when frames arrive (on the camera's thread: here the test's), and the FX thread takes the wake-ups
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 1));
        sources.get(1).push(TestJpegs.solid(160, 120, Color.RED, 0));
        assertEquals(2, fxThread.queued(), "one wake-up per camera: the second frame's was coalesced");
        fxRun(fxThread::runQueued);
        // then the visible camera's newest frame was decoded at once, without a pulse; the hidden one's waits
        assertEquals(1, cameras.get(0).decodes());
        assertEquals(1, sources.get(0).stale());
        assertEquals(0, cameras.get(1).decodes());
        assertTrue(sources.get(1).pending());
        // when a camera leaves the wall, or the renderer stops, nobody listens any more
        fxRun(() -> cameras.remove(1));
        assertEquals(0, sources.get(1).subscribers());
        fxRun(renderer::stop);
        assertEquals(0, sources.get(0).subscribers());
        int queued = fxThread.queued();
        sources.get(0).push(TestJpegs.solid(160, 120, Color.RED, 2));
        assertEquals(queued, fxThread.queued(), "no wake-up after stop");
    }

    @Test
    void jpegsWithoutHuffmanTablesDecode() {
        // given a webcam-style JPEG: the standard tables left out
        Renderer.Target t = openOneTile(320, 240);
        byte[] tableLess = TestJpegs.withoutHuffmanTables(TestJpegs.solid(320, 240, Color.RED, 0));
        assertFalse(Jpeg.hasHuffmanTables(tableLess, 0, tableLess.length));
        // when
        sources.get(0).push(tableLess);
        pulse();
        // then
        assertEquals(1, cameras.get(0).displayed());
        assertEquals(0, cameras.get(0).corrupt());
        assertTrue(red(shown(t)) > 200);
    }

    /**
     * The picture a {@code sw}×{@code sh} frame drawn in a {@code dw}×{@code dh} tile is made at, as "WxH": the
     * letterboxed size itself with either decoder (JavaFX scales to it; libjpeg-turbo decodes at the DCT factor
     * that covers it and is fitted to it), so the screen draws it 1:1.
     */
    static String decodedSize(int sw, int sh, int dw, int dh) {
        double f = Math.min((double) dw / sw, (double) dh / sh);
        return Math.round(sw * f) + "x" + Math.round(sh * f);
    }
}
