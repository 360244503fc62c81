package org.mjpegwall.ui.model;

import java.util.List;
import java.util.function.Function;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;

/**
 * What one run of the wall starts from.
 *
 * @param store where changes are saved
 * @param persist save changes; {@code false} for {@code --demo N}, which never touches the saved configuration
 * @param config the configuration loaded (window, grid and view choices, and the cameras)
 * @param demoCameras built-in demo cameras to show instead of the configured ones (never saved), or empty
 * @param showHint show the "how to add real cameras" hint (first start)
 * @param connector opens a camera's frame source (not started)
 * @param onClose runs after the window closed and the cameras were stopped (for example to stop the demo server)
 * @param kiosk start in kiosk mode ({@code --kiosk}), whatever the configuration says
 */
public record WallSession(
        ConfigStore store,
        boolean persist,
        WallConfig config,
        List<CameraConfig> demoCameras,
        boolean showHint,
        Function<CameraConfig, CameraStream> connector,
        Runnable onClose,
        boolean kiosk) {

    public WallSession {
        demoCameras = demoCameras == null ? List.of() : List.copyOf(demoCameras);
        config = config == null ? WallConfig.empty() : config;
        onClose = onClose == null ? () -> { } : onClose;
    }

    /** A session that starts as the configuration says (no {@code --kiosk}). */
    public WallSession(ConfigStore store, boolean persist, WallConfig config, List<CameraConfig> demoCameras,
            boolean showHint, Function<CameraConfig, CameraStream> connector, Runnable onClose) {
        this(store, persist, config, demoCameras, showHint, connector, onClose, false);
    }
}
