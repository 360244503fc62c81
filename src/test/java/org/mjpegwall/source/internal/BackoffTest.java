package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.Backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backoff delays with a fixed jitter source: no clock, no sleeping. */
class BackoffTest {
    private static List<Long> millis(Backoff b, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.next().toMillis());
        }
        return out;
    }

    @Test
    void doublesFromHalfASecondToTheTenSecondCap() {
        // given: jitter factor exactly 1.0 (random 0.5)
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.5);
        // then
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L), millis(b, 7));
    }

    @Test
    void jitterSpreadsDelaysBetweenEightyAndHundredTwentyPercent() {
        assertEquals(List.of(400L, 800L), millis(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.0), 2));
        assertEquals(List.of(599L, 1199L), millis(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.999), 2));
    }

    @Test
    void jitterNeverExceedsTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.999);
        List<Long> d = millis(b, 10);
        assertEquals(10000L, d.get(9));
    }

    @Test
    void resetStartsAgainFromTheInitialDelay() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.5);
        millis(b, 4);
        b.reset();
        assertEquals(List.of(500L, 1000L), millis(b, 2));
    }

    @Test
    void rejectsMaxBelowInitial() {
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5));
    }
}
