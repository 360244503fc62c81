package org.mjpegwall.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigException;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the camera wall program: loads the configuration, starts demo cameras if needed, opens the window. */
public final class WallLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(WallLauncher.class);
    private static volatile Options options;
    private static volatile WallWindow window;

    /**
     * What the command line asked for.
     *
     * @param configFile the configuration file, or {@code null} for the default location
     * @param demoCameras open this many demo cameras without touching the saved configuration, or 0
     * @param demoWidth demo image width
     * @param demoHeight demo image height
     * @param demoFps demo frame rate
     * @param kiosk start in kiosk mode (and remember it)
     */
    public record Options(Path configFile, int demoCameras, int demoWidth, int demoHeight, int demoFps, boolean kiosk) {
        public Options(Path configFile, int demoCameras, int demoWidth, int demoHeight, int demoFps) {
            this(configFile, demoCameras, demoWidth, demoHeight, demoFps, false);
        }
    }

    private WallLauncher() {
    }

    /** Runs the wall until its window closes; returns the exit status. */
    public static int launch(Options opts) {
        options = opts;
        Thread hook = new Thread(WallLauncher::shutDown, "wall-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Application.launch(WallApplication.class);
        WallWindow w = window;
        if (w != null) {
            try {
                // Recordings finish their files and cameras stop before the JVM goes.
                w.awaitClosed(15, java.util.concurrent.TimeUnit.SECONDS);
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
            if (!w.awaitClosed(15, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("the wall did not close within 15 s");
            }
        } catch (IllegalStateException e) {
            LOG.debug("JavaFX is gone already", e); // the window closed as the JVM stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Prepares a session: the configuration (or a clear error), and demo cameras on first start or
     * with {@code --demo N}.
     *
     * @throws ConfigException when the configuration file exists but cannot be read
     */
    public static WallSession prepare(Options opts) throws ConfigException {
        ConfigStore store = store(opts);
        Optional<WallConfig> loaded = store.load();
        WallConfig config = loaded.orElse(WallConfig.empty());
        // Why "no cameras" and not "no file": quitting on first start saves the window's geometry, and the
        // next start must still show the demo cameras rather than an empty wall.
        int demos = opts.demoCameras() > 0 ? opts.demoCameras() : config.cameras().isEmpty() ? 4 : 0;
        if (demos == 0) {
            return new WallSession(store, true, config, List.of(), false, CameraConnector::connect, null, opts.kiosk());
        }
        DemoCameras demo = DemoCameras.start(demos, opts.demoWidth(), opts.demoHeight(), opts.demoFps());
        List<CameraConfig> cameras = new ArrayList<>(demo.cameras());
        boolean firstStart = opts.demoCameras() <= 0;
        LOG.info("{} with {} demo cameras", firstStart ? "first start" : "demo mode", demos);
        return new WallSession(store, firstStart, config, cameras, firstStart, CameraConnector::connect, demo::close,
                opts.kiosk());
    }

    /**
     * A session to start from, and what to tell the user when the configuration could not be used.
     *
     * @param problem a message for the user, or {@code null} when all went well
     */
    public record Prepared(WallSession session, String problem) {
    }

    /**
     * Like {@link #prepare}, but never gives up because of the configuration file: a file that is not a
     * valid configuration is moved aside (kept as a backup) and the wall starts afresh, saving to a new
     * file; a file that cannot be read (or moved) is left alone and the wall runs with demo cameras
     * without saving, so it is never overwritten.
     */
    public static Prepared prepareOrRecover(Options opts, Instant now) {
        try {
            return new Prepared(prepare(opts), null);
        } catch (ConfigException e) {
            LOG.warn("cannot use the configuration: {}", e.getMessage());
            ConfigStore store = store(opts);
            if (e.corrupt()) {
                try {
                    Path backup = store.moveAside(now);
                    return new Prepared(prepare(opts), e.getMessage() + "\n\nIt is kept as " + backup
                            + ". The wall starts afresh; changes you make now are saved to a new configuration file.");
                } catch (ConfigException moveFailed) {
                    LOG.warn("{}", moveFailed.getMessage());
                }
            }
            DemoCameras demo = DemoCameras.start(4, opts.demoWidth(), opts.demoHeight(), opts.demoFps());
            WallSession session = new WallSession(store, false, WallConfig.empty(), demo.cameras(), false,
                    CameraConnector::connect, demo::close, opts.kiosk());
            return new Prepared(session, e.getMessage() + "\n\nThe file is left as it is and nothing is saved to it"
                    + " while the wall runs (with demo cameras). Fix or remove the file, then start again.");
        }
    }

    private static ConfigStore store(Options opts) {
        return opts.configFile() == null ? ConfigStore.atDefaultLocation() : ConfigStore.at(opts.configFile());
    }

    /** The JavaFX application behind {@link #launch}. */
    public static final class WallApplication extends Application {
        @Override
        public void start(Stage stage) {
            Options opts = options == null ? new Options(null, 0, 640, 480, 15, false) : options;
            Prepared prepared;
            try {
                prepared = prepareOrRecover(opts, Instant.now());
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
            WallSession session = prepared.session();
            window = new WallWindow(stage, session);
        }
    }
}
