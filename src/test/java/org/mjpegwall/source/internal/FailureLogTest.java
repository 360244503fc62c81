package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.FailureLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureLogTest {
    @Test
    void aCameraFailingForWeeksIsLoggedAtInfoOnce() {
        // given
        FailureLog log = new FailureLog();
        // when
        int loud = 0;
        for (int i = 0; i < 100_000; i++) {
            loud += log.failed("connection refused") ? 1 : 0;
        }
        // then
        assertEquals(1, loud);
        assertEquals(100_000, log.attempts());
    }

    @Test
    void aDifferentErrorIsLoggedAtInfoAgain() {
        FailureLog log = new FailureLog();
        assertTrue(log.failed("connection refused"));
        assertFalse(log.failed("connection refused"));
        assertTrue(log.failed("camera busy or unavailable (HTTP 503)"));
        assertFalse(log.failed("camera busy or unavailable (HTTP 503)"));
        assertTrue(log.failed("connection refused"));
    }

    @Test
    void recoveryReportsTheFailedAttemptsOnceAndResets() {
        // given
        FailureLog log = new FailureLog();
        log.failed("stream stalled (no data for 10 s)");
        log.failed("connection refused");
        log.failed("connection refused");
        // when / then
        assertEquals(3, log.streaming());
        assertEquals(0, log.streaming()); // the next connection's first frame: nothing to report
        assertEquals(0, log.attempts());
        assertTrue(log.failed("connection refused")); // a new outage is reported again
    }

    @Test
    void aHealthyStartLogsNoRecovery() {
        assertEquals(0, new FailureLog().streaming());
    }
}
