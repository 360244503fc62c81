package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchRecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchRecordsEveryFedFrameAndReportsTheCost() throws Exception {
        // given
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new MainCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));

        // when a tiny run (speed is not asserted: that is what the printed figures are for)
        int exit = cl.execute("bench-record", "--cameras", "2", "--fps", "10", "--size", "64x64", "--seconds", "1",
                "--dir", dir.toString());

        // then
        assertEquals(0, exit, out.toString());
        Matcher m = Pattern.compile("  recording .*; (\\d+) frames fed, (\\d+) written, (\\d+) dropped").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        assertTrue(Long.parseLong(m.group(1)) >= 10, out.toString());
        assertEquals(m.group(1), m.group(2), "every fed frame was written");
        assertThat(out.toString(), containsString("recording cost: "));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".avi")).count(), "one recording per camera");
        }
    }
}
