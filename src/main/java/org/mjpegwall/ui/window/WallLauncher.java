package org.mjpegwall.ui.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mjpegwall.ui.model.WallStart;
import org.mjpegwall.ui.render.PrismTuning;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the camera wall program: prepares the session ({@link WallStart}: configuration, demo cameras),
 * opens the window, and closes it the way Quit does on SIGTERM, SIGINT or SIGHUP ({@link StopSignals},
 * {@link SignalStop}), then waits, bounded, for its last work (saving, finishing recordings, closing cameras).
 */
public final class WallLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(WallLauncher.class);
    /** How long the program waits for the wall's last work after its window closed. */
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);
    /** How long after a stop signal the program exits whatever happens (the close limit, and time to close). */
    private static final Duration SIGNAL_LIMIT = Duration.ofSeconds(15);
    private static final SignalStop SIGNAL = new SignalStop(Platform::runLater, WallLauncher::stopDemoCameras,
            WallLauncher::closeOnSignal, System::exit, TimeSource.SYSTEM, SIGNAL_LIMIT);
    private static volatile WallStart.Options options;
    private static volatile WallWindow window;
    private static volatile Stage primary;
    /** UI thread only: the start is opening the window. */
    private static boolean opening;

    private WallLauncher() {
    }

    /** Runs the wall until its window closes; returns the exit status. */
    public static int launch(WallStart.Options opts) {
        options = opts;
        Runtime.getRuntime().addShutdownHook(new Thread(WallLauncher::shutDown, "wall-shutdown"));
        StopSignals.install(SIGNAL::signalled);
        PrismTuning.apply();
        Application.launch(WallApplication.class);
        awaitClosed();
        SIGNAL.done();
        LOG.info("MJPEG Wall exits");
        return SIGNAL.status(0);
    }

    /** Waits for the wall's last work after its window closed, with a limit said in words. */
    private static void awaitClosed() {
        WallWindow w = window;
        if (w == null) {
            return;
        }
        try {
            if (!w.awaitClosed(CLOSE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The wall's last work (saving, finishing recordings, closing cameras) did not end within {} s:"
                        + " exiting anyway (an unfinished recording is repaired at the next start).", CLOSE_LIMIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the signal's thread: the session's end (stopping the built-in demo cameras; nothing for real ones) at once. */
    private static void stopDemoCameras() {
        WallWindow w = window;
        if (w != null) {
            w.controller().session().onClose().run(); // runs again, doing nothing, at the end of the close
        }
    }

    /**
     * On the UI thread, after a stop signal: the window closes as Quit does (without asking), then the toolkit ends.
     * Why the case of a window still being opened: a signal during the start ran this inside the start, in a nested
     * event loop (under a question, or while the window was being shown), before the window existed; exiting then
     * left the half-open wall to the watchdog. Now the question closes, and the start closes the window it opens.
     */
    private static void closeOnSignal() {
        WallWindow w = window;
        if (w != null) {
            w.stage().close(); // its close runs: recordings finish, the configuration is saved with what recorded
            Platform.exit(); // a review window or a question still open must not keep the program alive
        } else if (opening) {
            for (Window other : List.copyOf(Window.getWindows())) {
                if (other != primary) {
                    other.hide();
                }
            }
        } else {
            Platform.exit();
        }
    }

    /**
     * The fallback where no stop signal reaches {@link StopSignals} (the JVM runs with {@code -Xrs}, say): on the
     * JVM's shutdown the wall closes the way its Quit does, racing JavaFX's own hook, as well as it can.
     */
    private static void shutDown() {
        WallWindow w = window;
        if (w == null || w.isClosed() || SIGNAL.stopping()) {
            return;
        }
        LOG.info("stopping: finishing recordings and saving the configuration");
        try {
            Platform.runLater(() -> w.stage().close());
            if (!w.awaitClosed(CLOSE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The wall did not close within {} s: exiting anyway.", CLOSE_LIMIT.toSeconds());
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
            primary = stage;
            opening = true;
            try {
                open(stage);
            } finally {
                opening = false;
            }
            if (SIGNAL.stopping()) {
                closeOnSignal(); // the signal came while the window was being opened
            }
        }

        private void open(Stage stage) {
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
            if (SIGNAL.stopping()) {
                Platform.exit(); // a stop signal came while the session was prepared: no window to open
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
            if (SIGNAL.stopping()) { // nor after it came while the user read about the configuration
                Platform.exit();
                return;
            }
            window = new WallWindow(stage, prepared.session());
        }
    }
}
