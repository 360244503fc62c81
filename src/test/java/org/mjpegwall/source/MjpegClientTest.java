package org.mjpegwall.source;

import org.mjpegwall.util.Secrets;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.Await;
import org.mjpegwall.source.ClientHarness;
import org.mjpegwall.source.MjpegClient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** MjpegClient against a scripted server on loopback: exact frames, counts, lifecycle. */
class MjpegClientTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(5000, 2);
    private static final byte[] C = TestJpegs.fake(70_000, 3);

    private static void assertFrames(ClientHarness h, byte[]... expected) {
        assertEquals(expected.length, h.frames.size(), "frame count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], h.frames.get(i), "frame " + i);
        }
    }

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
    void reconnectsAfterServerCloses() throws Exception {
        // given: the first connection sends two frames and closes; the second sends one more
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.respondMjpeg("b", multipart("b", true, A, B)).close(),
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, C));
                    ex.stallUntilClosed();
                }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            // when
            h.collect(3);
            // then: sequence starts again on the new connection
            assertFrames(h, A, B, C);
            assertEquals(List.of(0L, 1L, 0L), h.sequences);
            assertEquals(1, h.client.stats().reconnects());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void dropsFrameCutShortWhenServerClosesMidFrame() throws Exception {
        // given: A whole, then B's head and half its bytes, then the connection closes
        byte[] cut = concat(multipart("b", true, A), ScriptedServer.partHead("b", B.length),
                java.util.Arrays.copyOf(B, B.length / 2));
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.respondMjpeg("b", cut).close(),
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, C));
                    ex.stallUntilClosed();
                }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            // when
            h.collect(2);
            // then
            assertFrames(h, A, C);
            assertEquals(2, h.client.stats().totalFrames());
        }
    }

    @Test
    void reconnectsAfterStallWithPlainWordsErrorThatClearsOnceFramesFlowAgain() throws Exception {
        // given: the first connection sends A and then nothing
        try (ScriptedServer server = ScriptedServer.start(
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, A));
                    ex.stallUntilClosed();
                },
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, B));
                    while (true) { // keeps streaming, so the short stall timeout cannot strike again
                        ex.pause(Duration.ofMillis(50));
                        ex.write(multipart("b", true, A)).flush();
                    }
                }); ClientHarness h = ClientHarness.start(ClientHarness.observable(server.uri("/"))
                        .stallTimeout(Duration.ofMillis(300)).build())) {
            // when
            h.collect(1);
            String error = ClientHarness.awaitBackoffError(h.client);
            h.collect(2);
            // then: the stall was named while it lasted, and is no longer the camera's error once B came
            assertFrames(h, A, B);
            assertEquals("stream stalled (no data for 0.3 s)", error);
            assertNull(h.client.stats().lastError());
            assertEquals(1, h.client.stats().reconnects());
        }
    }

    @Test
    void reconnectsAfterServerRestart() throws Exception {
        // given
        try (ScriptedServer server = ScriptedServer.start(
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, A));
                    ex.stallUntilClosed();
                },
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, B));
                    ex.stallUntilClosed();
                }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(1);
            // when: the server goes away (connection refused for a while) and comes back on the same port
            server.stopListening();
            Await.until("connection refused reported",
                    () -> "connection refused".equals(h.client.stats().lastError()));
            server.restart();
            // then
            h.collect(2);
            assertFrames(h, A, B);
            assertTrue(h.client.stats().reconnects() >= 2);
        }
    }

    @Test
    void discardsFramesAndCountsOverrunWhenOutOfBuffers() throws Exception {
        // given: one buffer that the application never gives back
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A, B, C, A, B));
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
                // when the buffer comes back, frames flow again and a new overrun episode can start
                client.enqueueBuffer(first);
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
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A));
            ex.stallUntilClosed();
        })) {
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
        // given: a fixed clock, jitter factor exactly 1, nothing listening
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        try (MjpegClient client = MjpegClient.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .backoff(Duration.ofSeconds(30), Duration.ofSeconds(60))
                .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).random(() -> 0.5).build()) {
            // when
            client.start();
            Await.until("backoff", () -> client.stats().state() == SourceState.BACKOFF);
            // then
            assertEquals(now.plusSeconds(30), client.stats().retryAt());
        }
    }

    /** The second backoff delay after two streams that each delivered a frame and closed. */
    private static java.time.Duration secondDelay(java.time.Duration healthyAfter) throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.respondMjpeg("b", multipart("b", true, A)).close());
                MjpegClient client = MjpegClient.builder(server.uri("/"))
                        .backoff(Duration.ofMillis(300), Duration.ofSeconds(10)).healthyAfter(healthyAfter)
                        .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).random(() -> 0.5).build()) {
            client.start();
            Await.until("second backoff", () -> client.stats().reconnects() == 1
                    && client.stats().state() == SourceState.BACKOFF);
            return java.time.Duration.between(now, client.stats().retryAt());
        }
    }

    @Test
    void backoffResetsAfterAHealthyStreamAndGrowsOtherwise() throws Exception {
        assertEquals(Duration.ofMillis(300), secondDelay(Duration.ZERO), "every stream counts as healthy");
        assertEquals(Duration.ofMillis(600), secondDelay(Duration.ofMinutes(1)), "no stream lasted a minute");
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
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A, B));
            ex.stallUntilClosed();
        })) {
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
