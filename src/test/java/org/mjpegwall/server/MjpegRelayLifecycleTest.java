package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.Frame;

/** The relay's lazy upstream, driven by a fake upstream that publishes numbered frames. */
@Timeout(60) // a broken stream would otherwise block a read forever
class MjpegRelayLifecycleTest {
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    /** The fake upstream publishes only once this opens, like a camera that takes a while to connect. */
    private final CountDownLatch connected = new CountDownLatch(1);
    private MjpegRelay relay;
    private MjpegServer server;

    /** Publishes a frame every 10 ms on its own thread until closed. */
    private final class FakeUpstream implements MjpegRelay.Upstream {
        private final Thread thread;
        private volatile boolean running = true;

        FakeUpstream(Consumer<Frame> sink) {
            opens.incrementAndGet();
            thread = new Thread(() -> {
                try {
                    connected.await();
                } catch (InterruptedException ex) {
                    return;
                }
                for (long n = 1; running; n++) {
                    sink.accept(NumberedFrames.frame(n, 500));
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "fake-upstream");
            thread.start();
        }

        @Override
        public UpstreamStatus status() {
            return new UpstreamStatus("fake", "STREAMING", 100, null);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            closes.incrementAndGet();
        }
    }

    @BeforeEach
    void start() throws Exception {
        relay = new MjpegRelay(FakeUpstream::new, "fake", Duration.ofMillis(300), true).start();
        server = MjpegServer.builder().build();
        server.addCamera("1", "Relayed", relay.hub(), relay::status);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        relay.close();
    }

    @Test
    void upstreamOpensOnFirstViewerAndClosesAShortWhileAfterTheLast() throws Exception {
        // given nobody watches
        connected.countDown();
        assertFalse(relay.upstreamOpen());
        assertEquals("IDLE", relay.status().state());

        // when a viewer comes and reads a frame
        try (Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg")) {
            InputStream in = viewer.getInputStream();
            assertEquals(200, RawHttp.readHead(in).status());
            assertTrue(in.read() >= 0, "a frame arrives");
            // then
            assertTrue(relay.upstreamOpen());
            assertEquals(1, opens.get());
        }

        // and after the viewer leaves the upstream closes, once
        waitFor(() -> !relay.upstreamOpen());
        assertEquals(1, closes.get());
        assertEquals(1, opens.get());
    }

    @Test
    void aViewerArrivingWhileLingeringKeepsTheSameUpstream() throws Exception {
        // given
        connected.countDown();
        Socket first = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        assertEquals(200, RawHttp.readHead(first.getInputStream()).status());
        waitFor(() -> relay.upstreamOpen());

        // when the first leaves and a second arrives within the linger time
        first.close();
        waitFor(() -> relay.hub().viewers() == 0);
        try (Socket second = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg")) {
            assertEquals(200, RawHttp.readHead(second.getInputStream()).status());
            waitFor(() -> relay.hub().viewers() == 1);
            Thread.sleep(600); // twice the linger time

            // then the upstream was never closed and reopened
            assertTrue(relay.upstreamOpen());
            assertEquals(1, opens.get());
            assertEquals(0, closes.get());
        }
    }

    @Test
    void aSnapshotWakesAnIdleUpstream() throws Exception {
        // when
        RawHttp.Response first = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg");
        waitFor(() -> relay.upstreamOpen());
        connected.countDown();
        waitFor(() -> relay.hub().latest() != null);
        RawHttp.Response second = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg");

        // then: 503 while connecting, then the newest frame; the upstream closes again when unwatched
        assertEquals(503, first.status());
        assertThat(first.text(), containsString("no frame yet"));
        assertEquals(200, second.status());
        waitFor(() -> !relay.upstreamOpen());
        assertEquals(1, opens.get());
    }

    @Test
    void statusShowsTheUpstreamWithoutCredentials() throws Exception {
        // given
        MjpegRelay secret = MjpegRelay.forCamera(URI.create("http://admin:hunter2@camera.example:81/video.cgi?user=admin&pwd=hunter2&resolution=640x480"), null, null);
        try {
            // when
            UpstreamStatus status = secret.status();

            // then: the one redaction rule (util.Secrets): no user info, credential values masked, the rest readable
            assertEquals("http://camera.example:81/video.cgi?user=***&pwd=***&resolution=640x480", status.source());
            assertThat(status.toString(), not(containsString("hunter2")));
        } finally {
            secret.close();
        }
    }

    @Test
    void rejectsNonHttpUrls() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> MjpegRelay.forCamera(URI.create("rtsp://user:pw@cam/stream"), null, null));
        assertThat(ex.getMessage(), containsString("not an http"));
        assertThat(ex.getMessage(), not(containsString("pw@")));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition reached within 5 s");
    }
}
