package org.mjpegwall.ui.control;

import java.util.List;
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
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.mjpegwall.motion.Box;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.model.TileStatus;

/**
 * Builds a {@link Tile}'s nodes and sets its pseudo-classes; looks come from the stylesheet. Listeners
 * on the tile are registered with {@code registerChangeListener}, so {@link #dispose()} drops them all
 * (and the pseudo-classes) when the tile gets another skin. Name, badges, stats and buttons sit at the
 * tile's edges, not the picture's, so they line up across tiles whatever the cameras' aspect ratios;
 * the buttons sit above the stats line, never on it. The motion boxes are placed over the picture
 * itself (not the tile), from normalised coordinates, so they fit any tile size and aspect ratio.
 */
public final class TileSkin extends SkinBase<Tile> {
    private static final double GAP = 4;

    /** The black under the picture (and its letterbox bars), inside the tile's edge; see wall.css. */
    private final Region screen = new Region();
    private final ImageView imageView = new ImageView();
    private final Label name = new Label();
    private final StackPane overlay = new StackPane();
    private final Label statusLabel = new Label();
    private final Label stats = new Label();
    private final HBox badges = new HBox(GAP);
    private final HBox recordingBox = new HBox(4);
    private final Label recordingLabel = new Label();
    private final Label modeRecordingBadge = new Label();
    private final Label sharedBadge = new Label("SHARED", Icons.of(MaterialDesignS.SHARE_VARIANT));
    private final Label motionBadge = new Label("MOTION", Icons.of(MaterialDesignM.MOTION_SENSOR));
    private final Pane motionLayer = new Pane();
    private final HBox buttons = new HBox(GAP);
    private final Button record;
    private final Button share;
    private final Button focus;

    public TileSkin(Tile tile) {
        super(tile);
        screen.getStyleClass().add("tile-screen");
        screen.setMouseTransparent(true);
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
        stats.visibleProperty().bind(tile.statsVisibleProperty().and(tile.statsTextProperty().isNotEmpty()));
        stats.setMouseTransparent(true);

        Circle dot = new Circle(5);
        dot.getStyleClass().add("tile-rec-dot");
        recordingLabel.getStyleClass().add("tile-rec-time");
        recordingLabel.textProperty().bind(tile.recordingTextProperty());
        recordingBox.getStyleClass().addAll("tile-recording", "tile-badge");
        recordingBox.setAlignment(Pos.CENTER_LEFT);
        recordingBox.getChildren().addAll(dot, recordingLabel);
        recordingBox.visibleProperty().bind(tile.recordingProperty());
        recordingBox.managedProperty().bind(recordingBox.visibleProperty());
        sharedBadge.getStyleClass().addAll("tile-shared", "tile-badge");
        sharedBadge.visibleProperty().bind(tile.sharingProperty());
        sharedBadge.managedProperty().bind(sharedBadge.visibleProperty());
        motionBadge.getStyleClass().addAll("tile-motion", "tile-badge");
        motionBadge.visibleProperty().bind(tile.motionProperty());
        motionBadge.managedProperty().bind(motionBadge.visibleProperty());
        badges.getChildren().addAll(motionBadge, sharedBadge, recordingBox);
        // The recording mode's badge, apart from the Rec button's: it records by itself, and Rec still works.
        Circle modeDot = new Circle(4);
        modeDot.getStyleClass().add("tile-rec-dot");
        modeRecordingBadge.setGraphic(modeDot);
        modeRecordingBadge.getStyleClass().addAll("tile-mode-recording", "tile-badge");
        modeRecordingBadge.textProperty().bind(tile.modeRecordingTextProperty());
        modeRecordingBadge.visibleProperty().bind(tile.modeRecordingTextProperty().isNotEmpty());
        modeRecordingBadge.managedProperty().bind(modeRecordingBadge.visibleProperty());
        badges.getChildren().add(modeRecordingBadge);
        motionLayer.getStyleClass().add("tile-motion-layer");
        motionLayer.setMouseTransparent(true);
        motionLayer.setManaged(false);
        badges.setAlignment(Pos.TOP_RIGHT);
        badges.setMouseTransparent(true);
        badges.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        Button snapshot = button("tile-snapshot", MaterialDesignC.CAMERA, "Snapshot (S)", TileAction.SNAPSHOT);
        record = button("tile-record", MaterialDesignR.RECORD, "Record (R)", TileAction.RECORD);
        record.disableProperty().bind(tile.recordAvailableProperty().not());
        share = button("tile-share", MaterialDesignS.SHARE_VARIANT, "Share (U)", TileAction.SHARE);
        focus = button("tile-focus", MaterialDesignF.FULLSCREEN, "Focus (Enter)", TileAction.FOCUS);
        buttons.getStyleClass().add("tile-buttons");
        buttons.setAlignment(Pos.BOTTOM_RIGHT);
        buttons.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        buttons.getChildren().addAll(snapshot, record, share, focus);
        // Shown on hover; the context menu and the keyboard reach the same actions.
        buttons.visibleProperty().bind(tile.hoverProperty());

        getChildren().addAll(screen, imageView, motionLayer, overlay, name, badges, stats, buttons);
        registerChangeListener(tile.statusProperty(), o -> updateStatus());
        registerChangeListener(tile.imageProperty(), o -> updateStatus());
        registerChangeListener(tile.recordingProperty(), o -> updateRecording());
        registerChangeListener(tile.sharingProperty(), o -> updateSharing());
        registerChangeListener(tile.selectedProperty(), o -> updateSelected());
        registerChangeListener(tile.focusViewProperty(), o -> updateFocusButton());
        registerChangeListener(tile.motionProperty(), o -> updateMotion());
        registerChangeListener(tile.motionBoxesProperty(), o -> updateBoxes());
        updateStatus();
        updateRecording();
        updateSharing();
        updateSelected();
        updateFocusButton();
        updateMotion();
        updateBoxes();
    }

    private Button button(String styleClass, org.kordamp.ikonli.Ikon icon, String tooltip, TileAction action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll("tile-button", styleClass);
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> getSkinnable().fire(action));
        return b;
    }

    private static void set(Button b, org.kordamp.ikonli.Ikon icon, String tooltip) {
        ((FontIcon) b.getGraphic()).setIconCode(icon);
        b.getTooltip().setText(tooltip);
        b.setAccessibleText(tooltip);
    }

    /**
     * The overlay says why a camera is not live; the tile is {@code :stale} then (its picture is dimmed),
     * except while it connects and has no picture yet ({@code :connecting}).
     */
    private void updateStatus() {
        Tile tile = getSkinnable();
        TileStatus s = tile.getStatus();
        boolean live = s == null || s.live();
        overlay.setVisible(!live);
        statusLabel.setText(s == null ? "" : s.text());
        boolean connecting = !live && s.kind() == TileStatus.Kind.CONNECTING && tile.getImage() == null;
        tile.pseudoClassStateChanged(Tile.CONNECTING, connecting);
        tile.pseudoClassStateChanged(Tile.STALE, !live && !connecting);
    }

    private void updateRecording() {
        boolean on = getSkinnable().recordingProperty().get();
        getSkinnable().pseudoClassStateChanged(Tile.RECORDING, on);
        set(record, on ? MaterialDesignS.STOP : MaterialDesignR.RECORD, on ? "Stop recording (R)" : "Record (R)");
    }

    private void updateSharing() {
        boolean on = getSkinnable().sharingProperty().get();
        getSkinnable().pseudoClassStateChanged(Tile.SHARING, on);
        share.getTooltip().setText(on ? "Stop sharing (U)" : "Share (U)");
        share.setAccessibleText(share.getTooltip().getText());
    }

    private void updateSelected() {
        getSkinnable().pseudoClassStateChanged(Tile.SELECTED, getSkinnable().isSelected());
    }

    private void updateMotion() {
        getSkinnable().pseudoClassStateChanged(Tile.MOTION, getSkinnable().motionProperty().get());
    }

    /** One rectangle per box (at most a few), placed in {@link #layoutChildren}. */
    private void updateBoxes() {
        List<Box> boxes = getSkinnable().motionBoxesProperty().get();
        int n = boxes == null ? 0 : boxes.size();
        while (motionLayer.getChildren().size() > n) {
            motionLayer.getChildren().remove(motionLayer.getChildren().size() - 1);
        }
        while (motionLayer.getChildren().size() < n) {
            Rectangle r = new Rectangle();
            r.getStyleClass().add("tile-motion-box");
            motionLayer.getChildren().add(r);
        }
        getSkinnable().requestLayout();
    }

    private void placeBoxes(double px, double py, double pw, double ph) {
        motionLayer.resizeRelocate(px, py, pw, ph);
        List<Box> boxes = getSkinnable().motionBoxesProperty().get();
        for (int i = 0; i < motionLayer.getChildren().size() && boxes != null && i < boxes.size(); i++) {
            Box b = boxes.get(i);
            Rectangle r = (Rectangle) motionLayer.getChildren().get(i);
            r.setX(Math.round(b.x() * pw));
            r.setY(Math.round(b.y() * ph));
            r.setWidth(Math.max(2, Math.round(b.width() * pw)));
            r.setHeight(Math.max(2, Math.round(b.height() * ph)));
        }
    }

    private void updateFocusButton() {
        boolean back = getSkinnable().focusViewProperty().get();
        set(focus, back ? MaterialDesignA.ARROW_LEFT : MaterialDesignF.FULLSCREEN,
                back ? "Back to the wall (Esc)" : "Focus (Enter)");
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        Image img = imageView.getImage();
        if (img != null) {
            double[] fit = GridLayout.fit(img.getWidth(), img.getHeight(), w, h);
            // A picture made to fit the tile (the renderer's box: whole pixels, rounded down) is drawn at its own
            // size: JavaFX's software pipeline copies a 1:1 picture row by row but samples a scaled one pixel by
            // pixel, on its one render thread. Anything else is snapped to whole pixels.
            double[] box = getSkinnable().imageBox();
            double[] snug = GridLayout.fit(img.getWidth(), img.getHeight(), Math.floor(box[0] + 1e-6),
                    Math.floor(box[1] + 1e-6));
            boolean madeToFit = Math.round(snug[0]) == img.getWidth() && Math.round(snug[1]) == img.getHeight();
            double iw = madeToFit ? img.getWidth() : Math.round(fit[0]);
            double ih = madeToFit ? img.getHeight() : Math.round(fit[1]);
            imageView.setFitWidth(iw);
            imageView.setFitHeight(ih);
            imageView.relocate(Math.round(x + (w - iw) / 2), Math.round(y + (h - ih) / 2));
            placeBoxes(Math.round(x + (w - iw) / 2), Math.round(y + (h - ih) / 2), iw, ih);
        }
        motionLayer.setVisible(img != null);
        screen.resizeRelocate(x, y, w, h);
        overlay.resizeRelocate(x, y, w, h);
        layoutInArea(name, x + GAP, y + GAP, w / 2, h, 0, HPos.LEFT, VPos.TOP);
        layoutInArea(badges, x + w / 2, y + GAP, w / 2 - GAP, h, 0, HPos.RIGHT, VPos.TOP);
        double statsHeight = stats.isVisible() ? snapSizeY(stats.prefHeight(-1)) : 0;
        layoutInArea(stats, x + GAP, y, w - 2 * GAP, h - GAP, 0, HPos.LEFT, VPos.BOTTOM);
        double buttonsBottom = h - GAP - (statsHeight > 0 ? statsHeight + GAP : 0);
        layoutInArea(buttons, x, y, w - GAP, buttonsBottom, 0, HPos.RIGHT, VPos.BOTTOM);
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

    /** Drops the registered listeners (in {@code super.dispose()}), the bindings to the tile, and the pseudo-classes. */
    @Override
    public void dispose() {
        Tile tile = getSkinnable();
        if (tile != null) {
            imageView.imageProperty().unbind();
            imageView.smoothProperty().unbind();
            for (var p : new javafx.css.PseudoClass[] {Tile.CONNECTING, Tile.STALE, Tile.RECORDING, Tile.SHARING, Tile.SELECTED,
                Tile.MOTION}) {
                tile.pseudoClassStateChanged(p, false);
            }
        }
        super.dispose();
    }
}
