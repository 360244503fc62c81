package org.mjpegwall.ui.window;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.mjpegwall.ui.control.Icons;

/** The first-start hint above the demo cameras: how to add a real camera, a button that does, and a ×. */
final class DemoHint {
    private DemoHint() {
    }

    /**
     * @param add opens the camera manager to add a camera
     * @param close takes the hint away
     */
    static Region create(Runnable add, Runnable close) {
        Label text = new Label("These are built-in demo cameras. Add your own with File ▸ Manage cameras… (Ctrl+M): "
                + "enter a name and the camera's MJPEG URL, e.g. http://192.168.1.20:8080/video");
        text.setWrapText(true);
        text.getStyleClass().add("hint-text");
        Button addButton = new Button("Add a camera…");
        addButton.setId("hint-add");
        addButton.setOnAction(e -> add.run());
        addButton.setMinWidth(Region.USE_PREF_SIZE);
        Button closeButton = new Button(null, Icons.of(MaterialDesignC.CLOSE));
        closeButton.setAccessibleText("Close the hint");
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        closeButton.getStyleClass().addAll("hint-close", "flat");
        closeButton.setOnAction(e -> close.run());
        HBox box = new HBox(10, text, addButton, closeButton);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.setId("hint");
        box.getStyleClass().add("hint");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
