package org.mjpegwall.ui.model;

import java.net.URI;
import java.time.Duration;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.source.MjpegClient;

/**
 * Opens the real network feed of a configured camera.
 *
 * <p>Why growing buffers: a wall holds many cameras, most of them small (a VGA frame is about 50 KB)
 * and a few large (a 4K camera at night sends 4–5 MB). Each camera's buffers start small and grow to
 * the largest frame it sends, so memory follows the cameras instead of reserving the worst case for
 * every buffer; a frame over the limit is skipped and named on the tile, without a reconnect.
 */
public final class CameraConnector {
    /** Largest frame a camera may send; bigger ones are skipped by the client. */
    public static final int MAX_FRAME_BYTES = 32 * 1024 * 1024;
    /** What each buffer starts with, before the camera's first frame shows what it needs. */
    public static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    /** One being filled, one waiting for the display, one being decoded, one spare. */
    public static final int BUFFER_COUNT = 4;

    private CameraConnector() {
    }

    /** A feed for the camera, not started yet. */
    public static CameraStream connect(CameraConfig camera) {
        MjpegClient.Builder b = MjpegClient.builder(URI.create(camera.url()))
                .maxFrameSize(MAX_FRAME_BYTES)
                .threadName("camera-" + camera.name());
        if (camera.user() != null) {
            b.credentials(camera.user(), camera.password() == null ? "" : camera.password());
        }
        if (camera.snapshotPollSeconds() != null) {
            b.snapshotPollInterval(Duration.ofMillis(Math.round(camera.snapshotPollSeconds() * 1000)));
        }
        return CameraStream.of(new CameraFeed(b.buildSource(), INITIAL_BUFFER_BYTES, MAX_FRAME_BYTES, BUFFER_COUNT));
    }
}
