package org.mjpegwall.ui.window;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.ui.control.Icons;
import org.mjpegwall.ui.render.Thumbnails;

/**
 * The motion event list beside the wall (View ▸ Motion events, E): recent events, newest first, each
 * with its key frame small, the time, the camera and how long it lasted; a click focuses the camera.
 *
 * <p>A key frame is a camera's full JPEG (up to megabytes): {@link Thumbnails} decodes it at thumbnail size on
 * {@code event-thumbnails}, never on the FX thread, once per key frame, and the small images are dropped when
 * their events leave the list.
 */
final class EventListPanel extends VBox {
    static final double THUMB_WIDTH = 112;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ListView<MotionEvent> list = new ListView<>();
    private final ZoneId zone;
    /** The key frames small, decoded once each off the FX thread, put into the rows showing them when ready. */
    private final Thumbnails<Frame> thumbs = new Thumbnails<>("event-thumbnails", THUMB_WIDTH, THUMB_WIDTH * 9 / 16, true,
            (frame, img) -> {
                // Into the rows showing it; not list.refresh(), which makes new rows and loses a click in progress.
                for (EventCell c : cells()) {
                    c.showThumbnail(frame, img);
                }
            });
    /** FX thread only: the rows the list made (as many as fit, reused as it scrolls; weak: the list may drop some). */
    private final Set<EventCell> cells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * @param events the controller's list (newest first), changed on the FX thread
     * @param onChoose called with the event clicked (or chosen with Enter)
     * @param onReview called with the event whose Review button was clicked (plays its recording)
     */
    EventListPanel(ObservableList<MotionEvent> events, ZoneId zone, Consumer<MotionEvent> onChoose,
            Consumer<MotionEvent> onReview) {
        this.zone = zone;
        setId("event-list");
        getStyleClass().add("event-panel");
        Label title = new Label("Motion events");
        title.getStyleClass().add("event-panel-title");
        Label empty = new Label("No motion yet.");
        empty.getStyleClass().add("event-empty");
        list.setPlaceholder(empty);
        list.setItems(events);
        list.setCellFactory(v -> {
            EventCell c = new EventCell(onChoose, onReview);
            cells.add(c);
            return c;
        });
        list.getStyleClass().add("event-list");
        list.setFocusTraversable(false);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        setPrefWidth(300);
        setMinWidth(240);
        events.addListener((ListChangeListener<MotionEvent>) c -> forgetGone(events));
    }

    ListView<MotionEvent> list() {
        return list;
    }

    /** Stops the thumbnail thread (the window closes). */
    void close() {
        thumbs.close();
    }

    private Set<EventCell> cells() {
        return cells;
    }

    private void forgetGone(ObservableList<MotionEvent> events) {
        thumbs.retain(events.stream().map(MotionEvent::keyFrame).toList());
    }

    /** The key frame small, or {@code null} while it is being decoded (the cell is given it then). */
    private Image thumbnail(Frame frame) {
        return thumbs.get(frame, frame::jpeg);
    }

    /** "14:02:05 · 12 s", "14:02:05 · going on". */
    String describe(MotionEvent e) {
        String start = TIME.format(e.start().atZone(zone));
        if (e.open()) {
            return start + " · going on";
        }
        long s = Math.max(1, Math.round(Duration.between(e.start(), e.end()).toMillis() / 1000.0));
        return start + " · " + (s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s");
    }

    private final class EventCell extends ListCell<MotionEvent> {
        private final ImageView thumb = thumbs.newView();
        private final Label camera = new Label();
        private final Label when = new Label();
        private final HBox row;

        /** A click on a row chooses its event (whatever the list's selection was); its button reviews it. */
        EventCell(Consumer<MotionEvent> onChoose, Consumer<MotionEvent> onReview) {
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null) {
                    onChoose.accept(getItem());
                }
            });
            camera.getStyleClass().add("event-camera");
            when.getStyleClass().add("event-time");
            Button review = new Button(null, Icons.of(MaterialDesignP.PLAY));
            review.getStyleClass().addAll("event-review", "flat");
            review.setTooltip(new Tooltip("Play the recording from just before this event (review)"));
            review.setFocusTraversable(false);
            review.setOnAction(e -> {
                if (!isEmpty() && getItem() != null) {
                    onReview.accept(getItem());
                }
            });
            review.addEventHandler(MouseEvent.MOUSE_CLICKED, Event::consume); // not the row's click (focus)
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, thumb, new VBox(2, camera, when), gap, review);
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("event-cell");
        }

        void showThumbnail(Frame frame, Image img) {
            if (!isEmpty() && getItem() != null && getItem().keyFrame() == frame) {
                thumb.setImage(img);
            }
        }

        @Override
        protected void updateItem(MotionEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), false);
                return;
            }
            thumb.setImage(thumbnail(e.keyFrame()));
            camera.setText(e.name().isEmpty() ? e.camera() : e.name());
            when.setText(describe(e));
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), e.open());
            setText(null);
            setGraphic(row);
        }
    }
}
