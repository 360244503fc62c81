package org.mjpegwall.ui;

import java.util.List;
import org.mjpegwall.config.CameraConfig;

/** The built-in demo cameras, served in-process on 127.0.0.1. TEMPORARY until the demo server lands. */
final class DemoCameras implements AutoCloseable {
    private final List<CameraConfig> cameras;

    private DemoCameras(List<CameraConfig> cameras) {
        this.cameras = cameras;
    }

    static DemoCameras start(int count, int width, int height, int fps) {
        throw new UnsupportedOperationException("demo cameras need the demo server, which is not in this build yet");
    }

    List<CameraConfig> cameras() {
        return cameras;
    }

    @Override
    public void close() {
    }
}
