package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateMeterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateMeter meter = new RateMeter(now::get);

    private void eventsAt(double fps, int count) {
        for (int i = 0; i < count; i++) {
            meter.mark();
            now.addAndGet((long) (1e9 / fps));
        }
    }

    @Test
    void reportsZeroBeforeAnyEvent() {
        assertEquals(0.0, meter.rate());
    }

    @Test
    void measuresASteadyRateFromTheFirstEventNotFromCreation() {
        // given a long wait before the stream starts
        now.addAndGet(60_000_000_000L);

        // when events come at 30 per second for 3 s
        eventsAt(30, 91);

        // then
        assertEquals(30.0, meter.rate(), 0.5);
    }

    @Test
    void givesAFirstEstimateBeforeTheFirstFullWindow() {
        // when events come at 20 per second for half a second
        eventsAt(20, 11);

        // then
        assertEquals(20.0, meter.rate(), 2.0);
    }

    @Test
    void decaysWhenEventsStop() {
        // given
        eventsAt(30, 91);

        // when nothing happens for 10 s
        now.addAndGet(10_000_000_000L);

        // then
        assertEquals(0.0, meter.rate(), 1.0);
    }
}
