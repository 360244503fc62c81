package org.mjpegwall.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Short notifications in the corner of the wall, each gone after a few seconds (kept while the pointer
 * is on it). All have the same width, their × in the top-right corner, and paths that wrap at their
 * separators rather than mid-name.
 */
final class Notifier extends VBox {
    static final double WIDTH = 440;
    private static final int MAX_SHOWN = 4;
    /** Zero-width space: a place where a line may break, invisible and not copied into paths we hand out. */
    private static final String BREAK = "\u200B";

    /** A link under a notification's text. */
    record Link(String id, String text, Runnable action) {
    }

    Notifier() {
        super(6);
        setId("notifications");
        getStyleClass().add("notifications");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /**
     * Shows a message, optionally with a file or folder path on a line of its own and links under it.
     *
     * @param path shown in full, wrapped at its separators; {@code null} for none
     */
    void show(String message, boolean error, Path path, List<Link> links) {
        Label text = new Label(breakable(message));
        text.getStyleClass().add("notification-text");
        text.setWrapText(true);
        VBox body = new VBox(4, text);
        if (path != null) {
            Label where = new Label(breakable(path.toString()));
            where.getStyleClass().add("notification-path");
            where.setWrapText(true);
            where.setAccessibleText(path.toString());
            body.getChildren().add(where);
        }
        if (!links.isEmpty()) {
            FlowPane row = new FlowPane(8, 0);
            for (Link l : links) {
                Hyperlink link = new Hyperlink(l.text());
                link.setId(l.id());
                link.getStyleClass().add("notification-link");
                link.setOnAction(e -> l.action().run());
                row.getChildren().add(link);
            }
            body.getChildren().add(row);
        }
        Button close = new Button(null, Icons.of(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("notification-close", "flat");
        close.setAccessibleText("Close");
        close.setFocusTraversable(false);
        BorderPane box = new BorderPane(body);
        box.setRight(close);
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);
        box.getStyleClass().addAll("notification", error ? "notification-error" : "notification-info");
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.setMinWidth(WIDTH);
        close.setOnAction(e -> getChildren().remove(box));
        getChildren().add(box);
        while (getChildren().size() > MAX_SHOWN) {
            getChildren().remove(0);
        }
        PauseTransition timeout = new PauseTransition(Duration.seconds(error || !links.isEmpty() ? 12 : 7));
        timeout.setOnFinished(e -> {
            if (box.isHover()) {
                timeout.playFromStart(); // being read or clicked: stay
            } else {
                getChildren().remove(box);
            }
        });
        timeout.play();
    }

    /** The text with a break opportunity after every path separator, so paths and URLs wrap between names. */
    static String breakable(String text) {
        return text == null ? "" : text.replace("/", "/" + BREAK).replace("\\", "\\" + BREAK);
    }

    /** The text as given to {@link #breakable}, for tests and copying. */
    static String plain(String shown) {
        return shown == null ? "" : shown.replace(BREAK, "");
    }
}
