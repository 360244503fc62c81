package org.mjpegwall.source;

import org.mjpegwall.frame.SourceState;
import org.mjpegwall.source.ClientHarness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/**
 * The state tells the truth while a connection stays open but nothing comes (a network blackhole):
 * WAITING after a few seconds without a frame, STREAMING again with the next one. Time is a ticker the
 * test moves, so nothing here waits for seconds to pass.
 */
class MjpegClientWaitingTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(4000, 2);

    @Test
    void saysWaitingAfterAFewSecondsWithoutAFrameAndStreamingWhenFramesResume() throws Exception {
        // given: a camera that sends A, goes silent until the test lets it send B
        CountDownLatch resume = new CountDownLatch(1);
        AtomicLong ticker = new AtomicLong(1_000_000_000L);
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A));
            resume.await(20, TimeUnit.SECONDS);
            ex.write(multipart("b", true, B)).flush();
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/"))
                .ticker(ticker::get).waitingAfter(Duration.ofSeconds(3)).build())) {
            h.collect(1);
            // when / then: quiet for just under 3 s is still streaming
            ticker.addAndGet(Duration.ofMillis(2999).toNanos());
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            // when / then: 3 s without a frame is waiting, in state() and stats() alike
            ticker.addAndGet(Duration.ofMillis(1).toNanos());
            assertEquals(SourceState.WAITING, h.client.state());
            assertEquals(SourceState.WAITING, h.client.stats().state());
            // when / then: the next frame ends the wait, on the same connection
            resume.countDown();
            h.collect(2);
            assertArrayEquals(B, h.frames.get(1));
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            assertEquals(0, h.client.stats().reconnects());
        }
    }

    @Test
    void aSnapshotCameraIsNotWaitingBetweenItsPolls() throws Exception {
        // given: a snapshot URL polled every 5 s
        AtomicLong ticker = new AtomicLong();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: image/jpeg", "Content-Length: " + A.length);
            ex.write(A).close();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/snap.jpg"))
                .snapshotPollInterval(Duration.ofSeconds(5)).ticker(ticker::get).build())) {
            h.collect(1);
            // when / then: within the poll interval plus the waiting time, not waiting
            ticker.addAndGet(Duration.ofMillis(7900).toNanos());
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            ticker.addAndGet(Duration.ofMillis(100).toNanos());
            assertEquals(SourceState.WAITING, h.client.stats().state());
        }
    }
}
