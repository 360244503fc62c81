package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MainCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void badSizeIsAClearErrorWithoutStackTrace() {
        // when
        int exit = run("demo", "--size", "640by480");

        // then
        assertNotEquals(0, exit);
        assertThat(err.toString(), containsString("'640by480' is not a size"));
        assertThat(err.toString(), not(containsString("\tat ")));
    }

    @Test
    void portInUseIsAClearErrorWithoutStackTrace() throws Exception {
        // given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // when
            int exit = run("demo", "--port", String.valueOf(taken.getLocalPort()), "--cameras", "1");

            // then
            assertNotEquals(0, exit);
            assertThat(err.toString(), containsString("already in use"));
            assertThat(err.toString(), not(containsString("\tat ")));
        }
    }

    @Test
    void nonLoopbackBindWithoutPasswordIsRefusedAndSaysWhy() {
        // when
        int exit = run("demo", "--bind", "0.0.0.0", "--port", "0", "--password=");

        // then
        assertNotEquals(0, exit);
        assertThat(err.toString(), containsString("refusing to serve on 0.0.0.0 without a password"));
        assertThat(err.toString(), not(containsString("\tat ")));
    }
}
