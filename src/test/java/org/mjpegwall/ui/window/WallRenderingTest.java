package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.TileStatus;
import org.mjpegwall.ui.render.FrameDecoder;

/**
 * The renderer in the wall window, with synthetic frame sources (no network): the tiles it fills, their
 * overlays, the size it decodes at, and what the focus view hides. Exact counts pulse by pulse are in
 * {@code RendererTest}; this is the window's wiring of it, on the real JavaFX pulse.
 */
class WallRenderingTest extends WallWindowCase {
    private WallWindow open(int cameras, int perPage) {
        List<CameraConfig> configs = new ArrayList<>();
        for (int i = 1; i <= cameras; i++) {
            CameraConfig c = CameraConfig.of("Cam " + i, "http://127.0.0.1:9/" + i);
            configs.add(c);
            sources.put(c.id(), new TestSource());
        }
        WallConfig config = WallConfig.empty().withCameras(configs).withTilesPerPage(perPage)
                .withWindow(new WindowGeometry(0, 0, 800, 600, false));
        return open(config, null);
    }

    private CameraModel camera(int index) {
        return fx(() -> wall.model().cameras().get(index));
    }

    private TestSource source(int index) {
        return new ArrayList<>(sources.values()).get(index);
    }

    @Test
    void showsTheNewestFrameAndItsPixelsChange() {
        // given
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        // when
        source(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        waitUntil(10, "a red frame is shown", () -> tile.getImage() != null && red(tile.getImage()) > 200);
        source(0).push(TestJpegs.solid(320, 240, Color.BLUE, 0));
        // then
        waitUntil(10, "the tile turns blue", () -> red(tile.getImage()) < 50);
    }

    @Test
    void aStreamOfUndecodableFramesDimsTheTileWithAReasonUntilAGoodFrameComes() {
        // given a live tile
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        source(0).setStats(TestSource.stats(SourceState.STREAMING, null, null));
        source(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        waitUntil(10, "live", () -> cam.statusProperty().get().live());
        // when the camera keeps streaming, but only frames that cannot be decoded (0×0, not JPEG)
        byte[] zeroByZero = TestJpegs.solid(16, 16, Color.RED, 0).clone();
        for (int i = 0; i + 8 < zeroByZero.length; i++) {
            if ((zeroByZero[i] & 0xFF) == 0xFF && (zeroByZero[i + 1] & 0xFF) == 0xC0) {
                zeroByZero[i + 5] = 0;
                zeroByZero[i + 6] = 0;
                zeroByZero[i + 7] = 0;
                zeroByZero[i + 8] = 0;
            }
        }
        for (int i = 0; i < TileStatus.BAD_FRAMES_SHOWN_AFTER; i++) {
            long before = fx(() -> cam.corrupt());
            source(0).push(i % 2 == 0 ? zeroByZero : new byte[] {1, 2, 3});
            waitUntil(10, "counted", () -> cam.corrupt() > before);
        }
        // then the tile no longer looks live: overlay with the reason over the (kept) last picture
        waitUntil(10, "bad-frames status", () -> cam.statusProperty().get().kind() == TileStatus.Kind.BAD_FRAMES);
        assertTrue(fx(() -> tile.getPseudoClassStates().contains(Tile.STALE)));
        assertTrue(fx(() -> tile.getStatus().text()).contains("cannot be shown"));
        assertTrue(fx(() -> red(tile.getImage())) > 200);
        // when a good frame comes, it is live again
        source(0).push(TestJpegs.solid(160, 120, Color.BLUE, 0));
        waitUntil(10, "live again", () -> cam.statusProperty().get().live());
    }

    @Test
    void decodesAtTheSizeDrawnAndReusesTheImage() {
        // given a 1280×960 camera in one of four tiles of an 800×600 window
        open(4, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        // when
        for (int i = 0; i < 3; i++) {
            source(0).push(TestJpegs.solid(1280, 960, Color.RED, i));
            int n = i + 1;
            waitUntil(10, "frame shown", () -> cam.displayed() == n);
        }
        // then the decoded image is the DCT factor that just covers the tile (libjpeg-turbo), or no larger than the
        // tile (JavaFX, the fallback); allocated once
        double[] box = fx(tile::imageBox);
        Image img = fx(tile::getImage);
        FrameDecoder decoder = fx(() -> ((TileBinder.Bound) tile.getUserData()).target().decoder());
        String sizes = "decoded " + img.getWidth() + "x" + img.getHeight() + " for box " + box[0] + "x" + box[1];
        if (decoder.pixelBuffered()) {
            assertTrue(img.getWidth() >= box[0] - 1 || img.getHeight() >= box[1] - 1, sizes);
            assertTrue(img.getWidth() / 2 < box[0] - 1 && img.getHeight() / 2 < box[1] - 1, sizes);
            assertTrue(img.getWidth() < 1280, sizes);
        } else {
            assertTrue(img.getWidth() <= box[0] + 1 && img.getWidth() < 1280, sizes);
        }
        assertEquals(1, fx(decoder::allocations));
        assertEquals(1280, fx(decoder::sourceWidth));

        // when focused, then full resolution
        fxRun(() -> wall.model().focus(cam));
        source(0).push(TestJpegs.solid(1280, 960, Color.BLUE, 0));
        waitUntil(10, "full resolution in focus", () -> wall.focusTile().getImage() != null
                && wall.focusTile().getImage().getWidth() == 1280);
    }

    @Test
    void theWallBehindTheFocusViewDecodesNothing() {
        // given
        open(4, 16);
        fxRun(() -> wall.model().focus(camera(2)));
        // when all cameras send
        for (int i = 0; i < 4; i++) {
            source(i).push(TestJpegs.solid(160, 120, Color.RED, i));
        }
        waitUntil(10, "the focused camera decodes", () -> camera(2).decodes() > 0);
        source(0).push(TestJpegs.solid(160, 120, Color.RED, 9));
        source(2).push(TestJpegs.solid(160, 120, Color.RED, 9));
        waitUntil(10, "the focused camera decodes again", () -> camera(2).decodes() > 1);
        // then
        assertEquals(0, fx(() -> camera(0).decodes() + camera(1).decodes() + camera(3).decodes()));
    }

    @Test
    void statusOverlayShowsTheErrorInWordsAndClearsWhenLive() {
        // given a live tile
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        source(0).push(TestJpegs.solid(160, 120, Color.RED, 0));
        waitUntil(10, "live", () -> cam.statusProperty().get().live());
        Node overlay = fx(() -> tile.lookup(".tile-overlay"));
        assertTrue(!fx(overlay::isVisible));
        // when the camera fails
        source(0).setStats(TestSource.stats(SourceState.BACKOFF, "no route to host", java.time.Instant.now().plusSeconds(5)));
        // then
        waitUntil(10, "overlay shown", overlay::isVisible);
        String text = fx(() -> ((javafx.scene.control.Label) tile.lookup(".tile-status")).getText());
        assertTrue(text.startsWith("no route to host\nreconnecting in "), text);
        assertTrue(fx(() -> tile.getPseudoClassStates().contains(Tile.STALE)));
        // when it streams again
        source(0).setStats(TestSource.stats(SourceState.STREAMING, null, null));
        // then
        waitUntil(10, "overlay gone", () -> !overlay.isVisible());
        assertNotEquals(true, fx(() -> tile.getPseudoClassStates().contains(Tile.STALE)));
    }

    /** Red channel of the pixel in the lower middle (away from the white bar). */
    private static int red(Image img) {
        int argb = img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) (img.getHeight() * 0.75));
        return (argb >> 16) & 0xFF;
    }
}
