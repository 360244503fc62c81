package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

/** bench-parse runs end to end on a tiny stream and reports both cases; speed is not asserted. */
class BenchParseCommandTest {
    @Test
    void reportsPlainAndClientThroughputForBothCases() {
        CliRun run = CliRun.of("bench-parse", "--mib", "2", "--rounds", "1", "--width", "160", "--height", "120");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("With Content-Length:"), run.out());
        assertTrue(run.out().contains("Without Content-Length (boundary scan):"), run.out());
        assertEquals(2, run.out().split("ratio: ", -1).length - 1, run.out());
        assertEquals(2, run.out().split("bytes/frame", -1).length - 1, run.out());
    }
}
