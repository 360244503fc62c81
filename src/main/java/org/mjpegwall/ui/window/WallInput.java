package org.mjpegwall.ui.window;

import java.util.function.Function;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.control.WallGrid;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.WallController;
import org.mjpegwall.ui.model.WallModel;

/**
 * The wall's keys and mouse: number, arrow, page and Esc keys, the Menu key, clicks and double-clicks
 * on tiles, and dragging a tile onto another to reorder. Help ▸ Keys and mouse ({@link KeysDialog})
 * lists them; the keys with a menu item (S, R, U, I, F11, …) are the menus' accelerators.
 */
final class WallInput {
    private static final String DRAG_PREFIX = "mjpeg-wall-camera:";

    private final WallController controller;
    private final WallModel model;
    private final WallGrid grid;
    private final KioskMode kiosk;
    private final Tile focusTile;
    private final Function<CameraModel, Tile> wallTiles;
    private final Function<CameraModel, ContextMenu> menus;

    /**
     * @param grid its column count moves the selection up and down
     * @param wallTiles a camera's tile on the wall
     * @param menus makes a camera's own menu
     */
    WallInput(WallController controller, WallGrid grid, KioskMode kiosk, Tile focusTile,
            Function<CameraModel, Tile> wallTiles, Function<CameraModel, ContextMenu> menus) {
        this.controller = controller;
        this.model = controller.model();
        this.grid = grid;
        this.kiosk = kiosk;
        this.focusTile = focusTile;
        this.wallTiles = wallTiles;
        this.menus = menus;
        focusTile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.unfocus();
            }
        });
    }

    /** The keys of the window's scene. */
    void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** A click selects the tile's camera, a double-click focuses it, a right-click selects it for its menu; drag to reorder. */
    void wallTile(Tile tile, CameraModel camera) {
        tile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.select(camera);
                if (e.getClickCount() == 2) {
                    model.focus(camera);
                }
            }
        });
        tile.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> model.select(camera));
        tile.setOnDragDetected(e -> {
            if (e.getButton() != MouseButton.PRIMARY || model.focusedProperty().get() != null) {
                return;
            }
            Dragboard db = tile.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + camera.id());
            db.setContent(content);
            e.consume();
        });
        tile.setOnDragOver(e -> {
            String s = e.getDragboard().getString();
            if (s != null && s.startsWith(DRAG_PREFIX)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        tile.setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            boolean done = false;
            if (s != null && s.startsWith(DRAG_PREFIX)) {
                String id = s.substring(DRAG_PREFIX.length());
                CameraModel moved = model.cameras().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
                if (moved != null && moved != camera) {
                    controller.moveCamera(moved, model.cameras().indexOf(camera));
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        int columns = grid.columnsProperty().get();
        if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
            String name = k.getName();
            model.focusNumber(name.charAt(name.length() - 1) - '0');
        } else if (k == KeyCode.LEFT) {
            model.moveSelection(-1, 0, columns);
        } else if (k == KeyCode.RIGHT) {
            model.moveSelection(1, 0, columns);
        } else if (k == KeyCode.UP) {
            model.moveSelection(0, -1, columns);
        } else if (k == KeyCode.DOWN) {
            model.moveSelection(0, 1, columns);
        } else if (k == KeyCode.ESCAPE && model.focusedProperty().get() != null) {
            model.unfocus(); // Esc leaves the focus view only; full screen stays
        } else if (k == KeyCode.ESCAPE) {
            handled = kiosk.escape();
        } else if (k == KeyCode.CONTEXT_MENU || (k == KeyCode.F10 && e.isShiftDown())) {
            CameraModel c = controller.current();
            Tile t = c == null ? null : model.focusedProperty().get() != null ? focusTile : wallTiles.apply(c);
            if (t != null) {
                menus.apply(c).show(t, Side.BOTTOM, -t.getWidth() / 2, -t.getHeight() / 2);
            }
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
