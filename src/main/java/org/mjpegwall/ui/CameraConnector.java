package org.mjpegwall.ui;

import java.net.URI;
import java.time.Duration;
import org.mjpegwall.client.CameraFeed;
import org.mjpegwall.client.MjpegClient;
import org.mjpegwall.config.CameraConfig;

/** Opens the real network feed of a configured camera. */
public final class CameraConnector {
    /** Largest frame a camera may send; bigger ones are discarded by the client. */
    static final int BUFFER_BYTES = 2 * 1024 * 1024;
    /** One being filled, one waiting for the display, one being decoded, one spare. */
    static final int BUFFER_COUNT = 4;

    private CameraConnector() {
    }

    /** A feed for the camera, not started yet. */
    public static FrameSource connect(CameraConfig camera) {
        MjpegClient.Builder b = MjpegClient.builder(URI.create(camera.url()))
                .maxFrameSize(BUFFER_BYTES)
                .threadName("camera-" + camera.name());
        if (camera.user() != null) {
            b.credentials(camera.user(), camera.password() == null ? "" : camera.password());
        }
        if (camera.snapshotPollSeconds() != null) {
            b.snapshotPollInterval(Duration.ofMillis(Math.round(camera.snapshotPollSeconds() * 1000)));
        }
        return FrameSource.of(new CameraFeed(b.build(), BUFFER_BYTES, BUFFER_COUNT));
    }
}
