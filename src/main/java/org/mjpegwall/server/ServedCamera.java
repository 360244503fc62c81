package org.mjpegwall.server;

import java.util.function.Supplier;

/**
 * A camera as a server serves it: its id in paths, its name on pages, its hub, and what feeds it for
 * {@code /status} ({@code upstream} may be {@code null}).
 */
record ServedCamera(String id, String name, FrameHub hub, Supplier<UpstreamStatus> upstream) {
    String streamPath() {
        return "/camera/" + id + "/stream.mjpg";
    }

    String snapshotPath() {
        return "/camera/" + id + "/snapshot.jpg";
    }
}
