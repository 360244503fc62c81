package org.mjpegwall.testing;

import java.util.ArrayList;
import java.util.List;
import org.mjpegwall.config.CameraConfig;

/** Camera configurations for tests that feed their cameras themselves: nothing ever answers at their URLs. */
public final class TestCameras {
    private TestCameras() {
    }

    /** Cameras {@code cam1} … {@code camN}, named "Cam 1" … "Cam N", at the discard port of 127.0.0.1. */
    public static List<CameraConfig> cameras(int n) {
        List<CameraConfig> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new CameraConfig("cam" + i, "Cam " + i, "http://127.0.0.1:9/" + i, null, null, true, null));
        }
        return list;
    }
}
