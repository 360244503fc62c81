package org.mjpegwall.ui.control;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.Image;
import org.mjpegwall.motion.Box;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.model.TileStatus;

/**
 * One camera tile: name, live image (letterboxed), status overlay, stats line, recording and
 * sharing badges, motion (a badge and the moving area's boxes), and hover buttons. Holds properties
 * only; {@link TileSkin} builds the nodes and sets the pseudo-classes {@code :connecting}, {@code :stale},
 * {@code :recording}, {@code :selected}, {@code :sharing} and {@code :motion}, through which the
 * stylesheet decides the looks.
 */
public final class Tile extends Control {
    public static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    public static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass SHARING = PseudoClass.getPseudoClass("sharing");
    public static final PseudoClass MOTION = PseudoClass.getPseudoClass("motion");

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<TileStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty statsText = new SimpleStringProperty(this, "statsText", "");
    private final BooleanProperty statsVisible = new SimpleBooleanProperty(this, "statsVisible");
    private final BooleanProperty recording = new SimpleBooleanProperty(this, "recording");
    private final StringProperty recordingText = new SimpleStringProperty(this, "recordingText", "");
    private final StringProperty modeRecordingText = new SimpleStringProperty(this, "modeRecordingText", "");
    private final BooleanProperty recordAvailable = new SimpleBooleanProperty(this, "recordAvailable");
    private final BooleanProperty sharing = new SimpleBooleanProperty(this, "sharing");
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private final BooleanProperty motion = new SimpleBooleanProperty(this, "motion");
    private final ObjectProperty<List<Box>> motionBoxes = new SimpleObjectProperty<>(this, "motionBoxes", List.of());
    private final BooleanProperty smoothImage = new SimpleBooleanProperty(this, "smoothImage");
    private final BooleanProperty focusView = new SimpleBooleanProperty(this, "focusView");
    private final ObjectProperty<Consumer<TileAction>> onAction = new SimpleObjectProperty<>(this, "onAction");

    public Tile() {
        getStyleClass().add("tile");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TileSkin(this);
    }

    /** Runs the tile's action handler, if any. */
    public void fire(TileAction action) {
        Consumer<TileAction> handler = onAction.get();
        if (handler != null) {
            handler.accept(action);
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public void setTitle(String value) {
        title.set(value);
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public Image getImage() {
        return image.get();
    }

    public void setImage(Image value) {
        image.set(value);
    }

    public ObjectProperty<TileStatus> statusProperty() {
        return status;
    }

    public TileStatus getStatus() {
        return status.get();
    }

    public void setStatus(TileStatus value) {
        status.set(value);
    }

    public StringProperty statsTextProperty() {
        return statsText;
    }

    public BooleanProperty statsVisibleProperty() {
        return statsVisible;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public StringProperty recordingTextProperty() {
        return recordingText;
    }

    /** What the camera's recording mode writes now ("REC · motion"), or "" for no badge; apart from the Rec button. */
    public StringProperty modeRecordingTextProperty() {
        return modeRecordingText;
    }

    /** Whether recording is possible at all; the record button is disabled otherwise, never faked. */
    public BooleanProperty recordAvailableProperty() {
        return recordAvailable;
    }

    public BooleanProperty sharingProperty() {
        return sharing;
    }

    /** A motion event is open on the camera. */
    public BooleanProperty motionProperty() {
        return motion;
    }

    /** Where the picture moves, normalised to the picture (0..1 from its top-left); empty for none. */
    public ObjectProperty<List<Box>> motionBoxesProperty() {
        return motionBoxes;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** Smooth scaling for the focus view; the wall decodes at drawn size and needs none. */
    public BooleanProperty smoothImageProperty() {
        return smoothImage;
    }

    /** The tile is the focus view: its focus button goes back to the wall. */
    public BooleanProperty focusViewProperty() {
        return focusView;
    }

    public ObjectProperty<Consumer<TileAction>> onActionProperty() {
        return onAction;
    }

    /** The box the image is letterboxed into, in layout pixels: {@code [width, height]}. */
    public double[] imageBox() {
        return new double[] {
            Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()),
            Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset())
        };
    }
}
