package org.mjpegwall.source;

import org.mjpegwall.testing.Await;
import org.mjpegwall.frame.SourceState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/**
 * The state tells the truth while a connection stays open but nothing comes (a network blackhole):
 * WAITING after a few seconds without a frame, STREAMING again with the next one. Time is fake time the
 * test moves, so nothing here waits for seconds to pass.
 */
class MjpegClientWaitingTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(4000, 2);

    @Test
    void saysWaitingAfterAFewSecondsWithoutAFrameAndStreamingWhenFramesResume() throws Exception {
        // given: a camera that sends A, goes silent until the test lets it send B
        CountDownLatch resume = new CountDownLatch(1);
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, A));
            resume.await(20, TimeUnit.SECONDS);
            ex.write(multipart("b", true, B)).flush();
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/"), time, timeline)
                .waitingAfter(Duration.ofSeconds(3)).build())) {
            h.collect(1);
            // when / then: quiet for just under 3 s is still streaming
            time.advanceBy(Duration.ofMillis(2999));
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            // when / then: 3 s without a frame is waiting, in state() and stats() alike
            time.advanceBy(Duration.ofMillis(1));
            assertEquals(SourceState.WAITING, h.client.state());
            assertEquals(SourceState.WAITING, h.client.stats().state());
            // when / then: the next frame ends the wait, on the same connection
            resume.countDown();
            h.collect(2);
            assertArrayEquals(B, h.frames.get(1));
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING"), timeline.events(), "WAITING is never stored");
            assertEquals(List.of(1_767_225_600_000L, 1_767_225_603_000L), h.timestamps, "frame times on the fake clock");
        }
    }

    @Test
    void aSnapshotCameraIsNotWaitingBetweenItsPolls() throws Exception {
        // given: a snapshot URL polled every 5 s, waiting after 1 s; its second answer stops after the head
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: image/jpeg", "Content-Length: " + A.length);
            ex.write(A).close();
        }, ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: image/jpeg", "Content-Length: " + A.length).flush();
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/snap.jpg"), time, null)
                .snapshotPollInterval(Duration.ofSeconds(5)).waitingAfter(Duration.ofSeconds(1))
                // a stall timeout beyond the test's 11 s: the stalled poll must not be dropped and polled anew
                .stallTimeout(Duration.ofSeconds(60)).build())) {
            h.collect(1);
            // (the first poll is over and its wait for the next one begun, at 0 s, before the test moves time)
            assertEquals(Duration.ofSeconds(5).toNanos(), time.awaitSleeper(), "the next poll is due at 5 s");
            // when / then: long after a stream would be waiting, but within the poll interval: streaming
            time.advanceTo(Duration.ofMillis(4999).toNanos());
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            // when: the next poll's answer starts at 5 s and its image does not come
            time.advanceToNextWake();
            // (reading its image, so the poll's start was taken at 5 s before the test moves time on)
            Await.until("the second poll reads its image", () -> server.connections() == 2
                    && java.util.Arrays.stream(h.client.readerThread().getStackTrace())
                            .anyMatch(f -> f.getClassName().endsWith(".SingleImageReader")));
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            // then: waiting once the poll interval plus the waiting time have passed without an image
            time.advanceTo(Duration.ofMillis(10_999).toNanos());
            assertEquals(SourceState.STREAMING, h.client.stats().state());
            time.advanceTo(Duration.ofSeconds(11).toNanos());
            assertEquals(SourceState.WAITING, h.client.stats().state());
        }
    }
}
