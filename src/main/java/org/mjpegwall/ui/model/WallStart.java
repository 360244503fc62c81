package org.mjpegwall.ui.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigException;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a run of the wall starts from: the configuration (or a clear error), and demo cameras when needed. */
public final class WallStart {
    private static final Logger LOG = LoggerFactory.getLogger(WallStart.class);

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

        /** A plain start: the default configuration file, demo cameras only on first start. */
        public static Options defaults() {
            return new Options(null, 0, 640, 480, 15, false);
        }
    }

    /**
     * A session to start from, and what to tell the user when the configuration could not be used.
     *
     * @param problem a message for the user, or {@code null} when all went well
     */
    public record Prepared(WallSession session, String problem) {
    }

    private WallStart() {
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
}
