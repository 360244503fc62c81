package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.demo.DemoCamera;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegServer;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.DemoCameras;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.model.WallSession;
import org.mjpegwall.ui.model.WallStart;

/** The wall end to end: real demo cameras over HTTP on 127.0.0.1, the real client, TestFX input. */
class WallTest extends WallWindowCase {
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    /** Closes the wall before the cameras it watches, then those, newest first. */
    @AfterEach
    void closeCameras() throws Exception {
        closeWall();
        Collections.reverse(cleanup);
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private DemoCameras demo(int n) {
        DemoCameras d = DemoCameras.start(n, 320, 240, 15);
        cleanup.add(d);
        return d;
    }

    private static WallConfig windowed(WallConfig c) {
        return c.withWindow(new WindowGeometry(0, 0, 900, 640, false));
    }

    private List<Tile> tiles() {
        return fx(() -> lookup("#wall .tile").queryAllAs(Tile.class).stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId())).toList());
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] p = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), p, 0, w);
        return p;
    }

    @Test
    void windowCarriesTheAppIcon() {
        // when
        WallWindow w = open(new WallSession(null, false, windowed(WallConfig.empty()), List.of(), false, WallTest::fastConnector, null));
        // then the icons from the installer's set are loaded, in both sizes
        List<Double> widths = fx(() -> w.stage().getIcons().stream().map(Image::getWidth).toList());
        assertEquals(List.of(32.0, 256.0), widths);
    }

    @Test
    void showsOneTilePerDemoCameraAndTheirPixelsChange() {
        // given
        DemoCameras demo = demo(4);
        open(new WallSession(null, false, windowed(WallConfig.empty()), demo.cameras(), false, WallTest::fastConnector, null));
        // then four tiles
        List<Tile> tiles = tiles();
        assertEquals(4, tiles.size());
        waitUntil(20, "every tile shows a frame", () -> tiles.stream().allMatch(t -> t.getImage() != null));
        List<int[]> first = fx(() -> tiles.stream().map(t -> pixels(t.getImage())).toList());
        // when time passes, then every tile's pixels change
        for (int i = 0; i < 4; i++) {
            Tile t = tiles.get(i);
            int[] before = first.get(i);
            waitUntil(20, "tile " + (i + 1) + " changes", () -> !Arrays.equals(before, pixels(t.getImage())));
        }
        assertEquals("Demo 1", fx(() -> ((Label) tiles.get(0).lookup(".tile-name")).getText()));
    }

    @Test
    void statusOverlayAppearsWhenTheServerGoesAwayAndClearsWhenItComesBack() throws Exception {
        // given a camera served by a server we control
        FrameHub hub = new FrameHub();
        DemoCamera pattern = new DemoCamera("Door", 320, 240);
        Thread publisher = new Thread(() -> {
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                hub.publish(new Frame(pattern.render(n), n, System.currentTimeMillis(), System.nanoTime()));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-publisher");
        publisher.setDaemon(true);
        publisher.start();
        cleanup.add(() -> {
            publisher.interrupt();
            publisher.join(5000);
        });
        MjpegServer server = MjpegServer.builder().port(0).build();
        server.addCamera("door", "Door", hub);
        server.start();
        int port = server.port();
        CameraConfig door = CameraConfig.of("Door", server.streamUri("door").toString());
        open(new WallSession(null, false, windowed(WallConfig.empty().withCamera(door)), List.of(), false,
                WallTest::fastConnector, null));
        Tile tile = tiles().get(0);
        Node overlay = fx(() -> tile.lookup(".tile-overlay"));
        waitUntil(20, "live", () -> tile.getImage() != null && !overlay.isVisible());

        // when the server goes away
        server.close();
        // then the overlay says why, over the dimmed last frame
        waitUntil(20, "overlay shown", overlay::isVisible);
        String text = fx(() -> ((Label) tile.lookup(".tile-status")).getText());
        assertFalse(text.isBlank());
        assertTrue(fx(() -> tile.getImage() != null && tile.getPseudoClassStates().contains(Tile.STALE)));

        // when it comes back on the same port
        MjpegServer again = MjpegServer.builder().port(port).build();
        again.addCamera("door", "Door", hub);
        again.start();
        cleanup.add(again);
        // then the overlay clears
        waitUntil(30, "overlay cleared", () -> !overlay.isVisible());
    }

    @Test
    void doubleClickFocusesACameraAndEscGoesBack() {
        // given
        DemoCameras demo = demo(4);
        open(new WallSession(null, false, windowed(WallConfig.empty()), demo.cameras(), false, WallTest::fastConnector, null));
        waitUntil(20, "frames", () -> tiles().stream().allMatch(t -> t.getImage() != null));
        // when
        doubleClickOn("#tile-2");
        // then
        waitUntil(10, "focus view shown", () -> lookup("#focus-tile").query().isVisible() && !lookup("#wall").query().isVisible());
        assertEquals("Demo 2", fx(() -> wall.focusTile().getTitle()));
        waitUntil(20, "full resolution", () -> wall.focusTile().getImage() != null
                && wall.focusTile().getImage().getWidth() == 320);
        // when
        type(KeyCode.ESCAPE);
        // then
        waitUntil(10, "wall shown again", () -> !lookup("#focus-tile").query().isVisible() && lookup("#wall").query().isVisible());
    }

    @Test
    void firstStartShowsDemosAndAnAddedCameraIsSavedAndShownAfterARestart() throws Exception {
        // given a first start: no configuration file in the temporary home
        DemoCameras other = demo(1);
        String url = other.cameras().get(0).url();
        Path file = home.resolve("mjpeg-wall/config.json");
        WallSession first = WallStart.prepare(new WallStart.Options(file, 0, 320, 240, 15));
        cleanup.add(() -> first.onClose().run());
        open(first);
        assertEquals(4, tiles().size());
        assertTrue(fx(() -> lookup("#hint").tryQuery().isPresent()));

        // when a camera is added in the dialog
        press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        waitUntil(10, "camera manager open", () -> lookup("#camera-manager").tryQuery().isPresent());
        clickOn("#add-camera");
        clickOn("#camera-name").write("Porch");
        clickOn("#camera-url").write(url);
        clickOn("#camera-save");

        // then it is saved at once, without the demo cameras, readable only by the user
        WallConfig saved = pollSaved(file, "Porch");
        assertEquals(List.of("Porch"), saved.cameras().stream().map(CameraConfig::name).toList());
        assertEquals(url, saved.cameras().get(0).url());
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));

        // when the program restarts
        closeWall();
        WallSession second = WallStart.prepare(new WallStart.Options(file, 0, 320, 240, 15));
        open(second);
        // then it shows the camera, live, and no demo cameras
        List<Tile> tiles = tiles();
        assertEquals(1, tiles.size());
        assertEquals("Porch", fx(() -> tiles.get(0).getTitle()));
        waitUntil(20, "Porch is live", () -> tiles.get(0).getImage() != null);
        assertFalse(fx(() -> lookup("#hint").tryQuery().isPresent()));
    }

    private static WallConfig pollSaved(Path file, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                WallConfig c = ConfigStore.at(file).load().orElseThrow();
                if (c.cameras().stream().anyMatch(x -> x.name().equals(name))) {
                    return c;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("camera " + name + " was not saved to " + file);
    }

    @Test
    void snapshotWritesTheExactBytesOfAReceivedFrame() throws Exception {
        // given a demo camera and a pictures folder in the temporary home
        DemoCameras demo = demo(1);
        Path pictures = home.resolve("pictures");
        open(new WallSession(null, false, windowed(WallConfig.empty().withPicturesFolder(pictures.toString())),
                demo.cameras(), false, WallTest::fastConnector, null));
        CameraModel cam = fx(() -> wall.model().cameras().get(0));
        ConcurrentLinkedDeque<byte[]> received = new ConcurrentLinkedDeque<>();
        cleanup.add(cam.source().subscribe(f -> {
            received.addLast(f.jpeg());
            while (received.size() > 200) {
                received.pollFirst();
            }
        }));
        waitUntil(20, "frames", () -> cam.displayed() > 2);
        // when the snapshot key is pressed
        clickOn("#tile-1");
        type(KeyCode.S);
        // then a file appears whose bytes equal a frame the client received
        waitUntil(10, "snapshot written", () -> listJpegs(pictures).size() == 1);
        Path file = listJpegs(pictures).get(0);
        assertTrue(file.getFileName().toString().startsWith("Demo_1_"), file.toString());
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(received.stream().anyMatch(f -> Arrays.equals(f, bytes)), "snapshot equals a received frame");
        waitUntil(10, "notification with the path", () -> lookup("#notifications .notification-path").queryAll()
                .stream().anyMatch(n -> file.toString().equals(n.getAccessibleText())));
    }

    private static List<Path> listJpegs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void camerasOnAHiddenPageAreReceivedButNeverDecoded() {
        // given 5 demo cameras with 4 per page
        DemoCameras demo = demo(5);
        open(new WallSession(null, false, windowed(WallConfig.empty().withTilesPerPage(4)), demo.cameras(), false,
                WallTest::fastConnector, null));
        CameraModel hidden = fx(() -> wall.model().cameras().get(4));
        // when the first page has been live for a while
        waitUntil(20, "page one decodes", () -> wall.model().cameras().get(0).decodes() > 10);
        waitUntil(20, "the hidden camera receives", () -> hidden.source().received() > 10);
        // then the hidden camera decoded nothing
        assertEquals(0, fx(hidden::decodes));
        assertEquals(4, tiles().size());
        // when its page is shown, it decodes
        type(KeyCode.PAGE_DOWN);
        waitUntil(20, "hidden camera decodes on its page", () -> hidden.decodes() > 0);
        assertEquals(1, tiles().size());
    }

    @Test
    void recordButtonRecordsTheCameraToAnAviFileWithTheReceivedFrames() throws Exception {
        // given
        DemoCameras demo = demo(1);
        Path videos = home.resolve("videos");
        open(new WallSession(null, false, windowed(WallConfig.empty().withRecordingsFolder(videos.toString())),
                demo.cameras(), false, WallTest::fastConnector, null));
        CameraModel cam = fx(() -> wall.model().cameras().get(0));
        waitUntil(20, "frames", () -> cam.displayed() > 2);
        Tile tile = tiles().get(0);
        // when recording starts from the tile's button
        moveTo("#tile-1");
        clickOn("#tile-1 .tile-record");
        // then the red indicator shows the elapsed time
        waitUntil(10, "indicator", () -> tile.lookup(".tile-recording").isVisible()
                && tile.getPseudoClassStates().contains(Tile.RECORDING));
        waitUntil(10, "elapsed time", () -> ((Label) tile.lookup(".tile-rec-time")).getText().matches("REC 0:0[1-9]"));
        // when stopped with the key
        clickOn("#tile-1");
        type(KeyCode.R);
        waitUntil(10, "indicator gone", () -> !tile.lookup(".tile-recording").isVisible());
        // then a playable AVI holds the frames, byte for byte as JPEGs
        waitUntil(10, "file finished", () -> listFiles(videos, ".avi").size() == 1);
        Path avi = listFiles(videos, ".avi").get(0);
        List<byte[]> frames = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (org.mjpegwall.record.AviReader r = org.mjpegwall.record.AviReader.open(avi)) {
                frames = r.readFrames();
                if (frames.size() >= 10) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // the writer may still be finishing the file
            }
            Thread.sleep(100);
        }
        assertTrue(frames != null && frames.size() >= 10, "frames recorded: " + (frames == null ? 0 : frames.size()));
        assertNotNull(Jpeg.size(frames.get(0), 0, frames.get(0).length));
    }

    @Test
    void shareServesTheCameraOnLoopbackAndShowsTheUrl() throws Exception {
        // given
        DemoCameras demo = demo(1);
        open(new WallSession(null, false, windowed(WallConfig.empty()), demo.cameras(), false, WallTest::fastConnector, null));
        CameraModel cam = fx(() -> wall.model().cameras().get(0));
        waitUntil(20, "frames", () -> cam.displayed() > 2);
        // when
        clickOn("#tile-1");
        type(KeyCode.U);
        // then the dialog shows a loopback URL that serves the camera
        waitUntil(10, "share dialog", () -> lookup("#share-url").tryQuery().isPresent());
        String url = fx(() -> lookup("#share-url").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        assertEquals(url, fx(() -> cam.shareUrlProperty().get()));
        try (CameraFeed viewer = new CameraFeed(MjpegClient.builder(URI.create(url)).build(), 1 << 20, 3)) {
            viewer.start();
            Frame f = viewer.nextFrame().get(20, TimeUnit.SECONDS);
            assertNotNull(Jpeg.size(f.jpeg(), 0, f.size()));
        }
        // when sharing stops, the URL goes away
        fxRun(() -> wall.tile(cam).fire(TileAction.SHARE));
        waitUntil(10, "share stopped", () -> cam.shareUrlProperty().get() == null);
    }

    private static List<Path> listFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void testConnectionShowsTheFirstFrameOrTheErrorInWords() throws Exception {
        // given the camera manager and a demo camera
        DemoCameras demo = demo(1);
        open(new WallSession(null, false, windowed(WallConfig.empty()), List.of(), false, WallTest::fastConnector, null));
        fxRun(() -> wall.showCameraManager().startAdd());
        clickOn("#camera-name").write("Test");
        clickOn("#camera-url").write(demo.cameras().get(0).url());
        // when
        clickOn("#camera-test");
        // then the preview shows the camera's frame
        waitUntil(20, "preview", () -> lookup("#camera-preview").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        assertTrue(fx(() -> lookup("#camera-message").queryAs(Label.class).getText()).startsWith("Connected: 320×240"));

        // when the URL points at a port nobody listens on
        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        fxRun(() -> lookup("#camera-url").queryAs(javafx.scene.control.TextField.class)
                .setText("http://127.0.0.1:" + freePort + "/video"));
        clickOn("#camera-test");
        // then the error is in words, and nothing was added to the wall
        waitUntil(20, "error", () -> lookup("#camera-message").queryAs(Label.class).getText().startsWith("Could not get a frame: "));
        String message = fx(() -> lookup("#camera-message").queryAs(Label.class).getText());
        assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains("refused"), message);
        assertEquals(0, fx(() -> wall.model().cameras().size()));
    }
}
