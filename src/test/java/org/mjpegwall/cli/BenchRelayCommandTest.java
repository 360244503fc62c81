package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

class BenchRelayCommandTest {
    @Test
    void printsARowOfFiguresPerViewerCount() {
        // given

        // when
        CliRun run = CliRun.of("bench-relay", "--source", "hub", "--viewers", "1,3", "--seconds", "1", "--warmup", "0",
                "--size", "160x120", "--fps", "20");

        // then: one row per count, each with numbers in every column
        assertEquals(0, run.status(), run::out);
        assertThat(run.out(), containsString("min fps"));
        String[] lines = run.out().split("\n");
        long rows = java.util.Arrays.stream(lines).filter(l -> l.matches("\\s+[13]\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+\\s+\\S+\\s+[0-9]+.*")).count();
        assertEquals(2, rows, run::out);
        assertThat(lines[2], matchesPattern("\\s+1\\s+[1-9][0-9.]*\\s.*")); // the single viewer received frames
    }
}
