package org.mjpegwall.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Short notifications in the corner of the wall, each gone after a few seconds. */
final class Notifier extends VBox {
    Notifier() {
        super(6);
        setId("notifications");
        getStyleClass().add("notifications");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Shows a message; with an action label and handler, adds a link that runs it. */
    void show(String message, boolean error, String actionText, Runnable action) {
        Label label = new Label(message);
        label.getStyleClass().add("notification-text");
        label.setWrapText(true);
        label.setMaxWidth(460);
        HBox box = new HBox(10, label);
        box.getStyleClass().addAll("notification", error ? "notification-error" : "notification-info");
        box.setAlignment(Pos.CENTER_LEFT);
        if (action != null) {
            Hyperlink link = new Hyperlink(actionText);
            link.setId("notification-action");
            link.setOnAction(e -> action.run());
            box.getChildren().add(link);
        }
        Button close = new Button("×");
        close.getStyleClass().add("notification-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> getChildren().remove(box));
        box.getChildren().add(close);
        getChildren().add(box);
        while (getChildren().size() > 4) {
            getChildren().remove(0);
        }
        PauseTransition timeout = new PauseTransition(Duration.seconds(error ? 12 : 7));
        timeout.setOnFinished(e -> getChildren().remove(box));
        timeout.play();
    }
}
