package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.testing.ExternalTools;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.WallSession;

/**
 * "Test connection" on a camera that serves one connection at a time (ffmpeg's {@code -listen 1},
 * like many ESP32 and cheap cameras) while the wall already shows it.
 */
class SingleClientCameraTest extends WallWindowCase {
    private Process ffmpeg;

    /** Closes the wall before the camera it watches (this runs before {@link WallWindowCase#closeAll}). */
    @AfterEach
    void stopCamera() throws Exception {
        closeWall();
        if (ffmpeg != null) {
            ffmpeg.destroy();
            if (!ffmpeg.waitFor(5, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void testConnectionOfACameraOnTheWallShowsItsFrameAndExplainsARefusedSecondConnection() throws Exception {
        // given a one-client camera, live on the wall
        Path tool = ExternalTools.require("ffmpeg");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/cam";
        ffmpeg = new ProcessBuilder(tool.toString(), "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc=size=320x240:rate=10", "-t", "120", "-f", "mpjpeg", "-listen", "1", url)
                .redirectErrorStream(true).redirectOutput(home.resolve("ffmpeg.log").toFile()).start();
        CameraConfig door = new CameraConfig("door", "Door", url, null, null, true, null);
        WallSession session = new WallSession(null, false, WallConfig.empty().withCameras(List.of(door))
                .withWindow(new WindowGeometry(0, 0, 900, 640, false)), List.of(), false,
                SingleClientCameraTest::fastConnector, null);
        open(session);
        CameraModel cam = fx(() -> wall.model().cameras().get(0));
        waitUntil(30, "Door is live", () -> cam.displayed() > 0);

        // when Test connection is pressed for it in the camera manager
        fxRun(() -> wall.showCameraManager().select("door"));
        clickOn("#camera-test");
        // then its picture shows, taken from the wall's own connection
        waitUntil(20, "preview", () -> lookup("#camera-preview").queryAs(ImageView.class).getImage() != null);
        String message = fx(() -> lookup("#camera-message").queryAs(Label.class).getText());
        assertTrue(message.startsWith("Connected: 320×240"), message);
        assertTrue(message.contains("wall's own connection"), message);

        // when the test is for another path of the same camera (a second connection)
        fxRun(() -> lookup("#camera-url").queryAs(TextField.class).setText("http://127.0.0.1:" + port + "/other"));
        clickOn("#camera-test");
        // then the refusal is explained
        waitUntil(20, "error", () -> lookup("#camera-message").queryAs(Label.class).getText().startsWith("Could not get a frame"));
        String error = fx(() -> lookup("#camera-message").queryAs(Label.class).getText());
        assertTrue(error.contains("connected to this camera already (as “Door”)"), error);
        assertTrue(error.contains("one connection at a time"), error);
        // and the wall's view of the camera goes on
        long shown = fx(cam::displayed);
        waitUntil(10, "still live", () -> cam.displayed() > shown);
    }
}
