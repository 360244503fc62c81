package org.mjpegwall.ui.window;

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
import org.mjpegwall.ui.control.Icons;

/**
 * Short notifications in the corner of the wall, each gone after a few seconds (kept while the pointer
 * is on it). All have the same width, their × in the top-right corner, and paths that wrap between
 * names rather than inside one.
 */
final class Notifier extends VBox {
    static final double WIDTH = 440;
    private static final int MAX_SHOWN = 4;

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
        Label text = new Label(message);
        text.getStyleClass().add("notification-text");
        text.setWrapText(true);
        VBox body = new VBox(4, text);
        if (path != null) {
            body.getChildren().add(pathView(path));
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

    /**
     * A path shown in full, one label per name: the flow wraps between names, never inside one.
     * (JavaFX text wraps at spaces only, so a path in a single label breaks in the middle of a name.)
     */
    static FlowPane pathView(Path path) {
        FlowPane flow = new FlowPane();
        flow.getStyleClass().add("notification-path");
        flow.setAccessibleText(path.toString());
        for (String part : segments(path.toString())) {
            Label name = new Label(part);
            name.getStyleClass().add("notification-path-part");
            name.setWrapText(true); // only a single name wider than the notification wraps inside itself
            flow.getChildren().add(name);
        }
        return flow;
    }

    /** "/a/b c/d.jpg" → "/", "a/", "b c/", "d.jpg": each name with the separator after it. */
    static java.util.List<String> segments(String path) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '\\') {
                parts.add(path.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < path.length()) {
            parts.add(path.substring(start));
        }
        return parts;
    }
}
