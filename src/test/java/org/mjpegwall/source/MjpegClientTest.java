package org.mjpegwall.source;

import org.mjpegwall.util.Secrets;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.Await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.source.ClientHarness.assertFrames;
import static org.mjpegwall.source.ClientHarness.streaming;
import static org.mjpegwall.testing.ScriptedServer.ascii;
import static org.mjpegwall.testing.ScriptedServer.concat;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/**
 * MjpegClient against a scripted server on loopback: exact frames, counts, lifecycle. Outages run on
 * {@link FakeTime}: backoff and stall waits cost no real time, and the tests assert the exact sequence of
 * state transitions with their times.
 */
class MjpegClientTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(5000, 2);
    private static final byte[] C = TestJpegs.fake(70_000, 3);

    @Test
    void deliversExactFramesWithContentLength() throws Exception {
        // given
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("frame", multipart("frame", true, A, B, C));
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/stream")).build())) {
            // when
            h.collect(3);
            // then
            assertFrames(h, A, B, C);
            assertEquals(List.of(0L, 1L, 2L), h.sequences);
            SourceStats s = h.client.stats();
            assertEquals(SourceState.STREAMING, s.state());
            assertEquals(3, s.totalFrames());
            assertEquals(0, s.discardedFrames());
            assertEquals(0, s.reconnects());
            assertTrue(s.bytes() >= A.length + B.length + C.length, "bytes " + s.bytes());
            assertNotNull(s.lastFrameTime());
            assertEquals("GET", server.requests().get(0).method());
            assertEquals("/stream", server.requests().get(0).target());
        }
    }

    @Test
    void deliversExactFramesWithoutContentLength() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("frame", concat(multipart("frame", false, A, B, C), ascii("--frame\r\n")));
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(3);
            assertFrames(h, A, B, C);
        }
    }

    @Test
    void reconnectsAfterServerClosesOnceTheBackoffIsOver() throws Exception {
        // given: the first connection sends two frames and closes; the second sends one more
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.respondMjpeg("b", multipart("b", true, A, B)).close(),
                streaming(C));
                ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/"), time, timeline).build())) {
            h.collect(2);
            // when: the first backoff (0.5 s) is over
            assertEquals(Duration.ofMillis(500), time.advanceToNextWake());
            h.collect(3);
            // then: sequence starts again on the new connection, after exactly one backoff
            assertFrames(h, A, B, C);
            assertEquals(List.of(0L, 1L, 0L), h.sequences);
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "0.000 BACKOFF connection closed by the camera",
                    "0.500 CONNECTING", "0.500 STREAMING"), timeline.await(5));
            assertEquals(1, h.client.stats().reconnects());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void dropsFrameCutShortWhenServerClosesMidFrame() throws Exception {
        // given: A whole, then B's head and half its bytes, then the connection closes
        byte[] cut = concat(multipart("b", true, A), ScriptedServer.partHead("b", B.length),
                java.util.Arrays.copyOf(B, B.length / 2));
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.respondMjpeg("b", cut).close(),
                streaming(C));
                ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/"), time, null).build())) {
            // when
            h.collect(1);
            time.advanceToNextWake();
            h.collect(2);
            // then
            assertFrames(h, A, C);
            assertEquals(2, h.client.stats().totalFrames());
        }
    }

    @Test
    void reconnectsAfterStallWithPlainWordsErrorThatClearsOnceFramesFlowAgain() throws Exception {
        // given: the first connection sends A and then nothing; time moves only when the test moves it
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(streaming(A), streaming(B));
                ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/"), time, timeline)
                        .stallTimeout(Duration.ofSeconds(10)).build())) {
            h.collect(1);
            // when: 9.999 s pass without a byte, and the reader has looked at the time since
            time.advanceTo(Duration.ofMillis(9_999).toNanos());
            time.awaitSeenBy(h.client.readerThread());
            // then: waiting for data, but not stalled yet
            assertEquals(SourceState.WAITING, h.client.stats().state());
            assertEquals(2, timeline.events().size(), timeline.events().toString());
            // when: the stall timeout is reached
            time.advanceTo(Duration.ofSeconds(10).toNanos());
            String error = ClientHarness.awaitBackoffError(h.client);
            time.advanceToNextWake();
            h.collect(2);
            // then: the stall was named while it lasted, and is no longer the camera's error once B came
            assertFrames(h, A, B);
            assertEquals("stream stalled (no data for 10 s)", error);
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING",
                    "10.000 BACKOFF stream stalled (no data for 10 s)", "10.500 CONNECTING", "10.500 STREAMING"),
                    timeline.await(5));
            assertNull(h.client.stats().lastError());
            assertEquals(1, h.client.stats().reconnects());
        }
    }

    @Test
    void reconnectsAfterServerRestartWithTheBackoffGrowingWhileItIsAway() throws Exception {
        // given
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(streaming(A), streaming(B));
                ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/"), time, timeline).build())) {
            h.collect(1);
            // when: the server goes away (its connection closes, then connections are refused) ...
            server.stopListening();
            assertEquals(Duration.ofMillis(500), time.advanceToNextWake());
            assertEquals(Duration.ofMillis(1_500).toNanos(), time.awaitSleeper(), "the second delay is twice the first");
            // ... and comes back on the same port before the next attempt
            server.restart();
            time.advanceToNextWake();
            h.collect(2);
            // then
            assertFrames(h, A, B);
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "0.000 BACKOFF connection closed by the camera",
                    "0.500 CONNECTING", "0.500 BACKOFF connection refused", "1.500 CONNECTING", "1.500 STREAMING"),
                    timeline.await(7));
            assertEquals(2, h.client.stats().reconnects());
        }
    }

    @Test
    void discardsFramesAndCountsOverrunWhenOutOfBuffersAndDeliversAgainOnceABufferComesBack() throws Exception {
        // given: one buffer that the application keeps while five frames come, then two more frames
        CountDownLatch more = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A, B, C, A, B));
            more.await(20, TimeUnit.SECONDS);
            ex.write(multipart("b", true, C, A)).flush();
            ex.stallUntilClosed();
        })) {
            MjpegClient client = ClientHarness.fast(server.uri("/")).build();
            FrameBuffer only = client.requestBuffers(1 << 20, 1).get(0);
            client.enqueueBuffer(only);
            client.start();
            try {
                // when
                FrameBuffer first = client.dequeueBuffer(10, TimeUnit.SECONDS);
                Await.until("all five frames seen", () -> client.stats().totalFrames() == 5);
                // then
                assertArrayEquals(A, first.toByteArray());
                SourceStats s = client.stats();
                assertEquals(4, s.discardedFrames());
                assertEquals(1, s.overruns());
                assertNull(client.dequeueBuffer(0, TimeUnit.MILLISECONDS));
                // when the buffer comes back, frames flow again ...
                client.enqueueBuffer(first);
                more.countDown();
                FrameBuffer next = client.dequeueBuffer(10, TimeUnit.SECONDS);
                // then: the next frame is delivered whole, its sequence showing the four dropped
                assertArrayEquals(C, next.toByteArray());
                assertEquals(5, next.sequence());
                // ... and, the application keeping it, the one after starts a new overrun episode
                Await.until("all seven frames seen", () -> client.stats().totalFrames() == 7);
                assertEquals(5, client.stats().discardedFrames());
                assertEquals(2, client.stats().overruns());
            } finally {
                client.stop();
            }
        }
    }

    @Test
    void discardsFrameLargerThanItsBuffer() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", concat(multipart("b", false, A, C, B), ascii("--b\r\n")));
            ex.stallUntilClosed();
        })) {
            ClientHarness h = new ClientHarness(ClientHarness.fast(server.uri("/")).build(), 8192, 3);
            h.client.start();
            try (h) {
                h.collect(2);
                assertFrames(h, A, B);
                assertEquals(List.of(0L, 2L), h.sequences, "the gap shows the dropped frame");
                assertEquals(1, h.client.stats().discardedFrames());
                assertEquals(0, h.client.stats().overruns());
            }
        }
    }

    @Test
    void stopEndsTheThreadDuringARead() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(streaming(A))) {
            ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build());
            h.collect(1);
            Thread reader = h.client.readerThread();
            // when
            h.client.stop();
            // then
            assertFalse(reader.isAlive());
            assertEquals(SourceState.STOPPED, h.client.stats().state());
        }
    }

    @Test
    void stopEndsTheThreadDuringABackoff() throws Exception {
        // given: nothing listens on the port, and the backoff is long
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        MjpegClient client = MjpegClient.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .backoff(Duration.ofSeconds(60), Duration.ofSeconds(60)).build();
        client.start();
        Await.until("backoff", () -> client.stats().state() == SourceState.BACKOFF);
        assertNotNull(client.stats().retryAt());
        assertEquals("connection refused", client.stats().lastError());
        // when
        client.stop();
        // then
        assertFalse(client.readerThread().isAlive());
        assertEquals(SourceState.STOPPED, client.stats().state());
        assertNull(client.stats().retryAt());
    }

    @Test
    void stopEndsTheThreadDuringAConnect() throws Exception {
        // given: a listener whose accept queue is full, so the kernel drops further SYNs and connect hangs
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket f = new java.net.Socket();
                    try {
                        f.connect(ss.getLocalSocketAddress(), 200);
                        fillers.add(f);
                    } catch (java.io.IOException full) {
                        f.close();
                        break;
                    }
                }
                MjpegClient client = MjpegClient.builder(URI.create("http://127.0.0.1:" + ss.getLocalPort() + "/"))
                        .connectTimeout(Duration.ofSeconds(60)).build();
                client.start();
                Thread reader = client.readerThread();
                Await.until("reader blocked in connect", () -> java.util.Arrays.stream(reader.getStackTrace())
                        .anyMatch(e -> e.getMethodName().equals("connect")));
                assertEquals(SourceState.CONNECTING, client.stats().state());
                // when
                client.stop();
                // then
                assertFalse(reader.isAlive());
                assertEquals(SourceState.STOPPED, client.stats().state());
            } finally {
                for (java.net.Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void retryAtIsTheClockPlusTheBackoffDelay() throws Exception {
        // given: fake time, jitter factor exactly 1, nothing listening
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        FakeTime time = new FakeTime(now);
        try (MjpegClient client = ClientHarness.faked(URI.create("http://127.0.0.1:" + port + "/"), time, null)
                .backoff(Duration.ofSeconds(30), Duration.ofSeconds(60)).build()) {
            // when
            client.start();
            time.awaitSleeper();
            // then
            assertEquals(SourceState.BACKOFF, client.stats().state());
            assertEquals(now.plusSeconds(30), client.stats().retryAt());
            // when: the attempt at 30 s fails too
            time.advanceToNextWake();
            time.awaitSleeper();
            // then: the next one is 60 s later
            assertEquals(now.plusSeconds(90), client.stats().retryAt());
        }
    }

    /**
     * The events of two streams that each deliver a frame, last {@code lasting} (on fake time) and close,
     * up to the third connection.
     */
    private static List<String> twoStreams(Duration healthyAfter, Duration lasting) throws Exception {
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        java.util.concurrent.Semaphore close = new java.util.concurrent.Semaphore(0);
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A));
            close.acquire();
            ex.close();
        }); MjpegClient client = ClientHarness.faked(server.uri("/"), time, timeline)
                .backoff(Duration.ofMillis(300), Duration.ofSeconds(10)).healthyAfter(healthyAfter).build()) {
            client.requestBuffers(1 << 16, 4).forEach(client::enqueueBuffer);
            client.start();
            for (int stream = 0; stream < 2; stream++) {
                FrameBuffer frame = client.dequeueBuffer(10, TimeUnit.SECONDS);
                assertNotNull(frame, "a frame");
                client.enqueueBuffer(frame);
                time.advanceBy(lasting);
                close.release();
                time.advanceToNextWake();
            }
            return timeline.await(7).subList(0, 7); // the third stream may have started streaming
        }
    }

    @Test
    void backoffResetsAfterAHealthyStreamAndGrowsOtherwise() throws Exception {
        // when every stream counts as healthy: each delay is the first one (0.3 s)
        assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "0.000 BACKOFF connection closed by the camera",
                "0.300 CONNECTING", "0.300 STREAMING", "0.300 BACKOFF connection closed by the camera",
                "0.600 CONNECTING"), twoStreams(Duration.ZERO, Duration.ZERO));
        // when no stream lasts the minute a healthy one needs: the second delay doubles
        assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "0.000 BACKOFF connection closed by the camera",
                "0.300 CONNECTING", "0.300 STREAMING", "0.300 BACKOFF connection closed by the camera",
                "0.900 CONNECTING"), twoStreams(Duration.ofMinutes(1), Duration.ZERO));
        // when each stream delivers for 5 s and 5 s makes a stream healthy: the backoff starts again
        assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "5.000 BACKOFF connection closed by the camera",
                "5.300 CONNECTING", "5.300 STREAMING", "10.300 BACKOFF connection closed by the camera",
                "10.600 CONNECTING"), twoStreams(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @Test
    void aStoppedClientCannotBeStartedAgain() {
        MjpegClient client = new MjpegClient(URI.create("http://127.0.0.1:9/"));
        client.stop();
        assertEquals(SourceState.STOPPED, client.stats().state());
        assertThrows(IllegalStateException.class, client::start);
    }

    @Test
    void aClientStartsOnlyOnce() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Exchange::stallUntilClosed);
                MjpegClient client = ClientHarness.fast(server.uri("/")).build()) {
            client.start();
            assertThrows(IllegalStateException.class, client::start);
            assertThrows(IllegalStateException.class, () -> client.requestBuffers(10, 1));
        }
    }

    @Test
    void refusesBuffersFromElsewhere() {
        MjpegClient client = new MjpegClient(URI.create("http://127.0.0.1:9/"));
        assertThrows(IllegalArgumentException.class, () -> client.enqueueBuffer(new FrameBuffer(10)));
    }

    @Test
    void printStatsUsesTheSeedLayoutWithoutCredentials() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(streaming(A, B))) {
            URI withSecret = URI.create("http://viewer:s3cret@127.0.0.1:" + server.port() + "/video?x=1");
            try (ClientHarness h = ClientHarness.start(ClientHarness.fast(withSecret).build())) {
                h.collect(2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                // when
                h.client.printStats(new PrintStream(out, true, StandardCharsets.UTF_8));
                // then
                String text = out.toString(StandardCharsets.UTF_8);
                String[] lines = text.split("\\R");
                assertEquals("URL:              http://127.0.0.1:" + server.port() + "/video?x=1", lines[0]);
                assertTrue(lines[1].startsWith("FPS:              "), lines[1]);
                assertEquals("Buffer overruns:  0", lines[2]);
                assertEquals("Reconnects:       0", lines[3]);
                assertEquals("Total frames:     2", lines[4]);
                assertEquals("Discarded frames: 0", lines[5]);
                assertEquals("Buffer queue:     0", lines[6]);
                assertFalse(text.contains("s3cret"));
                assertFalse(h.client.stats().toString().contains("s3cret"));
                assertFalse(h.client.stats().toString().contains("viewer"));
            }
        }
    }

    @Test
    void redactsUserinfo() {
        assertEquals("http://cam:81/a?b=c", Secrets.redact(URI.create("http://u:p@cam:81/a?b=c")));
        assertEquals("https://cam/", Secrets.redact(URI.create("https://u@cam/")));
    }

    @Test
    void rejectsNonHttpUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MjpegClient(URI.create("ftp://u:secret@cam/")));
        assertFalse(e.getMessage().contains("secret"));
    }
}
