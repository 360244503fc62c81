package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A viewer's pacing on fake time: the frame-rate cap and the resend of a silent camera's last frame. */
class StreamPacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void withoutACapEveryFrameMayGoAtOnce() {
        StreamPacer pacer = new StreamPacer(0, 5000 * MS, 0);
        pacer.sent(0);
        assertEquals(0, pacer.waitNanos(1));
    }

    @Test
    void aCapOf5FpsSpacesFrames200MsApart() {
        // given a cap of 5 fps and a camera that offers a frame every 10 ms
        StreamPacer pacer = new StreamPacer(200 * MS, 5000 * MS, 0);
        List<Long> sentAt = new ArrayList<>();

        // when for one second a frame goes whenever the pacer allows
        for (long now = 0; now < 1000 * MS; now += 10 * MS) {
            if (pacer.waitNanos(now) == 0) {
                pacer.sent(now);
                sentAt.add(now / MS);
            }
        }

        // then exactly the frames at 0, 200, 400, 600 and 800 ms went
        assertEquals(List.of(0L, 200L, 400L, 600L, 800L), sentAt);
    }

    @Test
    void aLateFrameDoesNotPushEveryLaterFrameBack() {
        // given a cap of 10 fps; the frame due at 100 ms arrives at 150 ms
        StreamPacer pacer = new StreamPacer(100 * MS, 5000 * MS, 0);
        pacer.sent(0);
        pacer.sent(150 * MS);

        // then the next may go at 225 ms (3/4 of the interval after the late one), not only at 250 ms
        assertEquals(75 * MS, pacer.waitNanos(150 * MS));
        assertEquals(0, pacer.waitNanos(225 * MS));
    }

    @Test
    void aBurstAfterAStallIsStillCappedAtThreeQuartersOfTheInterval() {
        // given a cap of 10 fps and a camera silent for a second
        StreamPacer pacer = new StreamPacer(100 * MS, 5000 * MS, 0);
        pacer.sent(0);
        pacer.sent(1000 * MS);

        // then the next frame waits 75 ms: the silence earns no burst
        assertEquals(75 * MS, pacer.waitNanos(1000 * MS));
    }

    @Test
    void theLastFrameGoesAgainOnlyAfterTheResendInterval() {
        StreamPacer pacer = new StreamPacer(0, 5000 * MS, 0);
        pacer.sent(1000 * MS);
        assertFalse(pacer.resendDue(5999 * MS));
        assertTrue(pacer.resendDue(6000 * MS));
    }
}
