package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mjpegwall.ui.FxTesting.fxRun;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.decode.Decoded;
import org.mjpegwall.frame.decode.JpegDecodeException;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.QueuedExecutor;
import org.mjpegwall.ui.model.CameraModel;

/**
 * Every renderer case on the wall's own path: libjpeg-turbo at the DCT factor that covers the drawn size, straight
 * into two {@code PixelBuffer}s per tile; and what double buffering promises: the screen never shows the memory
 * being written, and the memory that left the screen is written again only after a pulse has synced the scene.
 */
class RendererTest extends RendererCases {
    /** Called on the worker after each decode has written its pixels, with the memory written. */
    private Consumer<ByteBuffer> afterWrite = written -> { };
    private final List<String> decoderNames = new ArrayList<>();

    @BeforeEach
    void turboLoads() {
        requireTurbo();
    }

    @Override
    TileDecoding decoding() {
        return TileDecoding.with(() -> new Watched(JpegDecoders.open()));
    }

    /**
     * Skips where libjpeg-turbo is missing, but fails under CI (CI=true), where {@code .ci/run} installs it, so a
     * missing install step cannot turn into a silent skip.
     */
    static void requireTurbo() {
        if (!JpegDecoders.turboAvailable() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("libjpeg-turbo must load under CI: " + JpegDecoders.unavailableReason());
        }
        assumeTrue(JpegDecoders.turboAvailable(), "libjpeg-turbo: " + JpegDecoders.unavailableReason());
    }

    /** The real decoder, reporting each write to {@link #afterWrite}. */
    private final class Watched implements JpegDecoder {
        private final JpegDecoder inner;

        Watched(JpegDecoder inner) {
            this.inner = inner;
            decoderNames.add(inner.name());
        }

        @Override
        public Decoded decode(byte[] data, int off, int len, int maxWidth, int maxHeight, PixelLayout layout,
                OutputBuffer out) throws JpegDecodeException {
            Decoded d = inner.decode(data, off, len, maxWidth, maxHeight, layout, out);
            afterWrite.accept(d.pixels());
            return d;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** Whether every sampled pixel of the picture is close to {@code rgb} (below the white bar at the top). */
    private static boolean allOf(Image img, int rgb) {
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        for (int y = h / 4; y < h; y += Math.max(1, h / 16)) {
            for (int x = 0; x < w; x += Math.max(1, w / 16)) {
                int argb = r.getArgb(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 40) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void tilesDecodeWithLibjpegTurboOneDecoderPerWorkerThread() {
        // given
        open(2);
        visible = List.of(tile(0, 320, 240), tile(1, 320, 240));
        // when both cameras send two frames
        for (int i = 0; i < 2; i++) {
            sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, i));
            sources.get(1).push(TestJpegs.solid(320, 240, Color.RED, i));
            pulse();
        }
        // then all four were decoded by one libjpeg-turbo decoder: the one of the only worker thread (the FX thread here)
        assertEquals(2, cameras.get(0).displayed());
        assertEquals(2, cameras.get(1).displayed());
        assertEquals(List.of("libjpeg-turbo"), decoderNames);
        assertTrue(visible.get(0).decoder().pixelBuffered());
    }

    @Test
    void twoPictureBuffersTakeTurnsAndANewSizeMakesNewOnes() {
        // given
        Renderer.Target t = openOneTile(320, 240);
        // when three frames come
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, i));
            pulse();
            images.add(shown(t));
        }
        // then the tile showed its two pictures in turn, allocated once
        assertNotSame(images.get(0), images.get(1));
        assertSame(images.get(0), images.get(2));
        assertEquals(1, t.decoder().allocations());
        // when the camera changes its size (and so the picture's, letterboxed in the same tile)
        sources.get(0).push(TestJpegs.solid(480, 270, Color.RED, 3));
        pulse();
        // then a new pair of pictures, of the new size
        assertEquals(2, t.decoder().allocations());
        assertEquals("320x180", size(shown(t)));
        assertNotSame(images.get(0), shown(t));
        assertNotSame(images.get(1), shown(t));
    }

    @Test
    void aTilesPictureIsMadeExactlyTheSizeItIsDrawnAtSoTheScreenCopiesIt1To1() {
        // given a 640×480 camera in a 16:9 tile box of 316×176 device pixels, and the same camera in a focus view
        Renderer.Target t = openOneTile(316, 176);
        // when
        sources.get(0).push(TestJpegs.solid(640, 480, Color.RED, 0));
        pulse();
        // then the picture is the letterboxed size itself (decoded at 1/2, 320×240, and fitted), all red
        assertEquals("235x176", size(shown(t)));
        assertTrue(allOf(shown(t), 0xFF0000));
        assertEquals(640, t.decoder().sourceWidth());
        // when the focus view shows it, then the picture stays at the factor that covers it (drawn smoothly)
        Renderer.Target focus = fullResolution(0, 316, 176);
        visible = List.of(focus);
        sources.get(0).push(TestJpegs.solid(640, 480, Color.RED, 1));
        pulse();
        assertEquals("320x240", size(shown(focus)));
    }

    @Test
    void theFocusViewDecodesAtTheFactorThatCoversItAndAtFullSizeWhenLarger() {
        // given a 1280×960 camera in a focus view of 640×480 device pixels
        open(1);
        Renderer.Target focus = fullResolution(0, 640, 480);
        visible = List.of(focus);
        // when
        sources.get(0).push(TestJpegs.solid(1280, 960, Color.RED, 0));
        pulse();
        // then at 1/2, which is as sharp as the view shows it
        assertEquals("640x480", size(shown(focus)));
        // when the focus view is a little larger than that, then at full size
        Renderer.Target larger = fullResolution(0, 700, 500);
        visible = List.of(larger);
        sources.get(0).push(TestJpegs.solid(1280, 960, Color.RED, 1));
        pulse();
        assertEquals("1280x960", size(shown(larger)));
    }

    @Test
    void aTileNeverShowsTheBufferBeingWrittenNorWritesOneBeforeThePulseSyncedItOffTheScreen() {
        // given a decode pool and an FX queue that run when told, and a watch on every write
        QueuedExecutor pool = new QueuedExecutor();
        QueuedExecutor fxThread = new QueuedExecutor();
        open(1, pool, fxThread);
        Renderer.Target t = tile(0, 320, 240);
        visible = List.of(t);
        CameraModel cam = cameras.get(0);
        List<String> seenWhileWriting = new ArrayList<>();
        afterWrite = written -> {
            Image onScreen = shown(t);
            TurboPixels pixels = (TurboPixels) t.decoder().pixels();
            assertNotSame(pixels.shownMemory(), written, "the decoder wrote the memory on screen");
            seenWhileWriting.add(onScreen == null ? "nothing"
                    : allOf(onScreen, 0xFF0000) ? "red" : allOf(onScreen, 0x0000FF) ? "blue" : "mixed");
        };
        // when a red frame is decoded, and a blue one arrives before the next pulse
        sources.get(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        pulse();
        fxRun(pool::runQueued);
        sources.get(0).push(TestJpegs.solid(320, 240, Color.BLUE, 1));
        fxRun(fxThread::runQueued);
        assertEquals(0, pool.queued(), "one decode per tile: blue waits while red is not shown yet");
        // then the pulse shows red, and blue goes to be decoded into the other buffer, red staying whole on screen
        pulse();
        assertTrue(allOf(shown(t), 0xFF0000));
        assertEquals(1, pool.queued());
        fxRun(pool::runQueued);
        assertEquals(List.of("nothing", "red"), seenWhileWriting);
        // when a green frame arrives and the next pulse shows blue
        sources.get(0).push(TestJpegs.solid(320, 240, Color.GREEN, 2));
        fxRun(fxThread::runQueued);
        pulse();
        // then blue is on screen, and green waits: the red buffer left the screen in this pulse, whose sync comes
        // after the renderer's turn
        assertTrue(allOf(shown(t), 0x0000FF));
        assertEquals(0, pool.queued());
        assertEquals(2, cam.decodes());
        assertTrue(sources.get(0).pending());
        assertEquals(1, fxThread.queued(), "a retry right after the pulse");
        // ... and right after the pulse it is decoded into the red buffer, blue staying whole on screen
        fxRun(fxThread::runQueued);
        assertEquals(1, pool.queued());
        assertEquals(3, cam.decodes());
        fxRun(pool::runQueued);
        assertEquals(List.of("nothing", "red", "blue"), seenWhileWriting);
        pulse();
        assertNotNull(shown(t));
        assertTrue(allOf(shown(t), 0x00FF00), "green shown");
        assertEquals(0, sources.get(0).stale(), "no frame was dropped while waiting");
    }
}
