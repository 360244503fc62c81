package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;

/** A camera that is connected but sends nothing is not shown as live, and the tile says why. */
class TileStatusWaitingTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static SourceStats waiting(String error, Instant lastFrame) {
        return new SourceStats("http://test/", SourceState.WAITING, 0, 0, 0, 0, 0, 0, 0, 0, error, lastFrame, null);
    }

    @Test
    void waitingSaysSoWithTheTimeSinceTheLastFrame() {
        TileStatus s = TileStatus.of(waiting(null, NOW.minusSeconds(6)), true, NOW);
        assertFalse(s.live());
        assertEquals(TileStatus.Kind.WAITING, s.kind());
        assertEquals("waiting for data (no frame for 6 s)", s.text());
    }

    @Test
    void waitingBecauseFramesAreTooLargeNamesTheLimit() {
        TileStatus s = TileStatus.of(waiting("frame of 4754025 bytes skipped: larger than the 2 MiB frame limit", null),
                false, NOW);
        assertEquals("frame of 4754025 bytes skipped: larger than the 2 MiB frame limit\nwaiting for data", s.text());
    }
}
