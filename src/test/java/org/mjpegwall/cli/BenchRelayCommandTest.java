package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchRelayCommandTest {
    @Test
    void printsARowOfFiguresPerViewerCount() {
        // given
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new MainCommand());
        cl.setOut(new PrintWriter(out, true));

        // when
        int exit = cl.execute("bench-relay", "--source", "hub", "--viewers", "1,3", "--seconds", "1", "--warmup", "0",
                "--size", "160x120", "--fps", "20");

        // then: one row per count, each with numbers in every column
        assertEquals(0, exit, out::toString);
        assertThat(out.toString(), containsString("min fps"));
        String[] lines = out.toString().split("\n");
        long rows = java.util.Arrays.stream(lines).filter(l -> l.matches("\\s+[13]\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+\\s+\\S+\\s+[0-9]+.*")).count();
        assertEquals(2, rows, out::toString);
        assertThat(lines[2], matchesPattern("\\s+1\\s+[1-9][0-9.]*\\s.*")); // the single viewer received frames
    }
}
