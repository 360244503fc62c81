package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.testing.CliRun;

@Timeout(120)
class BenchSoakCommandTest {
    @Test
    void printsRowsWhileViewersComeAndGoAndNoConnectionIsLeftBehind() {
        // when a short soak runs
        CliRun run = CliRun.of("bench-soak", "--cameras", "2", "--minutes", "0.15", "--interval", "3", "--warmup", "3",
                "--viewers", "6", "--size", "160x120", "--fps", "10");

        // then it prints a row per interval with every figure, and a verdict against the post-warm-up row
        assertEquals(0, run.status(), run.err());
        List<String[]> rows = Arrays.stream(run.out().split("\n"))
                .filter(l -> l.matches("\\s+[0-9]+\\.[0-9]\\s+[0-9]+\\s+[0-9.]+\\s+[0-9]+\\s+[0-9]+\\s+[0-9]+\\s+[0-9]+\\s+[0-9.]+\\s+.*"))
                .map(l -> l.trim().split("\\s+")).toList();
        assertThat(run.out(), rows.size(), greaterThanOrEqualTo(3));
        assertThat(run.out(), containsString("target: flat within 10 %"));
        String[] last = rows.get(rows.size() - 1);
        assertThat("viewers came and went", Long.parseLong(last[8].replace(",", "")), greaterThan(0L));
        // with the viewers gone, the JDK server holds only the two relay clients' connections to the demo cameras
        assertThat("live HttpConnections", Long.parseLong(last[5]), lessThanOrEqualTo(2L + 1));
        assertEquals("2", last[6], "both relay clients connected");
    }

    @Test
    void theVerdictCatchesGrowingConnectionsThatTheHeapHides() {
        // given rows flat in memory, threads and fds, but with connections piling up (as before the leak fix)
        List<BenchSoakCommand.Sample> rows = List.of(
                new BenchSoakCommand.Sample(0, 600_000, 570_000_000, 130, 54, 16, 16, 15, ""),
                new BenchSoakCommand.Sample(1, 610_000, 571_000_000, 130, 54, 829, 16, 15, ""),
                new BenchSoakCommand.Sample(3, 612_000, 575_000_000, 130, 54, 2373, 16, 15, ""));

        // when
        String verdict = BenchSoakCommand.verdict(rows, 1);

        // then
        assertThat(verdict, containsString("MISSED"));
        assertThat(verdict, containsString("http conns 829 -> 2373"));
    }

    @Test
    void theVerdictIsMetWhenEverythingStaysWithinTenPercent() {
        // given
        List<BenchSoakCommand.Sample> rows = List.of(
                new BenchSoakCommand.Sample(2, 1_734_000, 578_000_000, 135, 54, 16, 16, 15, ""),
                new BenchSoakCommand.Sample(15, 1_720_000, 599_000_000, 134, 54, 16, 16, 15, ""));

        // when
        String verdict = BenchSoakCommand.verdict(rows, 2);

        // then
        assertThat(verdict, containsString(": MET (rss -0.8 %, live heap +3.6 %"));
    }
}
