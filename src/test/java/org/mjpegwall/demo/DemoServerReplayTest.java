package org.mjpegwall.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;

/** Replayed cameras serve the given frames in a loop, each camera from its own starting frame. */
class DemoServerReplayTest {
    @Test
    void replaysTheGivenFramesInOrderFromEachCamerasOwnStart() throws Exception {
        // given three distinct frames
        List<byte[]> frames = PhotoFrames.make(64, 48, 3);
        DemoServer.Options options = DemoServer.Options.defaults().withCameras(2).withSize(64, 48).withFps(60);
        try (DemoServer demo = DemoServer.replay(options, 0, frames)) {
            // when each camera's hub publishes frames
            for (int camera = 0; camera < 2; camera++) {
                Frame f = demo.hubs().get(camera).awaitNewer(null, 5, TimeUnit.SECONDS);
                for (int n = 0; n < 5; n++) {
                    Frame next = demo.hubs().get(camera).awaitNewer(f, 5, TimeUnit.SECONDS);
                    assertNotNull(next);
                    // then frame number k of camera i is frames[(k + i + 1) % 3], byte for byte
                    int index = (int) ((next.sequence() + camera + 1) % frames.size());
                    assertArrayEquals(frames.get(index), next.jpeg(), "camera " + (camera + 1) + " frame " + next.sequence());
                    f = next;
                }
            }
        }
    }

    @Test
    void photoFramesAreDistinctJpegsOfTheAskedSize() {
        List<byte[]> frames = PhotoFrames.make(320, 240, 2);
        assertEquals(2, frames.size());
        for (byte[] f : frames) {
            assertEquals(new Jpeg.Size(320, 240), Jpeg.size(f, 0, f.length));
        }
        assertTrue(!java.util.Arrays.equals(frames.get(0), frames.get(1)), "frames differ (the car moves)");
        assertThrows(IllegalArgumentException.class, () -> PhotoFrames.make(8, 8, 1));
    }

    @Test
    void refusesToReplayNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> DemoServer.replay(DemoServer.Options.defaults(), 0, List.of()));
    }
}
