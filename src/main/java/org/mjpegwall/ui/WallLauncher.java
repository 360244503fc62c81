package org.mjpegwall.ui;

import java.nio.file.Path;
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
     */
    public record Options(Path configFile, int demoCameras, int demoWidth, int demoHeight, int demoFps) {
    }

    private WallLauncher() {
    }

    /** Runs the wall until its window closes; returns the exit status. */
    public static int launch(Options opts) {
        options = opts;
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
     * Prepares a session: the configuration (or a clear error), and demo cameras on first start or
     * with {@code --demo N}.
     *
     * @throws ConfigException when the configuration file exists but cannot be read
     */
    public static WallSession prepare(Options opts) throws ConfigException {
        ConfigStore store = opts.configFile() == null ? ConfigStore.atDefaultLocation() : ConfigStore.at(opts.configFile());
        Optional<WallConfig> loaded = store.load();
        WallConfig config = loaded.orElse(WallConfig.empty());
        int demos = opts.demoCameras() > 0 ? opts.demoCameras() : loaded.isEmpty() ? 4 : 0;
        if (demos == 0) {
            return new WallSession(store, true, config, List.of(), false, CameraConnector::connect, null);
        }
        DemoCameras demo = DemoCameras.start(demos, opts.demoWidth(), opts.demoHeight(), opts.demoFps());
        List<CameraConfig> cameras = new ArrayList<>(demo.cameras());
        boolean firstStart = opts.demoCameras() <= 0;
        LOG.info("{} with {} demo cameras", firstStart ? "first start" : "demo mode", demos);
        return new WallSession(store, firstStart, config, cameras, firstStart, CameraConnector::connect, demo::close);
    }

    /** The JavaFX application behind {@link #launch}. */
    public static final class WallApplication extends Application {
        @Override
        public void start(Stage stage) {
            Options opts = options == null ? new Options(null, 0, 640, 480, 15) : options;
            WallSession session;
            try {
                session = prepare(opts);
            } catch (RuntimeException e) {
                // For example no free local port for the demo cameras: say so rather than die silently.
                LOG.error("cannot start the wall: {}", e.getMessage());
                Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
                alert.setHeaderText("MJPEG Wall cannot start");
                alert.showAndWait();
                Platform.exit();
                return;
            } catch (ConfigException e) {
                Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage()
                        + "\n\nFix or remove the file, then start again. The wall opens with demo cameras meanwhile.");
                alert.setHeaderText("The configuration cannot be read");
                alert.showAndWait();
                try {
                    session = prepare(new Options(opts.configFile(), 4, opts.demoWidth(), opts.demoHeight(), opts.demoFps()));
                } catch (ConfigException again) {
                    Platform.exit();
                    return;
                }
            }
            WallWindow wall = new WallWindow(stage, session);
            wall.setHostServices(getHostServices());
            window = wall;
        }
    }
}
