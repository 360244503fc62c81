package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.TestCameras.cameras;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.SecondWindowConfig;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraModel;

/**
 * The wall as a desktop program: window sizes, full screen and kiosk mode, quitting while cameras
 * record, recording and sharing that come back after a restart, dialogs, and the tile's layout.
 * Synthetic sources (no network); the window-manager run in packaging/ covers what Monocle cannot.
 */
class WallDesktopTest extends WallWindowCase {
    /** The saved configuration; an empty one while nothing was saved yet. */
    private WallConfig saved() {
        try {
            return store().load().orElse(WallConfig.empty());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void live(String... ids) {
        for (String id : ids) {
            sources.get(id).push(TestJpegs.solid(320, 240, Color.DARK_GRAY, 1));
        }
        waitUntil(10, "live", () -> List.of(ids).stream().allMatch(id -> wall.model().cameras().stream()
                .anyMatch(c -> c.id().equals(id) && c.statusProperty().get().live())));
    }

    /** Keeps frames coming to the cameras (10 a second) until closed: a camera without new frames is not live. */
    private AutoCloseable streaming(Map<String, byte[]> frames) {
        java.util.concurrent.ScheduledExecutorService camera = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        camera.scheduleAtFixedRate(() -> frames.forEach((id, jpeg) -> sources.get(id).push(jpeg)), 0, 100,
                TimeUnit.MILLISECONDS);
        return camera::shutdownNow;
    }

    private void shortcut(KeyCode key) {
        press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void mainWindowOpensAtItsDefaultSizeAndNeverSavesLessThanItsMinimum() {
        // given a first start (no saved geometry)
        open(WallConfig.empty().withCameras(cameras(1)), store());
        // then the default size, within the screen, and a minimum the window manager enforces
        assertEquals(1152, fx(() -> wall.stage().getWidth()), 1.0, "90 % of Monocle's 1280 px screen");
        assertEquals(720, fx(() -> wall.stage().getHeight()), 1.0);
        assertEquals(800, fx(() -> wall.stage().getMinWidth()), 0.1);
        assertEquals(500, fx(() -> wall.stage().getMinHeight()), 0.1);
        // when the window system reports the 200×200 glitch of JavaFX 21 under a window manager
        fxRun(() -> {
            wall.stage().setMinWidth(0);
            wall.stage().setMinHeight(0);
            wall.stage().setWidth(202);
            wall.stage().setHeight(225);
        });
        fxRun(() -> wall.stage().close());
        // then that size is not saved
        WindowGeometry g = fx(() -> store().load()).map(WallConfig::window).orElse(null);
        assertTrue(g == null || (g.width() >= 800 && g.height() >= 500), String.valueOf(g));
    }

    @Test
    void escLeavesTheFocusViewFirstThenFullScreenWhichHidesTheMenu() {
        // given a full-screen wall showing one camera in focus
        open(WallConfig.empty().withCameras(cameras(2)), null);
        clickOn("#tile-1");
        type(KeyCode.F11);
        waitUntil(5, "full screen", () -> wall.stage().isFullScreen());
        assertFalse(fx(() -> lookup("#menu-bar").query().isVisible()), "no menu bar in full screen");
        type(KeyCode.ENTER);
        waitUntil(5, "focused", () -> wall.focusTile().isVisible());
        // when Esc
        type(KeyCode.ESCAPE);
        // then back on the wall, still full screen
        waitUntil(5, "wall shown", () -> !wall.focusTile().isVisible());
        assertTrue(fx(() -> wall.stage().isFullScreen()));
        // when Esc again, full screen ends and the menu is back
        type(KeyCode.ESCAPE);
        waitUntil(5, "window again", () -> !wall.stage().isFullScreen());
        assertTrue(fx(() -> lookup("#menu-bar").query().isVisible()));
    }

    @Test
    void kioskModeHidesMenuAndPointerIsRememberedAndEscAsksBeforeLeaving() {
        // given
        open(WallConfig.empty().withCameras(cameras(2)), store());
        // when kiosk mode is chosen (View ▸ Kiosk mode, Ctrl+K)
        clickOn("#tile-1");
        shortcut(KeyCode.K);
        // then full screen, no menu, remembered
        waitUntil(5, "kiosk", () -> wall.stage().isFullScreen() && wall.kiosk().isKiosk());
        assertFalse(fx(() -> lookup("#menu-bar").query().isVisible()));
        waitUntil(5, "saved", () -> saved().kiosk());
        // and the pointer goes away when idle, and comes back when moved
        moveTo("#tile-1");
        waitUntil(5, "hover buttons", () -> lookup("#tile-1 .tile-buttons").query().isVisible());
        waitUntil(10, "pointer hidden", () -> wall.stage().getScene().getCursor() == Cursor.NONE);
        assertEquals(0, fx(() -> lookup("#tile-1 .tile-buttons").query().getOpacity()), 0.01, "no buttons either");
        moveBy(10, 10);
        waitUntil(5, "pointer back", () -> wall.stage().getScene().getCursor() != Cursor.NONE);
        waitUntil(5, "buttons back", () -> lookup("#tile-1 .tile-buttons").query().getOpacity() == 1);
        // when Esc, it asks; "Stay" keeps kiosk mode
        type(KeyCode.ESCAPE);
        waitUntil(5, "asked", () -> lookup("#leave-kiosk-dialog").tryQuery().isPresent());
        clickOn("#leave-kiosk-dialog-no");
        waitUntil(5, "dialog gone", () -> lookup("#leave-kiosk-dialog").tryQuery().isEmpty());
        assertTrue(fx(() -> wall.kiosk().isKiosk() && wall.stage().isFullScreen()));
        // when Esc and "Leave kiosk mode"
        type(KeyCode.ESCAPE);
        waitUntil(5, "asked again", () -> lookup("#leave-kiosk-dialog").tryQuery().isPresent());
        clickOn("#leave-kiosk-dialog-yes");
        // then a window with its menu again, remembered
        waitUntil(5, "left", () -> !wall.kiosk().isKiosk() && !wall.stage().isFullScreen());
        assertTrue(fx(() -> lookup("#menu-bar").query().isVisible()));
        waitUntil(5, "saved", () -> !saved().kiosk());
    }

    @Test
    void kioskModeIsRememberedAcrossRestarts() {
        // when the configuration says kiosk
        open(WallConfig.empty().withCameras(cameras(1)).withKiosk(true, 0), store());
        // then the wall starts in it
        waitUntil(5, "kiosk", () -> wall.kiosk().isKiosk() && wall.stage().isFullScreen());
        assertFalse(fx(() -> lookup("#menu-bar").query().isVisible()));
    }

    @Test
    void quitAsksWhileRecordingAndRecordingResumesAfterARestart() throws Exception {
        // given a camera recording
        Path videos = home.resolve("videos");
        open(WallConfig.empty().withCameras(cameras(2)).withRecordingsFolder(videos.toString()), store());
        live("cam1", "cam2");
        clickOn("#tile-1");
        type(KeyCode.R);
        CameraModel cam1 = fx(() -> wall.model().cameras().get(0));
        waitUntil(10, "recording", () -> cam1.recordingProperty().get());
        waitUntil(5, "saved as recording", () -> saved().recording().equals(List.of("cam1")));
        // when Ctrl+Q
        shortcut(KeyCode.Q);
        // then it asks, naming the camera; "Keep running" keeps it running and recording
        waitUntil(5, "asked", () -> lookup("#quit-dialog").tryQuery().isPresent());
        String question = fx(() -> lookup("#quit-dialog-text").queryAs(Label.class).getText());
        assertTrue(question.contains("Recording of Cam 1 stops now"), question);
        clickOn("#quit-dialog-no");
        waitUntil(5, "dialog gone", () -> lookup("#quit-dialog").tryQuery().isEmpty());
        assertTrue(fx(() -> wall.stage().isShowing() && cam1.recordingProperty().get()));
        // when Ctrl+Q and Quit
        for (int i = 0; i < 5; i++) {
            sources.get("cam1").push(TestJpegs.solid(320, 240, Color.DARK_GRAY, i));
        }
        shortcut(KeyCode.Q);
        waitUntil(5, "asked again", () -> lookup("#quit-dialog").tryQuery().isPresent());
        clickOn("#quit-dialog-yes");
        // then the wall closes, the file is finished, and the camera is still set to record
        WallWindow closing = wall;
        assertTrue(closing.awaitClosed(15, TimeUnit.SECONDS));
        wall = null;
        assertEquals(1, aviFiles(videos).size());
        try (var reader = org.mjpegwall.record.AviReader.open(aviFiles(videos).get(0))) {
            assertTrue(reader.readFrames().size() >= 5);
        }
        assertEquals(List.of("cam1"), saved().recording());
        // when the wall starts again
        sources.clear();
        open(saved(), store());
        // then it records the camera again and says so
        CameraModel again = fx(() -> wall.model().cameras().get(0));
        waitUntil(10, "recording again", () -> again.recordingProperty().get());
        assertFalse(fx(() -> wall.model().cameras().get(1).recordingProperty().get()));
        waitUntil(5, "said so", () -> lookup("#notifications .notification-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Recording again: Cam 1")));
        // when the user stops it, it is no longer set to record
        clickOn("#tile-1");
        type(KeyCode.R);
        waitUntil(5, "stopped and saved", () -> saved().recording().isEmpty());
    }

    private static List<Path> aviFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".avi")).toList();
        }
    }

    @Test
    void quittingWithNothingRecordingOrSharedAsksNothing() throws Exception {
        // given
        open(WallConfig.empty().withCameras(cameras(1)), null);
        clickOn("#tile-1");
        // when
        shortcut(KeyCode.Q);
        // then
        assertTrue(wall.awaitClosed(15, TimeUnit.SECONDS));
        wall = null;
    }

    @Test
    void cameraManagerOpensWithTheSelectedCameraAtAUsableSizeAndEscClosesIt() {
        // given the second camera selected
        open(WallConfig.empty().withCameras(cameras(3)), null);
        clickOn("#tile-2");
        // when Ctrl+M
        shortcut(KeyCode.M);
        // then the manager shows that camera, at least 500×350
        waitUntil(5, "manager", () -> lookup("#camera-manager").tryQuery().isPresent());
        ListView<?> list = fx(() -> lookup("#camera-list").queryAs(ListView.class));
        assertEquals("Cam 2", fx(() -> ((CameraConfig) list.getSelectionModel().getSelectedItem()).name()));
        assertEquals("Cam 2", fx(() -> lookup("#camera-name").queryAs(TextField.class).getText()));
        Window manager = fx(() -> lookup("#camera-manager").query().getScene().getWindow());
        assertTrue(fx(manager::getWidth) >= 500 && fx(manager::getHeight) >= 350,
                fx(manager::getWidth) + "×" + fx(manager::getHeight));
        // when Esc
        type(KeyCode.ESCAPE);
        // then it closes
        waitUntil(5, "closed", () -> !manager.isShowing());
    }

    @Test
    void keysHelpIsAWindowListingEveryShortcut() {
        // given
        open(WallConfig.empty().withCameras(cameras(1)), null);
        clickOn("#tile-1");
        // when
        type(KeyCode.F1);
        // then
        waitUntil(5, "keys", () -> lookup("#keys-dialog").tryQuery().isPresent());
        List<String> keys = fx(() -> lookup("#keys-dialog .keys-key").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        for (String k : List.of("Ctrl+M", "Ctrl+Q", "Ctrl+K", "F11", "Esc, double-click", "S", "R", "U", "I")) {
            assertTrue(keys.contains(k), k + " in " + keys);
        }
        type(KeyCode.ESCAPE);
        waitUntil(5, "closed", () -> lookup("#keys-dialog").tryQuery().isEmpty());
    }

    @Test
    void aPartlyFilledLastPageKeepsTheTileSizeOfAFullPage() {
        // given 6 cameras, 4 per page
        open(WallConfig.empty().withCameras(cameras(6)).withTilesPerPage(4), null);
        double width = fx(() -> lookup("#tile-1").query().getBoundsInParent().getWidth());
        double height = fx(() -> lookup("#tile-1").query().getBoundsInParent().getHeight());
        // when the last page (2 cameras) shows
        clickOn("#tile-1");
        type(KeyCode.PAGE_DOWN);
        waitUntil(5, "page 2", () -> lookup("#tile-5").tryQuery().isPresent());
        // then its tiles are as big as those of a full page
        assertEquals(width, fx(() -> lookup("#tile-5").query().getBoundsInParent().getWidth()), 1.0);
        assertEquals(height, fx(() -> lookup("#tile-5").query().getBoundsInParent().getHeight()), 1.0);
    }

    @Test
    void theFocusViewsButtonGoesBack() {
        // given
        open(WallConfig.empty().withCameras(cameras(2)), null);
        clickOn("#tile-1");
        type(KeyCode.ENTER);
        waitUntil(5, "focused", () -> wall.focusTile().isVisible());
        // then its button says Back, on the wall it says Focus
        Node back = fx(() -> wall.focusTile().lookup(".tile-focus"));
        assertEquals("Back to the wall (Esc)", fx(back::getAccessibleText));
        assertEquals("Focus (Enter)", fx(() -> lookup("#tile-2 .tile-focus").query().getAccessibleText()));
        // when it is clicked
        moveTo(wall.focusTile());
        clickOn(back);
        // then the wall shows
        waitUntil(5, "wall", () -> !wall.focusTile().isVisible());
    }

    @Test
    void hoverButtonsSitAboveTheStatsLineAndNamesLineUpAcrossLetterboxedTiles() throws Exception {
        // given a 4:3 and a 16:9 camera, live, with stats shown
        open(WallConfig.empty().withCameras(cameras(2)).withShowStats(true), null);
        try (AutoCloseable cameras = streaming(Map.of("cam1", TestJpegs.solid(320, 240, Color.DARK_GRAY, 1),
                "cam2", TestJpegs.solid(640, 360, Color.DARK_GRAY, 1)))) {
            hoverButtonsAndNames();
        }
    }

    private void hoverButtonsAndNames() {
        waitUntil(10, "both shown", () -> wall.model().cameras().stream().allMatch(c -> c.displayed() > 0));
        waitUntil(5, "stats shown", () -> lookup("#tile-1 .tile-stats").query().isVisible());
        // when the pointer is on a tile
        moveTo("#tile-1");
        waitUntil(5, "buttons", () -> lookup("#tile-1 .tile-buttons").query().isVisible());
        // then the buttons do not cover the stats
        Bounds buttons = fx(() -> inScene(lookup("#tile-1 .tile-buttons").query()));
        Bounds stats = fx(() -> inScene(lookup("#tile-1 .tile-stats").query()));
        assertFalse(buttons.intersects(stats), buttons + " covers " + stats);
        // and the names sit at the same place in both tiles, whatever the pictures' shapes
        for (int i = 1; i <= 2; i++) {
            int n = i;
            Bounds tile = fx(() -> inScene(lookup("#tile-" + n).query()));
            Bounds name = fx(() -> inScene(lookup("#tile-" + n + " .tile-name").query()));
            assertEquals(6, name.getMinX() - tile.getMinX(), 3, "tile " + n);
            assertEquals(6, name.getMinY() - tile.getMinY(), 3, "tile " + n);
        }
    }

    @Test
    void aSharedCameraHasABadgeAReadableAddressShownWholeAndIsSharedAgainAfterARestart() throws Exception {
        // given (port 0 in tests: the default port is fixed, see WallConfigTest)
        WallConfig config = WallConfig.empty().withCameras(cameras(2)).withShare(new ShareConfig(0, false, null));
        open(config, store());
        live("cam1");
        // when
        clickOn("#tile-1");
        type(KeyCode.U);
        // then the address uses the camera's name, the field shows all of it, and the tile has a badge
        waitUntil(5, "share dialog", () -> lookup("#share-url").tryQuery().isPresent());
        TextField field = fx(() -> lookup("#share-url").queryAs(TextField.class));
        String url = fx(field::getText);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/camera/cam-1/stream\\.mjpg"), url);
        double textWidth = fx(() -> {
            Text t = new Text(url);
            t.setFont(field.getFont());
            return t.getLayoutBounds().getWidth();
        });
        assertTrue(fx(field::getWidth) > textWidth, "field " + fx(field::getWidth) + " for text " + textWidth);
        assertTrue(fx(() -> lookup("#tile-1 .tile-shared").query().isVisible()));
        assertFalse(fx(() -> lookup("#tile-2 .tile-shared").query().isVisible()));
        // when Esc, the dialog closes, sharing goes on
        Window dialog = fx(() -> field.getScene().getWindow());
        type(KeyCode.ESCAPE);
        waitUntil(5, "dialog closed", () -> !dialog.isShowing());
        waitUntil(5, "saved as shared", () -> saved().sharing().equals(List.of("cam1")));
        // when the wall restarts
        closeWall();
        sources.clear();
        open(saved(), store());
        // then the camera is shared again under the same path, without a dialog
        CameraModel cam1 = fx(() -> wall.model().cameras().get(0));
        waitUntil(5, "shared again", () -> cam1.shareUrlProperty().get() != null);
        assertTrue(fx(() -> cam1.shareUrlProperty().get()).endsWith("/camera/cam-1/stream.mjpg"));
        assertTrue(fx(() -> lookup("#share-url").tryQuery().isEmpty()));
    }

    @Test
    void secondWindowShowsAPageOfItsOwnAndIsRemembered() {
        // given 6 cameras, 4 per page
        open(WallConfig.empty().withCameras(cameras(6)).withTilesPerPage(4), store());
        // when the second window opens showing page 2
        fxRun(() -> wall.openSecondWindow(0, 1));
        // then it shows cameras 5 and 6, and draws them
        waitUntil(5, "second window", () -> wall.secondWall() != null && wall.secondWall().isShowing());
        assertEquals(List.of("Cam 5", "Cam 6"), fx(() -> lookup("#second-wall .tile").queryAllAs(Tile.class).stream()
                .map(Tile::getTitle).sorted().toList()));
        sources.get("cam5").push(TestJpegs.solid(320, 240, Color.GREEN, 1));
        waitUntil(10, "drawn", () -> lookup("#second-tile-5").queryAs(Tile.class).getImage() != null);
        waitUntil(5, "remembered", () -> new SecondWindowConfig(0, 1).equals(saved().secondWindow()));
        // when Page Down in the second window
        Stage second = fx(() -> wall.secondWall().stage());
        fxRun(second::requestFocus);
        clickOn("#second-tile-5");
        type(KeyCode.PAGE_DOWN);
        // then it wraps to page 1, remembered; the main window stays on its page
        waitUntil(5, "page 1", () -> lookup("#second-tile-1").tryQuery().isPresent());
        waitUntil(5, "remembered", () -> new SecondWindowConfig(0, 0).equals(saved().secondWindow()));
        assertEquals(0, fx(() -> wall.model().pageProperty().get()));
        // when it is closed from the menu's action
        fxRun(wall::closeSecondWindow);
        waitUntil(5, "forgotten", () -> saved().secondWindow() == null);
        assertNull(fx(() -> lookup("#second-wall").tryQuery().orElse(null)));
    }

    @Test
    void theWindowsCloseButtonAsksLikeQuit() {
        // given a camera recording
        open(WallConfig.empty().withCameras(cameras(1)).withRecordingsFolder(home.resolve("v").toString()), null);
        live("cam1");
        clickOn("#tile-1");
        type(KeyCode.R);
        waitUntil(10, "recording", () -> wall.model().cameras().get(0).recordingProperty().get());
        // when the window manager asks the window to close
        Stage stage = wall.stage();
        javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))); // not waited for: it waits for the answer
        // then it asks first
        waitUntil(5, "asked", () -> lookup("#quit-dialog").tryQuery().isPresent());
        clickOn("#quit-dialog-no");
        assertTrue(fx(() -> wall.stage().isShowing()));
        assertNotNull(fx(() -> wall.model().cameras().get(0)));
    }
}
