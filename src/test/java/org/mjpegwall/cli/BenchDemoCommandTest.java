package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

class BenchDemoCommandTest {
    @Test
    void printsCostPerFrameAgainstTheBaselineAndTheCamerasRun() {
        // given

        // when
        CliRun run = CliRun.of("bench-demo", "--cameras", "2", "--seconds", "1", "--size", "160x120", "--fps", "20");

        // then
        assertEquals(0, run.status(), run::out);
        String[] lines = run.out().split("\n");
        assertThat(lines[0], matchesPattern("render\\+encode 160x120: [0-9.]+ ms CPU per frame \\(whole-frame encode, the baseline: [0-9.]+ ms; [0-9.]+x\\)"));
        assertThat(lines[2], matchesPattern("2 cameras at 20 fps, one viewer each, 1 s: camera fps min [1-9][0-9.]*, median [0-9.]+; .*"));
    }
}
