package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.CliRun;

class BenchRecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchRecordsEveryFedFrameAndReportsTheCost() throws Exception {
        // given

        // when a tiny run (speed is not asserted: that is what the printed figures are for)
        CliRun run = CliRun.of("bench-record", "--cameras", "2", "--fps", "10", "--size", "64x64", "--seconds", "1",
                "--dir", dir.toString());

        // then
        assertEquals(0, run.status(), run.out());
        Matcher m = Pattern.compile("  recording .*; (\\d+) frames fed, (\\d+) written, (\\d+) dropped").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Long.parseLong(m.group(1)) >= 10, run.out());
        assertEquals(m.group(1), m.group(2), "every fed frame was written");
        assertThat(run.out(), containsString("recording cost: "));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".avi")).count(), "one recording per camera");
        }
    }
}
