package org.mjpegwall.ui.window;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.mjpegwall.config.SecondWindowConfig;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.control.WallGrid;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.WallModel;
import org.mjpegwall.ui.render.Renderer;

/**
 * The wall's second window, for a second monitor: full screen on its screen, showing a page of cameras
 * of its own (remembered), with no menu and the pointer hidden when idle. Page Up / Page Down switch
 * its page; Esc asks before closing it.
 *
 * <p>Its tiles show the same cameras as the main window's (one connection per camera) and are drawn by
 * the same renderer with decoders of their own. A camera shown in both windows at once has its frames
 * shared between the two.
 */
final class SecondWall {
    private final Stage stage = new Stage();
    private final WallGrid grid = new WallGrid();
    private final WallModel model;
    private final TileBinder binder;
    private final Consumer<SecondWindowConfig> remember;
    private final Map<CameraModel, TileBinder.Bound> tiles = new IdentityHashMap<>();
    private final ListChangeListener<CameraModel> camerasChanged = c -> showPage();
    private final PauseTransition idle = new PauseTransition(KioskMode.DEFAULT_IDLE);
    private int screen;
    private int page;

    /** @param remember called with the window's screen and page when they change, or {@code null} when it closes */
    SecondWall(WallModel model, TileBinder binder, Consumer<SecondWindowConfig> remember) {
        this.model = model;
        this.binder = binder;
        this.remember = remember;
        grid.setId("second-wall");
        StackPane root = new StackPane(grid);
        root.getStyleClass().addAll("wall-root", "wall-center");
        Scene scene = new Scene(root, 640, 400);
        Theme.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            scene.setCursor(null);
            idle.playFromStart();
        });
        idle.setOnFinished(e -> scene.setCursor(Cursor.NONE));
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnHidden(e -> detach());
    }

    /** Opens (or moves) the window: full screen on a screen, showing a page. */
    void show(int screenIndex, int pageIndex, Image icon) {
        screen = Math.max(0, screenIndex);
        page = Math.max(0, pageIndex);
        if (!stage.isShowing()) {
            model.cameras().addListener(camerasChanged);
            if (icon != null && stage.getIcons().isEmpty()) {
                stage.getIcons().add(icon);
            }
        }
        Rectangle2D bounds = KioskMode.screenBounds(screen);
        stage.setFullScreen(false);
        stage.setX(bounds.getMinX() + 20);
        stage.setY(bounds.getMinY() + 20);
        showPage();
        stage.show();
        stage.setFullScreen(true);
        idle.playFromStart();
        remember.accept(new SecondWindowConfig(screen, page));
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    int page() {
        return page;
    }

    /** Closes the window; it is no longer remembered. */
    void close() {
        if (stage.isShowing()) {
            stage.close();
        }
    }

    /** Closes the window with the main one: it is still remembered, so it opens again at the next start. */
    void closeKeepingIt() {
        model.cameras().removeListener(camerasChanged);
        stage.setOnHidden(null);
        idle.stop();
        stage.close();
    }

    private void detach() {
        model.cameras().removeListener(camerasChanged);
        idle.stop();
        grid.tiles().clear();
        remember.accept(null);
    }

    /** Shows page {@code p} (wrapping around), and remembers it. */
    void showPage(int p) {
        int count = model.pageCount();
        page = Math.floorMod(p, count);
        showPage();
        remember.accept(new SecondWindowConfig(screen, page));
    }

    private void showPage() {
        int per = model.tilesPerPageProperty().get();
        int count = model.pageCount();
        page = Math.min(page, count - 1);
        List<CameraModel> all = model.cameras();
        int from = Math.min(all.size(), page * per);
        List<Tile> shown = new ArrayList<>();
        tiles.keySet().removeIf(c -> !all.contains(c));
        for (int i = from; i < Math.min(all.size(), from + per); i++) {
            CameraModel c = all.get(i);
            TileBinder.Bound b = tiles.computeIfAbsent(c, this::tile);
            Tile t = b.tile();
            t.setId("second-tile-" + (i + 1));
            shown.add(t);
        }
        grid.slotsProperty().set(Math.min(per, all.size()));
        grid.tiles().setAll(shown);
        stage.setTitle("MJPEG Wall — page " + (page + 1) + " of " + count);
    }

    /** A tile of this window: it shows the camera; its buttons and menu are the main window's only. */
    private TileBinder.Bound tile(CameraModel camera) {
        Tile t = new Tile();
        TileBinder.Bound b = binder.bind(t, camera, false, null, false);
        t.setUserData(b);
        return b;
    }

    /** The tiles to draw while the window is shown and not minimised. */
    List<Renderer.Target> targets() {
        if (!stage.isShowing() || stage.isIconified()) {
            return List.of();
        }
        List<Renderer.Target> targets = new ArrayList<>();
        for (var n : grid.tiles()) {
            targets.add(((TileBinder.Bound) n.getUserData()).target());
        }
        return targets;
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.PAGE_DOWN) {
            showPage(page + 1);
        } else if (k == KeyCode.PAGE_UP) {
            showPage(page - 1);
        } else if (k == KeyCode.ESCAPE) {
            if (Confirm.ask(stage, "close-second-dialog", "Close the second window?",
                    "View ▸ Second window opens it again.", "Close it", "Keep it")) {
                close();
            }
        } else {
            return;
        }
        e.consume();
    }
}
