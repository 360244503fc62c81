package org.mjpegwall.ui.window;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.mjpegwall.ui.model.WallStart;
import org.mjpegwall.ui.render.PrismTuning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the camera wall program: prepares the session ({@link WallStart}: configuration, demo cameras),
 * opens the window, and closes it the way Quit does on SIGTERM.
 */
public final class WallLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(WallLauncher.class);
    private static volatile WallStart.Options options;
    private static volatile WallWindow window;

    private WallLauncher() {
    }

    /** Runs the wall until its window closes; returns the exit status. */
    public static int launch(WallStart.Options opts) {
        options = opts;
        Thread hook = new Thread(WallLauncher::shutDown, "wall-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrismTuning.apply();
        Application.launch(WallApplication.class);
        WallWindow w = window;
        if (w != null) {
            try {
                // Recordings finish their files and cameras stop before the JVM goes.
                w.awaitClosed(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /**
     * On SIGTERM (or Ctrl+C, a logout, a shutdown) the wall closes the way its Quit does, without asking:
     * recordings finish their files (so that they play), shares stop, and the configuration is saved
     * with what was recording, so it records again at the next start.
     */
    private static void shutDown() {
        WallWindow w = window;
        if (w == null || w.isClosed()) {
            return;
        }
        LOG.info("stopping: finishing recordings and saving the configuration");
        try {
            Platform.runLater(() -> w.stage().close());
            if (!w.awaitClosed(15, TimeUnit.SECONDS)) {
                LOG.warn("the wall did not close within 15 s");
            }
        } catch (IllegalStateException e) {
            LOG.debug("JavaFX is gone already", e); // the window closed as the JVM stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JavaFX application behind {@link #launch}. */
    public static final class WallApplication extends Application {
        @Override
        public void start(Stage stage) {
            WallStart.Options opts = options == null ? WallStart.Options.defaults() : options;
            WallStart.Prepared prepared;
            try {
                prepared = WallStart.prepareOrRecover(opts, Instant.now());
            } catch (RuntimeException e) {
                // For example no free local port for the demo cameras: say so rather than die silently.
                LOG.error("cannot start the wall: {}", e.getMessage());
                Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
                alert.setHeaderText("MJPEG Wall cannot start");
                Theme.apply(alert);
                alert.showAndWait();
                Platform.exit();
                return;
            }
            if (prepared.problem() != null) {
                Alert alert = new Alert(Alert.AlertType.WARNING, prepared.problem());
                alert.setHeaderText("The configuration cannot be used");
                alert.getDialogPane().setId("config-problem");
                alert.getDialogPane().setMinWidth(480);
                Theme.apply(alert);
                alert.showAndWait();
            }
            window = new WallWindow(stage, prepared.session());
        }
    }
}
