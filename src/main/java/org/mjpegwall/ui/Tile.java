package org.mjpegwall.ui;

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

/**
 * One camera tile: name, live image (letterboxed), status overlay, stats line, recording and
 * sharing badges, and hover buttons. Holds properties only; {@link TileSkin} builds the nodes, and the
 * stylesheet decides the looks through the pseudo-classes {@code :connecting}, {@code :stale},
 * {@code :recording} and {@code :selected}.
 */
public final class Tile extends Control {
    /** What the tile's buttons and menu ask for. */
    public enum Action { SNAPSHOT, RECORD, SHARE, FOCUS }

    static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass SHARING = PseudoClass.getPseudoClass("sharing");

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<TileStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty statsText = new SimpleStringProperty(this, "statsText", "");
    private final BooleanProperty statsVisible = new SimpleBooleanProperty(this, "statsVisible");
    private final BooleanProperty recording = new SimpleBooleanProperty(this, "recording");
    private final StringProperty recordingText = new SimpleStringProperty(this, "recordingText", "");
    private final BooleanProperty recordAvailable = new SimpleBooleanProperty(this, "recordAvailable");
    private final BooleanProperty sharing = new SimpleBooleanProperty(this, "sharing");
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private final BooleanProperty smoothImage = new SimpleBooleanProperty(this, "smoothImage");
    private final BooleanProperty focusView = new SimpleBooleanProperty(this, "focusView");
    private final ObjectProperty<Consumer<Action>> onAction = new SimpleObjectProperty<>(this, "onAction");

    public Tile() {
        getStyleClass().add("tile");
        setFocusTraversable(false);
        status.addListener((obs, old, s) -> updateStatusPseudoClasses());
        image.addListener((obs, old, s) -> updateStatusPseudoClasses());
        recording.addListener((obs, old, r) -> pseudoClassStateChanged(RECORDING, r));
        selected.addListener((obs, old, r) -> pseudoClassStateChanged(SELECTED, r));
        sharing.addListener((obs, old, r) -> pseudoClassStateChanged(SHARING, r));
    }

    private void updateStatusPseudoClasses() {
        TileStatus s = status.get();
        boolean live = s == null || s.live();
        boolean connecting = !live && s.kind() == TileStatus.Kind.CONNECTING && image.get() == null;
        pseudoClassStateChanged(CONNECTING, connecting);
        pseudoClassStateChanged(STALE, !live && !connecting);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TileSkin(this);
    }

    /** Runs the tile's action handler, if any. */
    public void fire(Action action) {
        Consumer<Action> handler = onAction.get();
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

    /** Whether recording is possible at all; the record button is disabled otherwise, never faked. */
    public BooleanProperty recordAvailableProperty() {
        return recordAvailable;
    }

    public BooleanProperty sharingProperty() {
        return sharing;
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

    public ObjectProperty<Consumer<Action>> onActionProperty() {
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
