package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.motion.Scene;
import org.mjpegwall.ui.TestSource;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraModel;

/**
 * Motion in the wall window, end to end on real time: synthetic cameras (a textured room with sensor
 * noise, one with an object crossing it) streamed at 15 fps into the wall, analysed on its motion pool;
 * the tile's highlight and boxes, the event list (E) with its key-frame thumbnail, and a click on an
 * event focusing its camera.
 */
class WallMotionWindowTest extends WallWindowCase {
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-camera-feed");
        t.setDaemon(true);
        return t;
    });

    /** Stops the cameras before the wall closes (this runs before {@link WallWindowCase#closeAll}). */
    @AfterEach
    void stopFeeding() {
        feeder.shutdownNow();
    }

    /** Streams the scenes (one per camera of the open wall, in its order) at 15 fps, their clocks starting now. */
    private void stream(List<CameraConfig> cameras, List<Scene> scenes) {
        List<TestSource> feeds = cameras.stream().map(c -> sources.get(c.id())).toList();
        long start = System.nanoTime();
        feeder.scheduleAtFixedRate(() -> {
            double t = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < scenes.size(); i++) {
                feeds.get(i).push(scenes.get(i).jpeg(t));
            }
        }, 0, 1000 / 15, TimeUnit.MILLISECONDS);
    }

    @Test
    void aMovingCameraLightsItsTileAndItsEventIsListedWithAThumbnailAndAClickFocusesIt() {
        // given two cameras, the second with an object crossing its picture from 2 s to 8 s, event gap 1 s
        List<CameraConfig> configs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            CameraConfig c = CameraConfig.of("Cam " + i, "http://127.0.0.1:9/" + i);
            configs.add(c.withMotion(c.motion().withEventGapSeconds(1)));
        }
        open(WallConfig.empty().withCameras(configs).withWindow(new WindowGeometry(0, 0, 1000, 600, false)), null);
        CameraModel second = fx(() -> wall.model().cameras().get(1));
        Tile still = fx(() -> wall.tile(wall.model().cameras().get(0)));
        Tile moving = fx(() -> wall.tile(second));
        // (What the skin shows is noted as it happens: a loaded machine may poll too seldom to catch it.)
        AtomicBoolean highlighted = new AtomicBoolean();
        AtomicBoolean boxed = new AtomicBoolean();
        AtomicBoolean stillHighlighted = new AtomicBoolean();
        fxRun(() -> {
            moving.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> highlighted.compareAndSet(false,
                    c.getSet().contains(Tile.MOTION)));
            still.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> stillHighlighted.compareAndSet(false,
                    c.getSet().contains(Tile.MOTION)));
            ((Pane) moving.lookup(".tile-motion-layer")).getChildren().addListener((ListChangeListener<Node>) c ->
                    boxed.compareAndSet(false, c.getList().stream().anyMatch(n -> n.getStyleClass().contains("tile-motion-box"))));
        });
        // when
        stream(configs, List.of(new Scene(320, 240, 1),
                new Scene(320, 240, 2).add(new Scene.Mover(2.0, 8.0, 56, 56, new Color(25, 25, 30), -56, 90, 60, 0))));
        // then the moving camera's tile is highlighted with boxes on its picture, the still one is not
        waitUntil(20, "the moving camera's tile shows motion and boxes", () -> highlighted.get() && boxed.get());
        assertFalse(stillHighlighted.get());
        // when E is pressed, the event list shows the event with its key frame small
        clickOn(still);
        type(KeyCode.E);
        waitUntil(5, "the event list is shown", () -> fx(() -> wall.eventList().getScene() != null
                && wall.eventList().isVisible()));
        waitUntil(10, "the event's row has the camera's name and a thumbnail", () -> fx(() -> {
            Node cell = firstFilledCell();
            if (cell == null) {
                return false;
            }
            Label camera = (Label) cell.lookup(".event-camera");
            ImageView thumb = (ImageView) cell.lookup(".event-thumb");
            // decoded small by the wall's decoder, at the DCT scale covering the thumbnail (120 of the frame's 320)
            return "Cam 2".equals(camera.getText()) && thumb.getImage() != null
                    && thumb.getImage().getWidth() >= EventListPanel.THUMB_WIDTH && thumb.getImage().getWidth() < 320;
        }));
        // and the highlight and the boxes go once the object has gone and the gap passed
        waitUntil(20, "the motion ends", () -> fx(() -> !moving.getPseudoClassStates().contains(Tile.MOTION)
                && moving.lookupAll(".tile-motion-box").isEmpty()));
        waitUntil(5, "the event shows its length", () -> fx(() -> {
            Label when = (Label) firstFilledCell().lookup(".event-time");
            return when.getText().matches("\\d\\d:\\d\\d:\\d\\d · \\d+ s");
        }));
        // when the event is clicked, its camera is focused
        Node row = fx(this::firstFilledCell);
        clickOn(row);
        waitUntil(5, "camera 2 is focused", () -> fx(() -> wall.model().focusedProperty().get() == second
                && wall.focusTile().isVisible()));
        // and E hides the list again
        type(KeyCode.E);
        waitUntil(5, "the event list is hidden", () -> fx(() -> wall.eventList().getScene() == null));
    }

    @Test
    void tilesSayWhenTheirRecordingModeWritesAFile(@TempDir Path videos) {
        // given three cameras recording by their mode: one on motion with an object crossing from 2 s to 8 s,
        // one on motion that stays still, one continuously
        List<CameraConfig> configs = new ArrayList<>();
        RecordingMode[] modes = {RecordingMode.ON_MOTION, RecordingMode.ON_MOTION, RecordingMode.CONTINUOUS};
        for (int i = 0; i < modes.length; i++) {
            configs.add(CameraConfig.of("Cam " + (i + 1), "http://127.0.0.1:9/" + i).withRecordMode(modes[i]));
        }
        open(WallConfig.empty().withCameras(configs).withRecordingsFolder(videos.toString())
                .withWindow(new WindowGeometry(0, 0, 1000, 600, false)), null);
        List<Tile> tiles = fx(() -> wall.model().cameras().stream().map(wall::tile).toList());
        // (What the badges said is noted as it happens: a loaded machine may poll too seldom to catch it.)
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        fxRun(() -> {
            for (Tile t : tiles) {
                Label badge = (Label) t.lookup(".tile-mode-recording");
                badge.textProperty().addListener((o, was, now) -> said.add(t.getTitle() + ": " + now));
                if (!badge.getText().isEmpty()) { // the continuous camera may record already
                    said.add(t.getTitle() + ": " + badge.getText());
                }
            }
        });
        // when
        stream(configs, List.of(new Scene(320, 240, 2).add(new Scene.Mover(2.0, 8.0, 56, 56, new Color(25, 25, 30), -56, 90, 60, 0)),
                new Scene(320, 240, 1), new Scene(320, 240, 3)));
        // then the moving camera's tile says it records on motion, the continuous one that it records continuously
        waitUntil(20, "the badges of the moving and the continuous camera", () -> said.contains("Cam 1: REC · motion")
                && said.contains("Cam 3: REC · continuous"));
        assertTrue(fx(() -> tiles.get(2).lookup(".tile-mode-recording").isVisible()));
        // and the still camera, which only keeps its pre-roll, shows nothing
        assertFalse(said.stream().anyMatch(w -> w.startsWith("Cam 2: REC")), said.toString());
        assertFalse(fx(() -> tiles.get(1).lookup(".tile-mode-recording").isVisible()));
    }

    /** The list's first row as shown (not the hidden cell the list measures with, which has an item too). */
    private Node firstFilledCell() {
        return wall.eventList().lookupAll(".event-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty() && c.getIndex() == 0
                        && c.isVisible() && c.getParent() != null && c.getParent().isVisible())
                .findFirst().orElse(null);
    }
}
