package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.ui.TestSource;

class TileStatusTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void streamingWithAFrameIsLive() {
        assertTrue(TileStatus.of(TestSource.stats(SourceState.STREAMING, null, null), true, NOW).live());
    }

    @Test
    void connectingSaysSo() {
        TileStatus s = TileStatus.of(TestSource.stats(SourceState.CONNECTING, null, null), false, NOW);
        assertEquals(TileStatus.Kind.CONNECTING, s.kind());
        assertEquals("connecting…", s.text());
    }

    @Test
    void backoffShowsTheErrorInWordsAndTheCountdown() {
        TileStatus s = TileStatus.of(TestSource.stats(SourceState.BACKOFF, "wrong password", NOW.plusMillis(4200)), true, NOW);
        assertEquals(TileStatus.Kind.RECONNECTING, s.kind());
        assertEquals("wrong password\nreconnecting in 5 s", s.text());
    }

    @Test
    void streamingButNoFrameYetIsNotLive() {
        assertEquals(TileStatus.Kind.CONNECTING,
                TileStatus.of(TestSource.stats(SourceState.STREAMING, null, null), false, NOW).kind());
    }
}
