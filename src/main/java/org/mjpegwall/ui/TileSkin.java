package org.mjpegwall.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** Builds a {@link Tile}'s nodes; looks come from the stylesheet, listeners go in {@link #dispose()}. */
final class TileSkin extends SkinBase<Tile> {
    private final ImageView imageView = new ImageView();
    private final Label name = new Label();
    private final StackPane overlay = new StackPane();
    private final Label statusLabel = new Label();
    private final Label stats = new Label();
    private final HBox recordingBox = new HBox(4);
    private final Label recordingLabel = new Label();
    private final HBox buttons = new HBox(4);
    private final Button record;
    private final Button share;
    private final ChangeListener<TileStatus> statusListener = (obs, o, s) -> updateStatus(s);
    private final ChangeListener<Boolean> recordingListener = (obs, o, r) -> updateRecordButton();
    private final ChangeListener<Boolean> sharingListener = (obs, o, r) -> updateShareButton();

    TileSkin(Tile tile) {
        super(tile);
        imageView.getStyleClass().add("tile-image");
        imageView.setPreserveRatio(false);
        imageView.imageProperty().bind(tile.imageProperty());
        imageView.smoothProperty().bind(tile.smoothImageProperty());

        name.getStyleClass().add("tile-name");
        name.textProperty().bind(tile.titleProperty());
        name.setMouseTransparent(true);

        statusLabel.getStyleClass().add("tile-status");
        statusLabel.setWrapText(true);
        overlay.getStyleClass().add("tile-overlay");
        overlay.getChildren().add(statusLabel);
        overlay.setMouseTransparent(true);

        stats.getStyleClass().add("tile-stats");
        stats.textProperty().bind(tile.statsTextProperty());
        stats.visibleProperty().bind(tile.statsVisibleProperty());
        stats.setMouseTransparent(true);

        Circle dot = new Circle(5);
        dot.getStyleClass().add("tile-rec-dot");
        recordingLabel.getStyleClass().add("tile-rec-time");
        recordingLabel.textProperty().bind(tile.recordingTextProperty());
        recordingBox.getStyleClass().add("tile-recording");
        recordingBox.setAlignment(Pos.CENTER_LEFT);
        recordingBox.getChildren().addAll(dot, recordingLabel);
        recordingBox.visibleProperty().bind(tile.recordingProperty());
        recordingBox.setMouseTransparent(true);

        Button snapshot = button("tile-snapshot", "Snap", "Snapshot (S)", Tile.Action.SNAPSHOT);
        record = button("tile-record", "Rec", "Record (R)", Tile.Action.RECORD);
        record.disableProperty().bind(tile.recordAvailableProperty().not());
        share = button("tile-share", "Share", "Share (U)", Tile.Action.SHARE);
        Button focus = button("tile-focus", "Focus", "Focus (Enter)", Tile.Action.FOCUS);
        buttons.getStyleClass().add("tile-buttons");
        buttons.setAlignment(Pos.BOTTOM_RIGHT);
        buttons.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        recordingBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        buttons.getChildren().addAll(snapshot, record, share, focus);
        // Shown on hover; the context menu and the keyboard reach the same actions.
        buttons.visibleProperty().bind(tile.hoverProperty());

        getChildren().addAll(imageView, overlay, name, stats, recordingBox, buttons);
        tile.statusProperty().addListener(statusListener);
        tile.recordingProperty().addListener(recordingListener);
        tile.sharingProperty().addListener(sharingListener);
        updateStatus(tile.getStatus());
        updateRecordButton();
        updateShareButton();
    }

    private Button button(String styleClass, String text, String tooltip, Tile.Action action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("tile-button", styleClass);
        b.setTooltip(new Tooltip(tooltip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> getSkinnable().fire(action));
        return b;
    }

    private void updateStatus(TileStatus s) {
        boolean live = s == null || s.live();
        overlay.setVisible(!live);
        statusLabel.setText(s == null ? "" : s.text());
    }

    private void updateRecordButton() {
        boolean on = getSkinnable().recordingProperty().get();
        record.setText(on ? "Stop" : "Rec");
        record.getTooltip().setText(on ? "Stop recording (R)" : "Record (R)");
    }

    private void updateShareButton() {
        boolean on = getSkinnable().sharingProperty().get();
        share.getTooltip().setText(on ? "Stop sharing (U)" : "Share (U)");
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        Image img = imageView.getImage();
        // Name, stats and buttons sit on the picture itself, not on the letterbox bars.
        double ix = x;
        double iy = y;
        double iw = w;
        double ih = h;
        if (img != null) {
            double[] fit = GridLayout.fit(img.getWidth(), img.getHeight(), w, h);
            // Snap to whole pixels: a tile decoded at drawn size is then copied 1:1, not resampled.
            iw = Math.round(fit[0]);
            ih = Math.round(fit[1]);
            ix = Math.round(x + (w - iw) / 2);
            iy = Math.round(y + (h - ih) / 2);
            imageView.setFitWidth(iw);
            imageView.setFitHeight(ih);
            imageView.relocate(ix, iy);
        }
        overlay.resizeRelocate(x, y, w, h);
        layoutInArea(name, ix, iy, iw, ih, 0, HPos.LEFT, VPos.TOP);
        layoutInArea(recordingBox, ix, iy, iw, ih, 0, HPos.RIGHT, VPos.TOP);
        layoutInArea(stats, ix, iy, iw, ih, 0, HPos.LEFT, VPos.BOTTOM);
        layoutInArea(buttons, ix, iy, iw, ih, 0, HPos.RIGHT, VPos.BOTTOM);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 320 + left + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 240 + top + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 40;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 30;
    }

    @Override
    public void dispose() {
        Tile tile = getSkinnable();
        if (tile != null) {
            tile.statusProperty().removeListener(statusListener);
            tile.recordingProperty().removeListener(recordingListener);
            tile.sharingProperty().removeListener(sharingListener);
            imageView.imageProperty().unbind();
            imageView.smoothProperty().unbind();
        }
        super.dispose();
    }
}
