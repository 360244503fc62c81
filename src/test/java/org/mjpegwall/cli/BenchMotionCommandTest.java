package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

class BenchMotionCommandTest {
    @Test
    void benchAnalysesEveryCameraAndReportsTheCostAgainstTheBaseline() {
        // when a tiny run (speed is not asserted: that is what the printed figures are for)
        CliRun run = CliRun.of("bench-motion", "--cameras", "2", "--sizes", "160x120", "--seconds", "1", "--rate", "10");

        // then
        assertEquals(0, run.status(), run.err());
        assertThat(run.out(), containsString("160x120: "));
        assertThat(run.out(), containsString("thumbnail 20x15"));
        assertThat(run.out(), containsString("baseline (no analysis)"));
        // both thumbnail decoders, each against the same baseline
        for (String decoder : new String[] {"DC decoder", "libjpeg-turbo"}) {
            Matcher m = Pattern.compile("analysing, " + decoder
                    + " .*cores; (\\d+) frames fed, ([0-9.]+) analyses/s, (\\d+) undecodable").matcher(run.out());
            assertTrue(m.find(), run.out());
            assertTrue(Double.parseDouble(m.group(2)) > 0, "the analysers ran: " + run.out());
            assertEquals("0", m.group(3));
        }
        assertThat(run.out(), containsString("cost of analysis (dc): "));
        assertThat(run.out(), containsString("cost of analysis (turbo): "));
        assertThat(run.out(), containsString("libjpeg-turbo 1/8 grey "));
    }
}
