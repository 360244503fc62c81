package org.mjpegwall.ui.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mjpegwall.ui.render.Thumbnails;

/**
 * The review's list of the day's motion events: each with its key frame small (the same {@link Thumbnails} as the
 * wall's event list), its time and length; a click plays from just before it.
 */
final class ReviewEventList extends ListView<ReviewDay.DayEvent> {
    static final double THUMB_WIDTH = 96;
    /** Largest key frame file read for a thumbnail: the files are untrusted (anyone may put one there). */
    static final long MAX_KEY_FRAME_BYTES = 16L << 20;

    private final Set<EventCell> cells = Collections.newSetFromMap(new WeakHashMap<>());
    private final Thumbnails<Path> thumbs = new Thumbnails<>("review-thumbnails", THUMB_WIDTH, THUMB_WIDTH * 9 / 16,
            false, (file, img) -> cells.forEach(c -> c.showThumbnail(file, img)));

    ReviewEventList(Consumer<ReviewDay.DayEvent> onChoose) {
        setId("review-events");
        getStyleClass().add("event-list");
        Label empty = new Label("No motion events logged for this camera and day.");
        empty.setWrapText(true);
        empty.getStyleClass().add("event-empty");
        setPlaceholder(empty);
        setCellFactory(v -> {
            EventCell c = new EventCell(onChoose);
            cells.add(c);
            return c;
        });
        getItems().addListener((javafx.collections.ListChangeListener<ReviewDay.DayEvent>) c -> thumbs.retain(
                getItems().stream().map(ReviewDay.DayEvent::keyFrame).filter(Objects::nonNull).toList()));
    }

    void close() {
        thumbs.close();
    }

    /** A key frame file's bytes, refusing one too large to be ours. */
    static byte[] readKeyFrame(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) MAX_KEY_FRAME_BYTES + 1);
            if (b.length > MAX_KEY_FRAME_BYTES) {
                throw new IOException(file + ": too large for a key frame");
            }
            return b;
        }
    }

    /** "14:02:05 · 12 s", "14:02:05 · unfinished". */
    static String describe(ReviewDay.DayEvent e) {
        String start = ReviewExport.clock(e.startNanos()).substring(0, 8);
        if (e.event().unfinished()) {
            return start + " · unfinished";
        }
        long s = Math.max(1, Math.round((e.endNanos() - e.startNanos()) / 1e9));
        return start + " · " + (s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s");
    }

    private final class EventCell extends ListCell<ReviewDay.DayEvent> {
        private final ImageView thumb = thumbs.newView();
        private final Label when = new Label();
        private final Label how = new Label();
        private final HBox row;

        EventCell(Consumer<ReviewDay.DayEvent> onChoose) {
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null) {
                    onChoose.accept(getItem());
                }
            });
            when.getStyleClass().add("event-camera");
            how.getStyleClass().add("event-time");
            row = new HBox(8, thumb, new VBox(2, when, how));
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("event-cell");
        }

        void showThumbnail(Path file, Image img) {
            if (!isEmpty() && getItem() != null && file.equals(getItem().keyFrame())) {
                thumb.setImage(img);
            }
        }

        @Override
        protected void updateItem(ReviewDay.DayEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Path file = e.keyFrame();
            thumb.setImage(file == null ? null : thumbs.get(file, () -> readKeyFrame(file)));
            when.setText(describe(e));
            how.setText(String.format(java.util.Locale.ROOT, "motion %.0f %% of the picture", e.event().peakArea() * 100));
            setText(null);
            setGraphic(row);
        }
    }
}
