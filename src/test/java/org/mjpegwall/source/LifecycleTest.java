package org.mjpegwall.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.testing.FakeTime;

/** The source lifecycle's transition table, without threads or sockets. */
class LifecycleTest {
    private final FakeTime time = new FakeTime();
    private final Timeline timeline = new Timeline();
    private final Lifecycle lifecycle = new Lifecycle(time, timeline);

    @Test
    void goesThroughTheDiagramAndTellsEachTransitionWithItsTime() {
        // when
        lifecycle.start();
        lifecycle.to(SourceState.BACKOFF, "connection refused", Instant.EPOCH);
        time.advanceBy(Duration.ofMillis(500));
        lifecycle.to(SourceState.CONNECTING, null, null);
        lifecycle.to(SourceState.STREAMING, null, null);
        lifecycle.to(SourceState.CONNECTING, null, null); // the next snapshot poll
        lifecycle.stop();
        // then
        assertEquals(List.of("0.000 CONNECTING", "0.000 BACKOFF connection refused", "0.500 CONNECTING",
                "0.500 STREAMING", "0.500 CONNECTING", "0.500 STOPPED"), timeline.events());
    }

    @Test
    void keepsTheRetryTimeOnlyWhileBackingOff() {
        lifecycle.start();
        Instant retry = Instant.parse("2026-01-01T00:00:01Z");
        lifecycle.to(SourceState.BACKOFF, "x", retry);
        assertEquals(retry, lifecycle.snapshot().retryAt());
        lifecycle.to(SourceState.CONNECTING, null, null);
        assertNull(lifecycle.snapshot().retryAt());
    }

    @Test
    void refusesTransitionsTheDiagramDoesNotHave() {
        assertThrows(IllegalStateException.class, () -> lifecycle.to(SourceState.STREAMING, null, null), "NEW -> STREAMING");
        lifecycle.start();
        assertThrows(IllegalStateException.class, lifecycle::start, "starts once");
        assertThrows(IllegalStateException.class, () -> lifecycle.to(SourceState.WAITING, null, null), "WAITING is derived");
        assertThrows(IllegalStateException.class, () -> lifecycle.to(SourceState.CONNECTING, null, null), "CONNECTING twice");
        lifecycle.to(SourceState.BACKOFF, "x", null);
        assertThrows(IllegalStateException.class, () -> lifecycle.to(SourceState.STREAMING, null, null), "BACKOFF -> STREAMING");
        assertThrows(IllegalStateException.class, () -> lifecycle.to(SourceState.NEW, null, null), "never NEW again");
    }

    @Test
    void stoppedIsFinal() {
        // given
        assertTrue(lifecycle.stop(), "a source may stop before it starts");
        // then: later transitions are ignored, and a start is refused
        assertFalse(lifecycle.to(SourceState.CONNECTING, null, null));
        assertFalse(lifecycle.stop());
        assertEquals(SourceState.STOPPED, lifecycle.state());
        assertThrows(IllegalStateException.class, lifecycle::start);
        assertEquals(List.of("0.000 STOPPED"), timeline.events());
    }
}
