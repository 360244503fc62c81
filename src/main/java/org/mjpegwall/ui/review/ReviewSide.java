package org.mjpegwall.ui.review;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mjpegwall.review.Recording;

/**
 * The review's side column: the day's motion events with their key frames, the other cameras of the day to tick
 * for playing in step, and the chosen camera's recordings of the day with their sizes (a click plays one).
 */
final class ReviewSide extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ReviewModel model;
    private final ReviewEventList events;
    private final VBox extras = new VBox(4);
    private final ListView<Recording> recordings = new ListView<>();
    private final UnaryOperator<String> names;

    /** @param names what to show for a camera of the recordings (see {@link ReviewView}) */
    ReviewSide(ReviewModel model, UnaryOperator<String> names, Consumer<ReviewDay.DayEvent> onEvent) {
        super(6);
        this.model = model;
        this.names = names;
        setId("review-side");
        getStyleClass().add("review-side");
        setPrefWidth(300);
        setMinWidth(240);
        events = new ReviewEventList(onEvent);
        VBox.setVgrow(events, Priority.ALWAYS);
        extras.setId("review-extras");
        recordings.setId("review-recordings");
        recordings.setItems(model.recordings());
        recordings.setPrefHeight(150);
        recordings.setMinHeight(80);
        Label none = new Label("No recordings.");
        none.getStyleClass().add("event-empty");
        recordings.setPlaceholder(none);
        recordings.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Recording r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : describe(r));
            }
        });
        recordings.setOnMouseClicked(e -> playRecording(recordings.getSelectionModel().getSelectedItem()));
        getChildren().addAll(title("Motion events"), events, title("Play in step with"), extras,
                title("Recordings of the day"), recordings);
        model.otherCameras().addListener((ListChangeListener<String>) c -> showExtras());
        showExtras();
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("event-panel-title");
        return l;
    }

    private void showExtras() {
        extras.getChildren().clear();
        for (String camera : model.otherCameras()) {
            CheckBox box = new CheckBox(names.apply(camera));
            box.setMnemonicParsing(false); // camera names have underscores
            box.setId("review-extra-" + camera);
            box.setSelected(model.extras().contains(camera));
            box.setOnAction(e -> model.setExtra(camera, box.isSelected()));
            extras.getChildren().add(box);
        }
        if (model.otherCameras().isEmpty()) {
            Label none = new Label("No other camera recorded that day.");
            none.getStyleClass().add("event-empty");
            extras.getChildren().add(none);
        }
    }

    private void playRecording(Recording r) {
        ReviewDay day = model.loadedProperty().get();
        if (r == null || day == null) {
            return;
        }
        day.lead().stream().filter(p -> p.recording().equals(r)).findFirst().ifPresent(p -> model.playFrom(p.startNanos()));
    }

    void show(ReviewDay day) {
        events.getItems().setAll(day == null ? java.util.List.of() : day.events());
    }

    void close() {
        events.close();
    }

    ReviewEventList events() {
        return events;
    }

    /** "14:02:05 · 2 files · 12.3 MB" ("named by hand" for a file without a time in its name). */
    static String describe(Recording r) {
        String start = r.start() == null ? r.base() : TIME.format(r.start());
        int n = r.segments().size();
        return start + " · " + (n == 1 ? "1 file" : n + " files") + " · " + megabytes(r.bytes());
    }

    /** "2026-11-30 · 12 recordings · 245.0 MB". */
    static String describe(ReviewModel.DayChoice d) {
        return d.day() + " · " + d.recordings() + (d.recordings() == 1 ? " recording" : " recordings") + " · "
                + megabytes(d.bytes());
    }

    static String megabytes(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%d kB", bytes / 1000)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
