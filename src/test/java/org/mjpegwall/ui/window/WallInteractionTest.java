package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.TestCameras.cameras;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraConnector;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.WallSession;

/** Keys, menus, dialogs and remembered choices, with synthetic sources (no network). */
class WallInteractionTest extends WallWindowCase {
    /** The wall at 800×600 unless the configuration says where. */
    @Override
    WallWindow open(WallConfig config, ConfigStore store) {
        return super.open(config.window() == null ? config.withWindow(new WindowGeometry(0, 0, 800, 600, false)) : config,
                store);
    }

    private List<String> tileTitles() {
        return fx(() -> lookup("#wall .tile").queryAllAs(Tile.class).stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getId().substring(5)), Integer.parseInt(b.getId().substring(5))))
                .map(Tile::getTitle).toList());
    }

    @Test
    void numberKeysFocusArrowsMoveAndPageKeysSwitchPages() {
        // given 6 cameras, 4 per page
        open(WallConfig.empty().withCameras(cameras(6)).withTilesPerPage(4), null);
        clickOn("#tile-1");
        // when / then: 3 focuses the third camera, Esc returns
        type(KeyCode.DIGIT3);
        waitUntil(5, "camera 3 focused", () -> "Cam 3".equals(wall.focusTile().getTitle()) && wall.focusTile().isVisible());
        type(KeyCode.ESCAPE);
        waitUntil(5, "back on the wall", () -> !wall.focusTile().isVisible());
        // arrows move the selection
        type(KeyCode.RIGHT);
        assertEquals("Cam 4", fx(() -> wall.model().selectedCamera().config().name()));
        // Enter focuses the selection
        type(KeyCode.ENTER);
        waitUntil(5, "selection focused", () -> "Cam 4".equals(wall.focusTile().getTitle()));
        type(KeyCode.ESCAPE);
        // Page Down shows the second page
        type(KeyCode.PAGE_DOWN);
        waitUntil(5, "page 2", () -> tileTitles().equals(List.of("Cam 5", "Cam 6")));
        assertEquals("Page 2 of 2   (Page Up / Page Down)", fx(() -> lookup("#page-label").queryAs(Label.class).getText()));
        type(KeyCode.PAGE_UP);
        waitUntil(5, "page 1", () -> tileTitles().equals(List.of("Cam 1", "Cam 2", "Cam 3", "Cam 4")));
    }

    @Test
    void statsKeyShowsStatsOnEveryTileAndIsRemembered() throws Exception {
        // given two live cameras (stats show only while a camera is live: frames keep coming)
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        open(WallConfig.empty().withCameras(cameras(2)), store);
        byte[] red = TestJpegs.solid(160, 120, Color.RED, 0);
        java.util.concurrent.ScheduledExecutorService camera = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        camera.scheduleAtFixedRate(() -> sources.values().forEach(s -> s.push(red)), 0, 100, TimeUnit.MILLISECONDS);
        try {
            statsAppearAndAreRemembered(store);
        } finally {
            camera.shutdownNow();
        }
    }

    private void statsAppearAndAreRemembered(ConfigStore store) {
        waitUntil(10, "both live", () -> wall.model().cameras().stream().allMatch(c -> c.statusProperty().get().live()));
        assertTrue(fx(() -> lookup("#wall .tile-stats").queryAll().stream().noneMatch(n -> n.isVisible())));
        // when
        clickOn("#tile-1");
        type(KeyCode.I);
        // then
        waitUntil(5, "stats visible", () -> lookup("#wall .tile-stats").queryAll().stream().allMatch(n -> n.isVisible()));
        waitUntil(5, "saved", () -> {
            try {
                return store.load().map(WallConfig::showStats).orElse(false);
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aMinimisedWindowDecodesNothing() {
        // given a live wall
        open(WallConfig.empty().withCameras(cameras(2)), null);
        TestSource s = sources.get("cam1");
        s.push(TestJpegs.solid(160, 120, Color.RED, 0));
        CameraModel cam = fx(() -> wall.model().cameras().get(0));
        waitUntil(10, "decoded", () -> cam.decodes() == 1);
        // when minimised and frames keep coming
        fxRun(() -> wall.stage().setIconified(true));
        long pulses = fx(wall::pulses);
        s.push(TestJpegs.solid(160, 120, Color.RED, 1));
        waitUntil(10, "pulses go on", () -> wall.pulses() > pulses + 10);
        // then nothing was decoded
        assertEquals(1, fx(cam::decodes));
        // when restored, it decodes again
        fxRun(() -> wall.stage().setIconified(false));
        waitUntil(10, "decodes after restore", () -> cam.decodes() == 2);
    }

    @Test
    void dragAndDropReordersTilesAndSavesTheOrder() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        open(WallConfig.empty().withCameras(cameras(3)), store);
        // when the first tile is dragged onto the third
        drag("#tile-1").dropTo("#tile-3");
        // then
        assertEquals(List.of("Cam 2", "Cam 3", "Cam 1"), tileTitles());
        waitUntil(5, "order saved", () -> {
            try {
                return store.load().orElseThrow().cameras().stream().map(CameraConfig::name).toList()
                        .equals(List.of("Cam 2", "Cam 3", "Cam 1"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void cameraDialogExplainsABadUrlAndSavesNothing() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        open(WallConfig.empty(), store);
        fxRun(() -> wall.showCameraManager().startAdd());
        // when
        clickOn("#camera-name").write("Bad");
        clickOn("#camera-url").write("rtsp://10.0.0.1/live");
        clickOn("#camera-save");
        // then
        waitUntil(5, "message", () -> lookup("#camera-message").queryAs(Label.class).getText().contains("http://"));
        assertEquals(0, fx(() -> wall.model().cameras().size()));
        assertTrue(fx(() -> lookup("#camera-message").queryAs(Label.class).getStyleClass().contains("message-error")));
    }

    @Test
    void windowGeometryIsRememberedAcrossRestarts() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        open(WallConfig.empty().withCameras(cameras(1)).withWindow(new WindowGeometry(10, 20, 1000, 640, false)), store);
        // when the window is resized and closed
        fxRun(() -> {
            wall.stage().setWidth(900);
            wall.stage().setHeight(560);
        });
        closeWall();
        // then the saved geometry is the new size, and a restart uses it
        WallConfig saved = store.load().orElseThrow();
        assertNotNull(saved.window());
        double w = saved.window().width();
        open(saved, store);
        assertEquals(w, fx(() -> wall.stage().getWidth()), 1.0);
        assertTrue(Math.abs(w - 900) < 40, "saved width " + w);
    }

    @Test
    void windowSavedOnAMonitorThatIsGoneOpensOnTheScreen() {
        // given a window place saved on a second monitor that is no longer there
        open(WallConfig.empty().withCameras(cameras(1)).withWindow(new WindowGeometry(50_000, 40_000, 900, 600, false)),
                ConfigStore.at(home.resolve("config.json")));
        // then the window is on a screen (where the system puts it), with the saved size
        double x = fx(() -> wall.stage().getX());
        double y = fx(() -> wall.stage().getY());
        assertFalse(fx(() -> javafx.stage.Screen.getScreensForRectangle(x, y, 10, 10).isEmpty()), "at " + x + "," + y);
        assertEquals(900, fx(() -> wall.stage().getWidth()), 1.0);
    }

    @Test
    void cameraThatCannotStartSaysWhyWithoutItsPassword() {
        // given a hand-edited camera URL that does not parse, with a password in its query
        CameraConfig bad = new CameraConfig("bad", "Bad", "http://127.0.0.1:9/cgi?pwd=hunter2 x", null, null, true, null);
        WallSession session = new WallSession(null, false,
                WallConfig.empty().withCameras(List.of(bad)).withWindow(new WindowGeometry(0, 0, 800, 600, false)),
                List.of(), false, CameraConnector::connect, null);
        // when
        wall = fx(() -> new WallWindow(new Stage(), session));
        // then the tile explains, and the password is nowhere in it
        Tile tile = fx(() -> lookup("#tile-1").queryAs(Tile.class));
        waitUntil(5, "a refresh has run", () -> wall.pulses() > 30);
        String text = fx(() -> tile.getStatus().text());
        assertTrue(text.contains("Illegal character"), text);
        assertFalse(text.contains("hunter2"), text);
    }

    @Test
    void absurdSavedWindowSizeIsIgnored() {
        // given a damaged geometry (zero size)
        open(WallConfig.empty().withCameras(cameras(1)).withWindow(new WindowGeometry(10, 10, 0, -5, false)),
                ConfigStore.at(home.resolve("config.json")));
        // then the window has its minimum size at least
        assertTrue(fx(() -> wall.stage().getWidth()) >= 800);
        assertTrue(fx(() -> wall.stage().getHeight()) >= 500);
    }

    @Test
    void importReplacesTheCameras() throws Exception {
        // given an exported file with two other cameras
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        Path exported = home.resolve("export.json");
        store.exportTo(exported, WallConfig.empty().withCameras(List.of(
                CameraConfig.of("Imported A", "http://127.0.0.1:9/a"), CameraConfig.of("Imported B", "http://127.0.0.1:9/b"))));
        open(WallConfig.empty().withCameras(cameras(3)), store);
        // when
        wall.controller().transfer().importConfig(exported);
        // then
        waitUntil(10, "imported", () -> tileTitles().equals(List.of("Imported A", "Imported B")));
        waitUntil(5, "saved", () -> {
            try {
                return store.load().orElseThrow().cameras().size() == 2;
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(sources.get("cam1").isClosed(), "the replaced camera's stream is closed");
    }

    @Test
    void importingABadFileSaysWhyAndLosesNothing() throws Exception {
        // given a wall with 3 cameras saved, and three wrong files: not JSON, another program's JSON, bad cameras
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        open(WallConfig.empty().withCameras(cameras(3)), store);
        fxRun(() -> wall.controller().moveCamera(wall.model().cameras().get(0), 0)); // saves the three
        waitUntil(5, "saved", () -> Files.exists(store.file()));
        Path notJson = home.resolve("photo.jpg");
        Files.write(notJson, new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
        Path otherJson = home.resolve("package.json");
        Files.writeString(otherJson, "{\"name\": \"something else\", \"private\": true}");
        Path badCameras = home.resolve("bad.json");
        Files.writeString(badCameras, "{\"cameras\": [{\"name\": \"\", \"url\": \"ftp://x\"}]}");
        for (Path bad : List.of(notJson, otherJson, badCameras)) {
            // when
            wall.controller().transfer().importConfig(bad);
            // then an error in words, and the cameras, on screen and saved, are unchanged
            waitUntil(10, "error for " + bad, () -> lookup("#notifications .notification-error .label").queryAllAs(Label.class)
                    .stream().anyMatch(l -> l.getText().contains(bad.toString())));
            assertEquals(List.of("Cam 1", "Cam 2", "Cam 3"), tileTitles());
            assertEquals(3, store.load().orElseThrow().cameras().size());
        }
    }

    @Test
    void importSkipsUnusableCamerasAndSaysWhich() throws Exception {
        // given a file with one good camera and one with its password in the URL
        Path file = home.resolve("mixed.json");
        Files.writeString(file, "{\"cameras\": [{\"name\": \"Good\", \"url\": \"http://127.0.0.1:9/a\", \"enabled\": true},"
                + " {\"name\": \"Leaky\", \"url\": \"http://u:p@127.0.0.1:9/b\", \"enabled\": true}]}");
        open(WallConfig.empty().withCameras(cameras(2)), null);
        // when
        wall.controller().transfer().importConfig(file);
        // then
        waitUntil(10, "imported", () -> tileTitles().equals(List.of("Good")));
        waitUntil(10, "skipped named", () -> lookup("#notifications .notification-error .label").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().contains("Leaky")));
    }
}
