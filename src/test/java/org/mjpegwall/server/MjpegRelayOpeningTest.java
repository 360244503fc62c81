package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.Await;

/**
 * Opening an upstream (its 16 MiB of buffers, its thread) happens outside the relay's lock: while one is slow to
 * open, the relay still answers, a second viewer opens no second upstream, and a close waits for the opener.
 */
@Timeout(30)
class MjpegRelayOpeningTest {
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch insideOpen = new CountDownLatch(1);
    private final CountDownLatch mayFinishOpening = new CountDownLatch(1);
    private volatile boolean failOpen;
    private MjpegRelay relay;

    /** An upstream whose opening blocks until the test lets it finish. */
    private MjpegRelay.Upstream slowOpen(Consumer<Frame> sink) {
        opens.incrementAndGet();
        insideOpen.countDown();
        try {
            mayFinishOpening.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failOpen) {
            throw new IllegalStateException("camera unreachable");
        }
        return new MjpegRelay.Upstream() {
            @Override
            public UpstreamStatus status() {
                return new UpstreamStatus("slow", "STREAMING", 0, null);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
    }

    @AfterEach
    void closeRelay() {
        mayFinishOpening.countDown();
        if (relay != null) {
            relay.close();
        }
    }

    private CompletableFuture<FrameHub.Viewer> viewerArrivesInTheBackground() {
        return CompletableFuture.supplyAsync(() -> relay.hub().attach("first"));
    }

    @Test
    void theRelayAnswersWhileAnUpstreamOpensAndASecondViewerOpensNoSecondOne() throws Exception {
        // given the first viewer's thread is inside the slow open
        relay = new MjpegRelay(this::slowOpen, "slow", Duration.ofSeconds(5), true).start();
        CompletableFuture<FrameHub.Viewer> first = viewerArrivesInTheBackground();
        assertTrue(insideOpen.await(10, TimeUnit.SECONDS));

        // when the status is asked for and a second viewer arrives (each would block if the open held the lock)
        String state = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> relay.status().state());
        FrameHub.Viewer second = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> relay.hub().attach("second"));

        // then
        assertEquals("CONNECTING", state);
        assertFalse(relay.upstreamOpen());
        mayFinishOpening.countDown();
        first.get(10, TimeUnit.SECONDS).close();
        Await.until("the upstream open", relay::upstreamOpen);
        assertEquals(1, opens.get());
        second.close();
    }

    @Test
    void closingWhileAnUpstreamOpensWaitsForItAndClosesIt() throws Exception {
        // given
        relay = new MjpegRelay(this::slowOpen, "slow", Duration.ofSeconds(5), true).start();
        CompletableFuture<FrameHub.Viewer> viewer = viewerArrivesInTheBackground();
        assertTrue(insideOpen.await(10, TimeUnit.SECONDS));

        // when the relay closes, and the open finishes while close() waits for it
        Thread closer = new Thread(relay::close, "closer");
        closer.start();
        Await.until("close() waits for the opener", () -> closer.getState() == Thread.State.TIMED_WAITING);
        mayFinishOpening.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive(), "close() returned");

        // then the late upstream was closed before close() returned, and nothing is open
        assertEquals(1, closes.get());
        assertFalse(relay.upstreamOpen());
        assertEquals("CLOSED", relay.status().state());
        viewer.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void anUpstreamThatFailsToOpenIsTriedAgainByTheNextViewer() throws Exception {
        // given an open that fails
        failOpen = true;
        mayFinishOpening.countDown();
        relay = new MjpegRelay(this::slowOpen, "slow", Duration.ofSeconds(5), true).start();

        // when a viewer comes (the hub logs the listener's failure), leaves, and the camera comes back
        relay.hub().attach("first").close();
        assertEquals("IDLE", relay.status().state());
        failOpen = false;
        try (FrameHub.Viewer again = relay.hub().attach("again")) {
            // then
            assertTrue(relay.upstreamOpen());
            assertEquals(2, opens.get());
        }
    }
}
