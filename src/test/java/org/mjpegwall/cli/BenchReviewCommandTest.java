package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.CliRun;

class BenchReviewCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsSeekFiguresAgainstTheBaselineAndRemovesItsRecordings() throws IOException {
        // when
        CliRun run = CliRun.of("bench-review", "--minutes", "1", "--seeks", "20", "--play-seconds", "0", "--dir",
                dir.toString());
        // then
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("(a) seek: 1 min of 640x480@15"), run.out());
        assertTrue(run.out().contains("index build of 900 frames"), run.out());
        assertTrue(run.out().contains("cached index, 1 file reads in all"), run.out());
        assertTrue(run.out().matches("(?s).*seek to a random moment.*p50 \\d+\\.\\d+ ms, p99.*"), run.out());
        assertTrue(run.out().contains("baseline, the same frames read in file order"), run.out());
        assertTrue(!run.out().contains("bytes differ"), run.out());
        assertTrue(run.out().matches("(?s).*\\(c\\) view seek.*drawn at 800x600: p50 \\d+\\.\\d+ ms.*drawn at 400x300: p50.*"),
                run.out());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the temporary recordings are deleted");
        }
    }

    @Test
    void refusesBadArgumentsInWords() {
        // when
        CliRun run = CliRun.of("bench-review", "--seeks", "1");
        // then
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--seeks at least 10"), run.err());
    }
}
