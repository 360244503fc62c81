package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

class RelayCommandTest {
    @Test
    void nonHttpUrlIsAClearErrorThatHidesCredentials() {
        // when
        CliRun run = CliRun.of("relay", "rtsp://admin:topsecret@camera/stream");

        // then
        assertNotEquals(0, run.status());
        assertThat(run.err(), containsString("not an http:// or https:// camera URL: rtsp://camera/stream"));
        assertThat(run.err(), not(containsString("topsecret")));
        assertThat(run.err(), not(containsString("\tat ")));
    }

    @Test
    void malformedUrlIsAClearError() {
        // when
        CliRun run = CliRun.of("relay", "http://camera:80:80/ bad");

        // then
        assertNotEquals(0, run.status());
        assertThat(run.err(), containsString("relay: not a URL"));
        assertThat(run.err(), not(containsString("\tat ")));
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        // given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // when
            CliRun run = CliRun.of("relay", "http://127.0.0.1:9/video", "--port", String.valueOf(taken.getLocalPort()));

            // then
            assertNotEquals(0, run.status());
            assertThat(run.err(), containsString("already in use"));
            assertThat(run.err(), not(containsString("\tat ")));
        }
    }

    @Test
    void nonLoopbackBindWithoutPasswordIsRefused() {
        // when
        CliRun run = CliRun.of("relay", "http://127.0.0.1:9/video", "--bind", "0.0.0.0", "--port", "0", "--password=");

        // then
        assertNotEquals(0, run.status());
        assertThat(run.err(), containsString("refusing to serve on 0.0.0.0 without a password"));
    }
}
