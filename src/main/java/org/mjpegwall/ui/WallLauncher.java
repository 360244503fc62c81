package org.mjpegwall.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** SCAFFOLD: a plain window until the wall lands; the UI helper replaces it. */
public final class WallLauncher {
    private WallLauncher() {
    }

    public static int launch(String[] args) {
        Application.launch(PlainApp.class, args);
        return 0;
    }

    public static final class PlainApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("MJPEG Wall");
            stage.setScene(new Scene(new StackPane(new Label("MJPEG Wall")), 800, 600));
            stage.show();
        }
    }
}
