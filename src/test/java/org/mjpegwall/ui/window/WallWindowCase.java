package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.ui.TestSource;
import org.mjpegwall.ui.model.CameraConnector;
import org.mjpegwall.ui.model.CameraStream;
import org.mjpegwall.ui.model.WallSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * What the window-level tests share: a wall over synthetic sources (one {@link TestSource} per camera id, no
 * network), or on a session of the test's own (real cameras through {@link #fastConnector}), in a temporary
 * home, closed after each test together with any dialog a failed test left open.
 */
abstract class WallWindowCase extends FxRobot {
    @TempDir
    Path home;

    final Map<String, TestSource> sources = new LinkedHashMap<>();
    WallWindow wall;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeAll() throws Exception {
        closeWall();
        // Dialogs a failed test left open must not confuse the next one.
        fxRun(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage && w.isShowing()
                && w != FxToolkit.toolkitContext().getRegisteredStage()).forEach(w -> ((Stage) w).close()));
    }

    void closeWall() throws InterruptedException {
        if (wall != null) {
            WallWindow w = wall;
            fxRun(() -> w.stage().close());
            assertTrue(w.awaitClosed(15, TimeUnit.SECONDS));
            wall = null;
        }
    }

    /** Opens the wall on {@code config}, saving to {@code store} when there is one. */
    WallWindow open(WallConfig config, ConfigStore store) {
        return open(new WallSession(store, store != null, config, List.of(), false,
                cam -> sources.computeIfAbsent(cam.id(), k -> new TestSource()), null));
    }

    /** Opens the wall on a session of the test's own (real cameras, another connector), closed after the test. */
    WallWindow open(WallSession session) {
        wall = fx(() -> new WallWindow(new Stage(), session));
        return wall;
    }

    /** The real client, with quick reconnects so tests need not wait for the default backoff. */
    static CameraStream fastConnector(CameraConfig c) {
        MjpegClient client = MjpegClient.builder(URI.create(c.url()))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .threadName("test-camera-" + c.name())
                .build();
        return CameraStream.of(new CameraFeed(client, CameraConnector.INITIAL_BUFFER_BYTES,
                CameraConnector.MAX_FRAME_BYTES, CameraConnector.BUFFER_COUNT));
    }

    ConfigStore store() {
        return ConfigStore.at(home.resolve("config.json"));
    }
}
