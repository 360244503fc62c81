package org.mjpegwall.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.testing.FakeTime;

/** WAITING follows the camera's own pace: a slow camera is not "waiting" between frames, a stopped one still is. */
class SourceCountersTest {
    private static final long WAITING_AFTER = Duration.ofSeconds(3).toNanos();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final FakeTime time = new FakeTime();
    private final SourceCounters counters = new SourceCounters(time);

    private SourceState shownAt(long nanosAfterStart, long start) {
        return counters.shown(SourceState.STREAMING, start + nanosAfterStart, WAITING_AFTER, 0);
    }

    /** Frames every {@code seconds} from now on the fake clock; returns the time of the last one. */
    private long frames(int n, double seconds) {
        long t = time.nanoTime();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t += Math.round(seconds * SECOND);
            }
            counters.frameArrived(t);
        }
        return t;
    }

    @Test
    void aCameraAtThirtyFramesASecondWaitsAfterTheUsualThreeSeconds() {
        // given
        counters.streamStarted(false);
        long last = frames(90, 1 / 30.0);
        // when, then
        assertEquals(SourceState.STREAMING, shownAt(WAITING_AFTER - 1, last));
        assertEquals(SourceState.WAITING, shownAt(WAITING_AFTER, last));
    }

    @Test
    void aCameraSendingEveryFiveSecondsIsNotWaitingBetweenFramesButIsWhenItStops() {
        // given a camera set to one frame every 5 s
        counters.streamStarted(false);
        long last = frames(6, 5);
        // when 4 s pass without a frame (longer than the usual 3 s), then it is still streaming
        assertEquals(SourceState.STREAMING, shownAt(4 * SECOND, last));
        assertEquals(SourceState.STREAMING, shownAt(12 * SECOND, last));
        // when no frame comes for 2.5 intervals, then it is waiting
        assertEquals(SourceState.WAITING, shownAt(12_500_000_000L, last));
    }

    @Test
    void untilThreeIntervalsAreKnownTheUsualWaitApplies() {
        // given two intervals of 5 s only
        counters.streamStarted(false);
        long last = frames(3, 5);
        // when, then
        assertEquals(SourceState.WAITING, shownAt(WAITING_AFTER, last));
    }

    @Test
    void oneLongGapDoesNotTeachTheCameraToBeSlow() {
        // given a 10 fps camera that once stalled for a minute
        counters.streamStarted(false);
        long t = frames(20, 0.1);
        counters.frameArrived(t + 60 * SECOND);
        time.advanceBy(Duration.ofSeconds(62));
        long last = frames(5, 0.1);
        // when it stops again, then it is waiting after the usual 3 s, not after 2.5 minutes
        assertEquals(SourceState.WAITING, shownAt(WAITING_AFTER, last));
    }

    @Test
    void theGapAcrossAReconnectIsNotThePace() {
        // given a 10 fps camera whose connection dropped for 20 s, twice
        counters.streamStarted(false);
        long t = frames(10, 0.1);
        for (int i = 0; i < 2; i++) {
            time.advanceBy(Duration.ofNanos(t - time.nanoTime() + 20 * SECOND));
            counters.streamStarted(false);
            t = frames(2, 0.1);
        }
        // when, then
        assertEquals(Duration.ofMillis(100).toNanos(), counters.paceNanos());
        assertEquals(SourceState.WAITING, shownAt(WAITING_AFTER, t));
    }

    @Test
    void aVerySlowCameraIsWaitingAfterFiveMinutesAtMost() {
        // given a camera that sends one frame every 10 minutes
        counters.streamStarted(false);
        long last = frames(4, 600);
        // when, then
        assertEquals(SourceState.STREAMING, shownAt(SourceCounters.MAX_PACED_WAIT_NANOS - 1, last));
        assertEquals(SourceState.WAITING, shownAt(SourceCounters.MAX_PACED_WAIT_NANOS, last));
    }
}
