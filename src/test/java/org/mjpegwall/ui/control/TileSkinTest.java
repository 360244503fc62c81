package org.mjpegwall.ui.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.model.TileStatus;
import org.testfx.api.FxToolkit;

/** The tile's skin sets the pseudo-classes the stylesheet styles, routes its buttons, and lets go when disposed. */
class TileSkinTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Tile skinned() {
        Tile tile = new Tile();
        tile.setSkin(new TileSkin(tile));
        return tile;
    }

    @Test
    void pseudoClassesFollowTheTilesState() {
        fxRun(() -> {
            // given
            Tile tile = skinned();
            // when a camera connects and has no picture yet, then it is connecting, not stale
            tile.setStatus(TileStatus.CONNECTING);
            assertTrue(tile.getPseudoClassStates().contains(Tile.CONNECTING));
            assertFalse(tile.getPseudoClassStates().contains(Tile.STALE));
            // when it has a picture, it is stale until live (its old picture is dimmed)
            tile.setImage(new WritableImage(4, 3));
            assertTrue(tile.getPseudoClassStates().contains(Tile.STALE));
            assertFalse(tile.getPseudoClassStates().contains(Tile.CONNECTING));
            tile.setStatus(new TileStatus(TileStatus.Kind.LIVE, ""));
            assertFalse(tile.getPseudoClassStates().contains(Tile.STALE));
            // and recording, sharing and selection show
            tile.recordingProperty().set(true);
            tile.sharingProperty().set(true);
            tile.selectedProperty().set(true);
            assertTrue(tile.getPseudoClassStates().containsAll(List.of(Tile.RECORDING, Tile.SHARING, Tile.SELECTED)));
            tile.recordingProperty().set(false);
            assertFalse(tile.getPseudoClassStates().contains(Tile.RECORDING));
        });
    }

    /**
     * JavaFX draws a region with two or more background fills from a cached texture, pixel by pixel, and a border
     * with its anti-aliasing rasteriser; on the software pipeline either cost more than the picture itself on every
     * frame of every live tile. The tile's edge and its black screen must each be one plain fill, in every state.
     */
    @Test
    void aLiveTilesEdgeAndScreenAreOnePlainFillEachInEveryState() {
        fxRun(() -> {
            // given a live tile with a picture, styled by the wall's stylesheet
            Tile tile = skinned();
            tile.setStatus(new TileStatus(TileStatus.Kind.LIVE, ""));
            tile.setImage(new WritableImage(320, 240));
            StackPane root = new StackPane(tile);
            Scene scene = new Scene(root, 330, 250);
            scene.getStylesheets().add(getClass().getResource("/org/mjpegwall/ui/wall.css").toExternalForm());
            for (Runnable state : List.<Runnable>of(() -> { }, () -> tile.selectedProperty().set(true),
                    () -> tile.recordingProperty().set(true), () -> tile.motionProperty().set(true))) {
                // when it changes state
                state.run();
                root.applyCss();
                root.layout();
                // then every region drawn on each frame has at most one fill and no border
                Region screen = (Region) tile.lookup(".tile-screen");
                for (Region r : List.of(tile, screen)) {
                    Background b = r.getBackground();
                    assertTrue(b != null && b.getFills().size() == 1, r.getStyleClass() + " fills: " + b);
                    assertTrue(r.getBorder() == null || r.getBorder().isEmpty(), r.getStyleClass() + " has a border");
                }
                // and the screen fills the tile inside its edge, which stays visible around it
                double edge = tile.getPadding().getTop();
                assertTrue(edge >= 1);
                assertEquals(edge, screen.getLayoutX());
                assertEquals(tile.getWidth() - 2 * edge, screen.getWidth());
                assertEquals(tile.getHeight() - 2 * edge, screen.getHeight());
                assertTrue(indexOf(tile, screen) < indexOf(tile, tile.lookup(".tile-image")), "the picture is drawn over it");
            }
        });
    }

    private static int indexOf(Tile tile, Node child) {
        return tile.getChildrenUnmodifiable().indexOf(child);
    }

    @Test
    void theRecordingModesBadgeShowsItsWordsApartFromTheRecButton() {
        fxRun(() -> {
            // given a tile whose camera records by its mode
            Tile tile = skinned();
            Label badge = (Label) tile.lookup(".tile-mode-recording");
            Button record = (Button) tile.lookup(".tile-record");
            assertFalse(badge.isVisible(), "nothing while no file is written");
            // when its on-motion recorder writes a clip
            tile.modeRecordingTextProperty().set("REC · motion");
            // then the badge says so, and the Rec button still offers to record (by hand), not to stop
            assertTrue(badge.isVisible());
            assertEquals("REC · motion", badge.getText());
            assertEquals("Record (R)", record.getAccessibleText());
            assertFalse(tile.getPseudoClassStates().contains(Tile.RECORDING));
            assertFalse(tile.lookup(".tile-recording").isVisible(), "the Rec button's badge is its own");
            // when the clip ends
            tile.modeRecordingTextProperty().set("");
            // then
            assertFalse(badge.isVisible());
        });
    }

    @Test
    void motionHighlightsTheTileAndMarksTheMovingAreaOnThePictureThenBothGo() {
        fxRun(() -> {
            // given a 4:3 picture in a wide tile: letterboxed, with bars left and right
            Tile tile = skinned();
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(tile);
            new javafx.scene.Scene(root, 600, 300);
            tile.setImage(new WritableImage(640, 480));
            tile.setStatus(new TileStatus(TileStatus.Kind.LIVE, ""));
            // when motion is seen in the lower-right quarter of the picture
            tile.motionProperty().set(true);
            tile.motionBoxesProperty().set(List.of(new org.mjpegwall.motion.Box(0.5, 0.5, 0.25, 0.25)));
            root.applyCss();
            root.layout();
            // then the tile is :motion, says MOTION, and one box sits on that area of the picture itself
            assertTrue(tile.getPseudoClassStates().contains(Tile.MOTION));
            assertTrue(tile.lookup(".tile-motion").isVisible());
            javafx.scene.Node picture = tile.lookup(".tile-image");
            List<javafx.scene.Node> boxes = new ArrayList<>(tile.lookupAll(".tile-motion-box"));
            assertEquals(1, boxes.size());
            javafx.geometry.Bounds p = picture.localToScene(picture.getBoundsInLocal());
            javafx.geometry.Bounds b = boxes.get(0).localToScene(boxes.get(0).getBoundsInLocal());
            assertTrue(p.getMinX() > 50, "letterboxed: " + p);
            assertEquals(p.getMinX() + p.getWidth() / 2, b.getMinX(), 1.0);
            assertEquals(p.getMinY() + p.getHeight() / 2, b.getMinY(), 1.0);
            assertEquals(p.getWidth() / 4, b.getWidth(), 1.0);
            assertEquals(p.getHeight() / 4, b.getHeight(), 1.0);
            // when the motion ends, the highlight, the badge and the box go
            tile.motionProperty().set(false);
            tile.motionBoxesProperty().set(List.of());
            root.layout();
            assertFalse(tile.getPseudoClassStates().contains(Tile.MOTION));
            assertFalse(tile.lookup(".tile-motion").isVisible());
            assertTrue(tile.lookupAll(".tile-motion-box").isEmpty());
        });
    }

    @Test
    void aNewFrameOfTheSameSizeLeavesTheLayoutAloneAndANewSizeLaysThePictureOutAgain() {
        fxRun(() -> {
            // given a tile laid out with a 400×300 picture, drawn 1:1 (the tile is 300 high, no stylesheet here)
            Tile tile = skinned();
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(tile);
            new javafx.scene.Scene(root, 600, 300);
            tile.setImage(new WritableImage(400, 300));
            root.applyCss();
            root.layout();
            javafx.scene.image.ImageView picture = (javafx.scene.image.ImageView) tile.lookup(".tile-image");
            assertEquals(400, picture.getFitWidth());
            root.layout();
            assertFalse(tile.isNeedsLayout(), "laid out");
            // when the next frame comes in the other buffer of the same size
            tile.setImage(new WritableImage(400, 300));
            // then nothing needs laying out (16 cameras at 30 fps would otherwise lay the wall out 480 times a second)
            assertFalse(tile.isNeedsLayout());
            assertFalse(root.isNeedsLayout());
            // when the camera sends another size
            tile.setImage(new WritableImage(1280, 720));
            // then the tile is laid out again and the picture fits the box at its new aspect ratio
            assertTrue(tile.isNeedsLayout());
            root.layout();
            assertEquals(533, picture.getFitWidth(), 1.0);
            assertEquals(300, picture.getFitHeight(), 1.0);
        });
    }

    @Test
    void aPictureMadeToFitIsDrawnAtItsOwnSizeInATileOfFractionalSize() {
        fxRun(() -> {
            // given a tile 600×300.6 layout pixels large (grids give tiles fractional sizes) and a 400×300 picture,
            // what the decoder makes for it (the box rounded down to whole pixels)
            Tile tile = skinned();
            javafx.scene.layout.Pane root = new javafx.scene.layout.Pane(tile);
            new javafx.scene.Scene(root, 700, 400);
            tile.setImage(new WritableImage(400, 300));
            root.applyCss();
            tile.resize(600, 300.6);
            tile.layout();
            // then it is drawn 1:1 (scaled to 401×301 it would be resampled on every frame), on whole pixels
            javafx.scene.image.ImageView picture = (javafx.scene.image.ImageView) tile.lookup(".tile-image");
            assertEquals(400, picture.getFitWidth());
            assertEquals(300, picture.getFitHeight());
            assertEquals(Math.rint(picture.getLayoutX()), picture.getLayoutX());
            // when a picture is not made to fit (another camera, a still), then it is scaled to the box as before
            tile.setImage(new WritableImage(200, 150));
            tile.layout();
            assertEquals(401, picture.getFitWidth());
            assertEquals(301, picture.getFitHeight());
        });
    }

    @Test
    void theOverlaySaysWhyACameraIsNotLive() {
        fx(() -> {
            // given
            Tile tile = skinned();
            Label status = (Label) tile.lookup(".tile-status");
            // when
            tile.setStatus(new TileStatus(TileStatus.Kind.RECONNECTING, "wrong password\nreconnecting in 5 s"));
            // then
            assertTrue(tile.lookup(".tile-overlay").isVisible());
            assertEquals("wrong password\nreconnecting in 5 s", status.getText());
            // when live, the overlay goes
            tile.setStatus(new TileStatus(TileStatus.Kind.LIVE, ""));
            assertFalse(tile.lookup(".tile-overlay").isVisible());
            return null;
        });
    }

    @Test
    void buttonsAskForTheirActionAndRecordSaysStopWhileRecording() {
        fxRun(() -> {
            // given
            Tile tile = skinned();
            tile.recordAvailableProperty().set(true);
            List<TileAction> asked = new ArrayList<>();
            tile.onActionProperty().set(asked::add);
            Button record = (Button) tile.lookup(".tile-record");
            // when
            ((Button) tile.lookup(".tile-snapshot")).fire();
            record.fire();
            ((Button) tile.lookup(".tile-share")).fire();
            ((Button) tile.lookup(".tile-focus")).fire();
            // then
            assertEquals(List.of(TileAction.SNAPSHOT, TileAction.RECORD, TileAction.SHARE, TileAction.FOCUS), asked);
            assertEquals("Record (R)", record.getAccessibleText());
            tile.recordingProperty().set(true);
            assertEquals("Stop recording (R)", record.getAccessibleText());
            // and without recording, the button is disabled, not faked
            tile.recordAvailableProperty().set(false);
            assertTrue(record.isDisabled());
        });
    }

    @Test
    void aDisposedSkinDropsItsListenersAndItsPseudoClasses() {
        fxRun(() -> {
            // given a recording tile, not live
            Tile tile = skinned();
            Label oldStatus = (Label) tile.lookup(".tile-status");
            Button oldRecord = (Button) tile.lookup(".tile-record");
            tile.recordingProperty().set(true);
            tile.setStatus(new TileStatus(TileStatus.Kind.STOPPED, "stopped"));
            assertTrue(tile.getPseudoClassStates().containsAll(List.of(Tile.RECORDING, Tile.STALE)));
            // when the tile gets another skin (the old one is disposed)
            tile.setSkin(new SkinBase<>(tile) { });
            // then its pseudo-classes are gone, and the old nodes no longer follow the tile
            assertFalse(tile.getPseudoClassStates().contains(Tile.RECORDING));
            assertFalse(tile.getPseudoClassStates().contains(Tile.STALE));
            tile.setStatus(new TileStatus(TileStatus.Kind.STOPPED, "something else"));
            tile.recordingProperty().set(false);
            tile.recordingProperty().set(true);
            assertEquals("stopped", oldStatus.getText());
            assertFalse(tile.getPseudoClassStates().contains(Tile.RECORDING));
            assertEquals("Stop recording (R)", oldRecord.getAccessibleText());
            tile.recordingProperty().set(false);
            assertEquals("Stop recording (R)", oldRecord.getAccessibleText());
        });
    }
}
