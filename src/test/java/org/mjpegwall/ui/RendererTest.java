package org.mjpegwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.testing.TestJpegs;
import org.testfx.api.FxToolkit;

/** The renderer's promises, with synthetic frame sources (no network): what is decoded, when, and at what size. */
class RendererTest {
    private final Map<String, TestSource> sources = new LinkedHashMap<>();
    private WallWindow wall;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (wall != null) {
            fxRun(() -> wall.stage().close());
            wall.awaitClosed(10, TimeUnit.SECONDS);
        }
    }

    private WallWindow open(int cameras, int perPage) {
        List<CameraConfig> configs = new ArrayList<>();
        for (int i = 1; i <= cameras; i++) {
            CameraConfig c = CameraConfig.of("Cam " + i, "http://127.0.0.1:9/" + i);
            configs.add(c);
            sources.put(c.id(), new TestSource());
        }
        WallConfig config = WallConfig.empty().withCameras(configs).withTilesPerPage(perPage)
                .withWindow(new WindowGeometry(0, 0, 800, 600, false));
        WallSession session = new WallSession(null, false, config, List.of(), false, c -> sources.get(c.id()), null);
        wall = fx(() -> new WallWindow(new Stage(), session));
        return wall;
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
    void aHiddenPageDecodesNothing() {
        // given 6 cameras, 4 per page: cameras 5 and 6 are on the page not shown
        open(6, 4);
        // when every camera keeps sending frames
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 6; i++) {
                source(i).push(TestJpegs.solid(160, 120, Color.GREEN, round));
            }
            int r = round;
            if (r > 5 && fx(() -> camera(0).decodes() > 2 && camera(3).decodes() > 2)) {
                break;
            }
            waitUntil(10, "page one took its frames", () -> !source(0).pending() || r < 0);
        }
        // then the visible page decoded, the hidden one did not (its frames went stale undecoded)
        assertTrue(fx(() -> camera(0).decodes()) > 0);
        assertTrue(fx(() -> camera(3).decodes()) > 0);
        assertEquals(0, fx(() -> camera(4).decodes()));
        assertEquals(0, fx(() -> camera(5).decodes()));
        assertTrue(source(4).stale() > 0);

        // when the second page is shown
        fxRun(() -> wall.model().nextPage());
        source(4).push(TestJpegs.solid(160, 120, Color.GREEN, 1));
        // then it decodes, and the first page stops
        waitUntil(10, "camera 5 decodes on its page", () -> camera(4).decodes() > 0);
        long first = fx(() -> camera(0).decodes());
        source(0).push(TestJpegs.solid(160, 120, Color.GREEN, 2));
        source(4).push(TestJpegs.solid(160, 120, Color.GREEN, 3));
        waitUntil(10, "camera 5 decodes again", () -> camera(4).decodes() > 1);
        assertEquals(first, fx(() -> camera(0).decodes()));
    }

    @Test
    void corruptFramesAreCountedAndNeverBlankTheTile() {
        // given a tile showing a good frame
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        source(0).push(TestJpegs.solid(320, 240, Color.RED, 0));
        waitUntil(10, "first frame", () -> cam.displayed() == 1);
        Image before = fx(tile::getImage);
        // when garbage arrives
        // (one at a time: pushed together, the first may go stale undecoded or be decoded, so the count would race)
        source(0).push(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        waitUntil(10, "the corrupt frame is counted", () -> cam.corrupt() == 1);
        source(0).push(new byte[] {(byte) 0xFF, (byte) 0xD8});
        waitUntil(10, "the truncated frame is counted", () -> cam.corrupt() == 2);
        // then the image stays, and the next good frame is shown
        assertSame(before, fx(tile::getImage));
        assertTrue(fx(() -> red(tile.getImage())) > 200);
        source(0).push(TestJpegs.solid(320, 240, Color.BLUE, 0));
        waitUntil(10, "the timer goes on", () -> cam.displayed() == 2 && red(tile.getImage()) < 50);
    }

    @Test
    void aStreamOfUndecodableFramesDimsTheTileWithAReasonUntilAGoodFrameComes() {
        // given a live tile
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        source(0).stats = TestSource.stats(SourceState.STREAMING, null, null);
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
        // then the decoded image is no larger than the tile, allocated once
        double[] box = fx(tile::imageBox);
        Image img = fx(tile::getImage);
        assertTrue(img.getWidth() <= box[0] + 1 && img.getWidth() < 1280, "decoded " + img.getWidth() + " for box " + box[0]);
        assertEquals(1, fx(() -> cam.wallDecoder.allocations()));
        assertEquals(1280, fx(() -> cam.wallDecoder.sourceWidth()));

        // when focused, then full resolution
        fxRun(() -> wall.model().focus(cam));
        source(0).push(TestJpegs.solid(1280, 960, Color.BLUE, 0));
        waitUntil(10, "full resolution in focus", () -> wall.focusTile().getImage() != null
                && wall.focusTile().getImage().getWidth() == 1280);
    }

    @Test
    void fullResolutionOfAHugeFrameIsScaledToTheLimitKeepingItsShape() {
        // given a decoder whose full-resolution limit is 200×150 pixels, and a 800×600 frame (16× that)
        FrameDecoder decoder = new FrameDecoder(200L * 150);
        byte[] jpeg = TestJpegs.solid(800, 600, Color.GREEN, 0);
        // when decoded at "full resolution"
        boolean ok = fx(() -> decoder.decode(jpeg, jpeg.length, 0, 0));
        // then it is shown, no larger than the limit, same aspect ratio, and the source size is still known
        assertTrue(ok);
        Image img = fx(decoder::image);
        assertTrue(img.getWidth() * img.getHeight() <= 200 * 150, img.getWidth() + "x" + img.getHeight());
        assertEquals(4.0 / 3.0, img.getWidth() / img.getHeight(), 0.05);
        assertEquals(800, fx(decoder::sourceWidth));
        // and a frame within the limit is still decoded at full size
        byte[] small = TestJpegs.solid(160, 120, Color.GREEN, 0);
        assertTrue(fx(() -> decoder.decode(small, small.length, 0, 0)));
        assertEquals(160, fx(() -> decoder.image().getWidth()));
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
        source(0).stats = TestSource.stats(SourceState.BACKOFF, "no route to host", java.time.Instant.now().plusSeconds(5));
        // then
        waitUntil(10, "overlay shown", overlay::isVisible);
        String text = fx(() -> ((javafx.scene.control.Label) tile.lookup(".tile-status")).getText());
        assertTrue(text.startsWith("no route to host\nreconnecting in "), text);
        assertTrue(fx(() -> tile.getPseudoClassStates().contains(Tile.STALE)));
        // when it streams again
        source(0).stats = TestSource.stats(SourceState.STREAMING, null, null);
        // then
        waitUntil(10, "overlay gone", () -> !overlay.isVisible());
        assertNotEquals(true, fx(() -> tile.getPseudoClassStates().contains(Tile.STALE)));
    }

    /** Red channel of the pixel in the lower middle (away from the white bar). */
    private static int red(Image img) {
        int argb = img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) (img.getHeight() * 0.75));
        return (argb >> 16) & 0xFF;
    }

    @Test
    void jpegsWithoutHuffmanTablesDecode() {
        // given a webcam-style JPEG: the standard tables left out
        open(1, 16);
        CameraModel cam = camera(0);
        Tile tile = fx(() -> wall.tile(cam));
        byte[] tableLess = withoutHuffmanTables(TestJpegs.solid(320, 240, Color.RED, 0));
        assertTrue(!org.mjpegwall.frame.Jpeg.hasHuffmanTables(tableLess, 0, tableLess.length));
        // when
        source(0).push(tableLess);
        // then
        waitUntil(10, "shown", () -> cam.displayed() == 1);
        assertEquals(0, fx(cam::corrupt));
        assertTrue(fx(() -> red(tile.getImage())) > 200);
    }

    /** Drops every DHT segment before the first scan (ImageIO writes the standard tables). */
    private static byte[] withoutHuffmanTables(byte[] jpeg) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int i = 2;
        while (i < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                out.write(jpeg, i, jpeg.length - i);
                break;
            }
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker != 0xC4) {
                out.write(jpeg, i, len + 2);
            }
            i += len + 2;
        }
        return out.toByteArray();
    }
}
