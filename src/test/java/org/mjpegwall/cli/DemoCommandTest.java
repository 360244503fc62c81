package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

class DemoCommandTest {
    @Test
    void badSizeIsAClearErrorWithoutStackTrace() {
        // when
        CliRun run = CliRun.of("demo", "--size", "640by480");

        // then
        assertNotEquals(0, run.status());
        assertThat(run.err(), containsString("'640by480' is not a size"));
        assertThat(run.err(), not(containsString("\tat ")));
    }

    @Test
    void portInUseIsAClearErrorWithoutStackTrace() throws Exception {
        // given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // when
            CliRun run = CliRun.of("demo", "--port", String.valueOf(taken.getLocalPort()), "--cameras", "1");

            // then
            assertNotEquals(0, run.status());
            assertThat(run.err(), containsString("already in use"));
            assertThat(run.err(), not(containsString("\tat ")));
        }
    }

    @Test
    void nonLoopbackBindWithoutPasswordIsRefusedAndSaysWhy() {
        // when
        CliRun run = CliRun.of("demo", "--bind", "0.0.0.0", "--port", "0", "--password=");

        // then
        assertNotEquals(0, run.status());
        assertThat(run.err(), containsString("refusing to serve on 0.0.0.0 without a password"));
        assertThat(run.err(), not(containsString("\tat ")));
    }
}
