package org.mjpegwall.ui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.demo.DemoServer;

/** The built-in demo cameras, served in-process on 127.0.0.1 (any free port) by the demo server. */
public final class DemoCameras implements AutoCloseable {
    private final DemoServer server;
    private final List<CameraConfig> cameras;

    private DemoCameras(DemoServer server, List<CameraConfig> cameras) {
        this.server = server;
        this.cameras = cameras;
    }

    /**
     * Motion on a demo camera is its moving square: the clock (with milliseconds) and the frame counter
     * above it (bottom left, from 75 % to about 90 % of the height, 55 % of the width) change with every
     * frame too, and are masked.
     */
    static final MotionConfig DEMO_MOTION = MotionConfig.DEFAULTS.withMasks(List.of(MaskArea.rectangle(0, 0.75, 0.62, 0.165)));

    /**
     * Starts {@code count} demo cameras.
     *
     * @throws UncheckedIOException if no local port can be bound
     */
    public static DemoCameras start(int count, int width, int height, int fps) {
        try {
            DemoServer server = DemoServer.start(DemoServer.Options.defaults()
                    .withCameras(count).withSize(width, height).withFps(fps));
            List<CameraConfig> cameras = new ArrayList<>();
            List<URI> uris = server.cameraUris();
            for (int i = 0; i < uris.size(); i++) {
                cameras.add(new CameraConfig("demo-" + (i + 1), "Demo " + (i + 1), uris.get(i).toString(),
                        null, null, true, null, null, DEMO_MOTION));
            }
            return new DemoCameras(server, List.copyOf(cameras));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the demo cameras: " + e.getMessage(), e);
        }
    }

    public List<CameraConfig> cameras() {
        return cameras;
    }

    public DemoServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
