package org.mjpegwall.ui;

import javafx.beans.value.ObservableBooleanValue;

/** Ties a tile to a camera's view model: name, status, stats, recording and sharing. */
final class TileBinding {
    private TileBinding() {
    }

    static void bind(Tile tile, CameraModel camera, ObservableBooleanValue showStats, boolean recordAvailable) {
        tile.titleProperty().bind(camera.nameProperty());
        tile.statusProperty().bind(camera.statusProperty());
        tile.statsTextProperty().bind(camera.statsTextProperty());
        tile.statsVisibleProperty().bind(showStats);
        tile.recordingProperty().bind(camera.recordingProperty());
        tile.recordingTextProperty().bind(camera.recordingTextProperty());
        tile.sharingProperty().bind(camera.shareUrlProperty().isNotNull());
        tile.recordAvailableProperty().set(recordAvailable && camera.source() != null);
    }

    static void unbind(Tile tile) {
        tile.titleProperty().unbind();
        tile.statusProperty().unbind();
        tile.statsTextProperty().unbind();
        tile.recordingProperty().unbind();
        tile.recordingTextProperty().unbind();
        tile.sharingProperty().unbind();
    }
}
