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

class RelayCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MainCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void nonHttpUrlIsAClearErrorThatHidesCredentials() {
        // when
        int exit = run("relay", "rtsp://admin:topsecret@camera/stream");

        // then
        assertNotEquals(0, exit);
        assertThat(err.toString(), containsString("not an http:// or https:// camera URL: rtsp://camera/stream"));
        assertThat(err.toString(), not(containsString("topsecret")));
        assertThat(err.toString(), not(containsString("\tat ")));
    }

    @Test
    void malformedUrlIsAClearError() {
        // when
        int exit = run("relay", "http://camera:80:80/ bad");

        // then
        assertNotEquals(0, exit);
        assertThat(err.toString(), containsString("relay: not a URL"));
        assertThat(err.toString(), not(containsString("\tat ")));
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        // given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // when
            int exit = run("relay", "http://127.0.0.1:9/video", "--port", String.valueOf(taken.getLocalPort()));

            // then
            assertNotEquals(0, exit);
            assertThat(err.toString(), containsString("already in use"));
            assertThat(err.toString(), not(containsString("\tat ")));
        }
    }

    @Test
    void nonLoopbackBindWithoutPasswordIsRefused() {
        // when
        int exit = run("relay", "http://127.0.0.1:9/video", "--bind", "0.0.0.0", "--port", "0", "--password=");

        // then
        assertNotEquals(0, exit);
        assertThat(err.toString(), containsString("refusing to serve on 0.0.0.0 without a password"));
    }
}
