package org.mjpegwall.source;

import org.mjpegwall.testing.Await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** SnapshotPoller, a source of its own on the shared run loop: one image per poll, on fake time. */
class SnapshotPollerTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(5000, 2);
    private static final byte[] C = TestJpegs.fake(7000, 3);

    private static MjpegClient.Builder faked(ScriptedServer server, FakeTime time, Timeline timeline) {
        return ClientHarness.faked(server.uri("/snap.jpg"), time, timeline).snapshotPollInterval(Duration.ofSeconds(2));
    }

    private static ScriptedServer.Script image(byte[] img) {
        return ex -> ex.head("HTTP/1.1 200 OK", "Content-Type: image/jpeg", "Content-Length: " + img.length).write(img);
    }

    @Test
    void theBuilderMakesAPollerWhenAPollIntervalIsSetAndAStreamClientOtherwise() {
        URI uri = URI.create("http://127.0.0.1:9/snap.jpg");
        assertInstanceOf(SnapshotPoller.class,
                MjpegClient.builder(uri).snapshotPollInterval(Duration.ofSeconds(1)).buildSource());
        assertInstanceOf(MjpegClient.class, MjpegClient.builder(uri).buildSource());
    }

    @Test
    void pollsEveryIntervalWithoutBackoffOrReconnects() throws Exception {
        // given
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(image(A), image(B), image(C));
                ClientHarness h = ClientHarness.start(faked(server, time, timeline).buildPoller())) {
            // when
            h.collect(1);
            assertEquals(Duration.ofSeconds(2), time.advanceToNextWake());
            h.collect(2);
            assertEquals(Duration.ofSeconds(4), time.advanceToNextWake());
            h.collect(3);
            // then
            assertArrayEquals(A, h.frames.get(0));
            assertArrayEquals(B, h.frames.get(1));
            assertArrayEquals(C, h.frames.get(2));
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "2.000 CONNECTING", "2.000 STREAMING",
                    "4.000 CONNECTING", "4.000 STREAMING"), timeline.await(6));
            assertEquals(List.of(1_767_225_600_000L, 1_767_225_602_000L, 1_767_225_604_000L), h.timestamps);
            assertEquals(0, h.source.stats().reconnects());
            assertEquals(3, server.connections());
        }
    }

    @Test
    void aFailedPollBacksOffAndPollsAgainAfterTheDelay() throws Exception {
        // given: the second poll finds the camera busy
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(image(A),
                ex -> ex.head("HTTP/1.1 503 Service Unavailable", "Content-Length: 0"), image(B));
                ClientHarness h = ClientHarness.start(faked(server, time, timeline).buildPoller())) {
            h.collect(1);
            // when
            time.advanceToNextWake();
            String error = ClientHarness.awaitBackoffError(h.source);
            time.advanceToNextWake();
            h.collect(2);
            // then
            assertEquals("camera busy or unavailable (HTTP 503)", error);
            assertArrayEquals(B, h.frames.get(1));
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "2.000 CONNECTING",
                    "2.000 BACKOFF camera busy or unavailable (HTTP 503)", "2.500 CONNECTING", "2.500 STREAMING"),
                    timeline.await(6));
            assertNull(h.source.stats().lastError(), "the next image clears the error");
            assertEquals(1, h.source.stats().reconnects(), "the attempt after a failure is a reconnect");
        }
    }

    @Test
    void aStreamingUrlGivesItsFirstFramePerPoll() throws Exception {
        // given: a URL that streams A, B, C on every connection
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A, B, C));
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(faked(server, time, null).buildPoller())) {
            // when
            h.collect(1);
            time.advanceToNextWake();
            h.collect(2);
            // then: one frame per poll, each connection closed after its first frame
            assertArrayEquals(A, h.frames.get(0));
            assertArrayEquals(A, h.frames.get(1));
            assertEquals(2, server.connections());
            assertEquals(2, h.source.stats().totalFrames());
            assertEquals(SourceState.STREAMING, h.source.stats().state());
        }
    }

    @Test
    void aCameraFeedReadsAPollerAsItReadsAStream() throws Exception {
        // given
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(image(A), image(B));
                CameraFeed feed = new CameraFeed(faked(server, time, null).buildSource(), 1 << 16, 3)) {
            java.util.List<Frame> got = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            feed.subscribe(got::add);
            // when
            feed.start();
            Await.until("first image", () -> got.size() == 1);
            time.advanceToNextWake();
            Await.until("second image", () -> got.size() == 2);
            // then
            assertArrayEquals(A, got.get(0).jpeg());
            assertArrayEquals(B, got.get(1).jpeg());
            assertInstanceOf(SnapshotPoller.class, feed.source());
        }
    }
}
