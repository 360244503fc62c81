package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.testing.Await;

/** Requests over a limit are answered with the right status and a message in words, never just dropped. */
@Timeout(60)
class ServerRefusalsTest {
    private final FrameHub hub = new FrameHub();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private MjpegServer server;

    @BeforeEach
    void start() throws Exception {
        hub.publish(NumberedFrames.frame(1, 1000));
        server = MjpegServer.builder().build();
        server.addCamera("1", "cam", hub);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        server.close();
    }

    @Test
    void anOverlongRequestLineGets414() throws Exception {
        // when
        RawHttp.Response r = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg?" + "x".repeat(9000));

        // then
        assertEquals(414, r.status());
        assertThat(r.text(), containsString("request line"));
    }

    @Test
    void tooManyHeaderLinesGet431() throws Exception {
        // given
        String[] headers = new String[150];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = "X-Header-" + i + ": " + i;
        }

        // when
        RawHttp.Response r = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg", headers);

        // then
        assertEquals(431, r.status());
        assertThat(r.text(), containsString("header lines"));
    }

    @Test
    void aHundredKilobyteHeaderGets431() throws Exception {
        // when
        RawHttp.Response r = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg", "X-Big: " + "a".repeat(100_000));

        // then
        assertEquals(431, r.status());
        assertThat(r.text(), containsString("headers are"));
    }

    @Test
    void aRequestWithinTheLimitsIsAnswered() throws Exception {
        // when
        RawHttp.Response r = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg?" + "x".repeat(4000),
                "X-Some: " + "a".repeat(10_000));

        // then
        assertEquals(200, r.status());
    }

    @Test
    void requestsBeyondTheConnectionCapGet503WithRetryAfter() throws Exception {
        // given a server that answers 2 connections at once, and two streams that take them
        try (MjpegServer small = MjpegServer.builder().maxViewers(5).maxConnections(2).build()) {
            small.addCamera("1", "cam", hub);
            small.start();
            for (int i = 0; i < 2; i++) {
                Socket s = RawHttp.open(small.baseUri(), "/camera/1/stream.mjpg");
                cleanup.add(s);
                InputStream in = new BufferedInputStream(s.getInputStream());
                assertEquals(200, RawHttp.readHead(in).status());
            }
            Await.until("both streams counted", 10, () -> small.viewers() == 2);

            // when
            RawHttp.Response r = RawHttp.get(small.baseUri(), "/camera/1/snapshot.jpg");

            // then
            assertEquals(503, r.status());
            assertEquals("5", r.headers().get("retry-after"));
            assertThat(r.text(), containsString("at most 2 connections"));
        }
    }
}
