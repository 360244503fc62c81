package org.mjpegwall.ui.window;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.Image;
import javafx.stage.Window;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.render.ImageSlot;
import org.mjpegwall.ui.render.Renderer;
import org.mjpegwall.ui.render.TileDecoding;

/**
 * The one place a tile is tied to a camera, for the wall's tiles, the focus view and the second
 * window: what it shows (name, status, stats, recording, sharing, motion), what its buttons and its menu do,
 * and the decoder the renderer fills it through.
 */
final class TileBinder {
    private final ObservableBooleanValue showStats;
    private final boolean recordAvailable;
    private final Function<CameraModel, ContextMenu> contextMenu;
    private final TileDecoding decoding;

    /**
     * @param showStats whether tiles show their stats line
     * @param recordAvailable whether recording is possible at all
     * @param contextMenu makes a camera's own menu (right-click)
     * @param decoding how the tiles decode (libjpeg-turbo, or JavaFX's decoder when it is missing)
     */
    TileBinder(ObservableBooleanValue showStats, boolean recordAvailable, Function<CameraModel, ContextMenu> contextMenu,
            TileDecoding decoding) {
        this.showStats = showStats;
        this.recordAvailable = recordAvailable;
        this.contextMenu = contextMenu;
        this.decoding = decoding;
    }

    /** A tile bound to a camera, and where the renderer puts its pictures. */
    static final class Bound implements ImageSlot {
        private final Tile tile;
        private final CameraModel camera;
        private final Renderer.Target target;

        private Bound(Tile tile, CameraModel camera, boolean fullResolution, TileDecoding decoding) {
            this.tile = tile;
            this.camera = camera;
            this.target = new Renderer.Target(camera, this, decoding.newTile(), fullResolution);
        }

        Tile tile() {
            return tile;
        }

        CameraModel camera() {
            return camera;
        }

        /** What the renderer fills: this tile, with a decoder of its own. */
        Renderer.Target target() {
            return target;
        }

        /**
         * The box the image is letterboxed into, in whole device pixels (a HiDPI screen has more than layout
         * pixels), rounded down: a picture made to fit it never spills over the tile's edge.
         */
        @Override
        public int[] drawnSize() {
            double[] box = tile.imageBox();
            Window w = tile.getScene() == null ? null : tile.getScene().getWindow();
            double scale = w == null ? 1.0 : Math.max(1.0, w.getOutputScaleX());
            return new int[] {(int) Math.floor(box[0] * scale + 1e-6), (int) Math.floor(box[1] * scale + 1e-6)};
        }

        @Override
        public void show(Image image) {
            tile.setImage(image);
        }

        /** Lets go of the camera: the tile no longer follows it, and its buttons and menu do nothing. */
        void unbind() {
            tile.titleProperty().unbind();
            tile.statusProperty().unbind();
            tile.statsTextProperty().unbind();
            tile.statsVisibleProperty().unbind();
            tile.recordingProperty().unbind();
            tile.recordingTextProperty().unbind();
            tile.modeRecordingTextProperty().unbind();
            tile.modeRecordingTextProperty().set("");
            tile.sharingProperty().unbind();
            tile.motionProperty().unbind();
            tile.motionBoxesProperty().unbind();
            tile.motionProperty().set(false);
            tile.motionBoxesProperty().set(java.util.List.of());
            tile.onActionProperty().set(null);
            tile.setOnContextMenuRequested(null);
        }
    }

    /**
     * Binds the tile to the camera.
     *
     * @param fullResolution decode at the camera's size (the focus view) rather than the tile's
     * @param onAction what the tile's buttons do; {@code null}: nothing
     * @param withMenu whether right-click opens the camera's menu
     */
    Bound bind(Tile tile, CameraModel camera, boolean fullResolution, Consumer<TileAction> onAction, boolean withMenu) {
        tile.titleProperty().bind(camera.nameProperty());
        tile.statusProperty().bind(camera.statusProperty());
        tile.statsTextProperty().bind(camera.statsTextProperty());
        tile.statsVisibleProperty().bind(showStats);
        tile.recordingProperty().bind(camera.recordingProperty());
        tile.recordingTextProperty().bind(camera.recordingTextProperty());
        tile.modeRecordingTextProperty().bind(camera.modeRecordingProperty());
        tile.sharingProperty().bind(camera.shareUrlProperty().isNotNull());
        tile.motionProperty().bind(camera.motionProperty());
        tile.motionBoxesProperty().bind(camera.motionBoxesProperty());
        tile.recordAvailableProperty().set(recordAvailable && camera.source() != null);
        tile.onActionProperty().set(onAction);
        tile.setOnContextMenuRequested(!withMenu ? null : e -> {
            contextMenu.apply(camera).show(tile, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return new Bound(tile, camera, fullResolution, decoding);
    }
}
