package org.mjpegwall.util;

import org.mjpegwall.util.RateMeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sliding-window rates with explicit (fake) nanosecond times. */
class RateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void measuresFramesPerSecondOverTheWindow() {
        RateMeter m = new RateMeter(2000 * MS);
        // given: 25 fps for 4 s
        for (int i = 0; i < 100; i++) {
            m.recordFrame(i * 40 * MS);
        }
        // then
        assertEquals(25.0, m.fps(4000 * MS), 1.0);
    }

    @Test
    void fallsToZeroWhenFramesStop() {
        RateMeter m = new RateMeter(2000 * MS);
        for (int i = 0; i < 50; i++) {
            m.recordFrame(i * 40 * MS);
        }
        assertEquals(0.0, m.fps(10_000 * MS), 0.0);
    }

    @Test
    void measuresBytesPerSecond() {
        RateMeter m = new RateMeter(2000 * MS);
        for (int i = 0; i <= 300; i++) {
            m.recordBytes(i * 10 * MS, 1000); // 100 kB/s
        }
        assertEquals(100_000, m.bytesPerSecond(3000 * MS), 5_000);
    }

    @Test
    void aMeterWithItsOwnClockMeasuresEventsAndFallsToZeroWhenTheyStop() {
        // given: a meter reading a clock the test moves
        long[] now = {60_000 * MS};
        RateMeter m = new RateMeter(2000 * MS, () -> now[0]);
        // when: 30 events per second for 3 s, starting a minute after the meter was made
        for (int i = 0; i <= 90; i++) {
            m.mark();
            now[0] += 1000 * MS / 30;
        }
        // then
        assertEquals(30.0, m.rate(), 1.0);
        // when: nothing for a whole window
        now[0] += 2000 * MS;
        assertEquals(0.0, m.rate(), 0.0);
    }

    @Test
    void aMeterWithoutAClockSaysSo() {
        RateMeter m = new RateMeter(2000 * MS);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, m::mark);
    }
}
