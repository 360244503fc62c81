package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The hub's published and per-viewer frame rates (util.RateMeter) on fake time: no sleeping, exact figures. */
class FrameHubRatesTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FrameHub hub = new FrameHub(now::get);

    private void publishAt(double fps, int count) {
        for (int i = 0; i < count; i++) {
            hub.publish(NumberedFrames.frame(i, 100));
            now.addAndGet((long) (1e9 / fps));
        }
    }

    @Test
    void reportsZeroBeforeAnyFrame() {
        assertEquals(0.0, hub.fps());
    }

    @Test
    void measuresASteadyRateFromTheFirstFrameNotFromCreation() {
        // given a long wait before the stream starts
        now.addAndGet(60_000_000_000L);

        // when frames come at 30 per second for 3 s
        publishAt(30, 91);

        // then (within one frame per 2 s window, the resolution of util.RateMeter's counting)
        assertEquals(30.0, hub.fps(), 1.0);
    }

    @Test
    void givesAFirstEstimateBeforeTheFirstFullWindow() {
        // when frames come at 20 per second for half a second
        publishAt(20, 11);

        // then
        assertEquals(20.0, hub.fps(), 2.0);
    }

    @Test
    void aSingleFrameMakesNoWildFigure() {
        // given one frame, 1 ms ago
        hub.publish(NumberedFrames.frame(1, 100));
        now.addAndGet(1_000_000L);

        // then no rate yet (a naive meter would say 1000 fps)
        assertEquals(0.0, hub.fps());
    }

    @Test
    void decaysToZeroWhenFramesStop() {
        // given
        publishAt(30, 91);

        // when nothing happens for 10 s
        now.addAndGet(10_000_000_000L);

        // then
        assertEquals(0.0, hub.fps());
    }

    @Test
    void eachViewerHasItsOwnDeliveryRate() {
        // given two viewers, one served every frame at 25 fps, the other every fifth
        try (FrameHub.Viewer fast = hub.attach("fast"); FrameHub.Viewer slow = hub.attach("slow")) {
            // when 4 s pass
            for (int i = 0; i < 100; i++) {
                fast.delivered();
                if (i % 5 == 0) {
                    slow.delivered();
                }
                now.addAndGet(40_000_000L);
            }

            // then
            assertEquals(25.0, fast.info().fps(), 1.0);
            assertEquals(5.0, slow.info().fps(), 0.5);
            assertEquals(100, fast.info().frames());
            assertEquals(20, slow.info().frames());
        }
    }
}
