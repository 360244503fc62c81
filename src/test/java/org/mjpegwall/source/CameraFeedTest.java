package org.mjpegwall.source;

import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** CameraFeed: fan-out to subscribers, newest-only display slot, stale counting, lifecycle. */
class CameraFeedTest {
    private static final byte[][] FRAMES = {
        TestJpegs.fake(1000, 1), TestJpegs.fake(2000, 2), TestJpegs.fake(3000, 3), TestJpegs.fake(4000, 4),
        TestJpegs.fake(5000, 5),
    };

    /** Serves the frames 20 ms apart (so a busy machine rarely runs out of buffers), then stalls. */
    private static ScriptedServer serving(byte[]... frames) throws Exception {
        return ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", new byte[0]);
            for (byte[] f : frames) {
                ex.write(multipart("b", true, f)).flush();
                ex.pause(java.time.Duration.ofMillis(20));
            }
            ex.stallUntilClosed();
        });
    }

    /** Waits until the client has seen all {@code n} frames, delivered or (rarely, if starved of CPU) discarded. */
    private static void awaitAllSeen(CameraFeed feed, int n) {
        Await.until(n + " frames seen", () -> feed.stats().totalFrames() == n && feed.received()
                + feed.stats().discardedFrames() == n);
    }

    @Test
    void everySubscriberGetsEveryFrameInOrderAsOneSharedCopy() throws Exception {
        try (ScriptedServer server = serving(FRAMES);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 8)) {
            // given
            List<Frame> first = Collections.synchronizedList(new ArrayList<>());
            List<Frame> second = Collections.synchronizedList(new ArrayList<>());
            feed.subscribe(first::add);
            feed.subscribe(second::add);
            // when
            feed.start();
            Await.until("5 frames", () -> second.size() == 5);
            // then
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(FRAMES[i], first.get(i).jpeg());
                assertEquals(i, first.get(i).sequence());
                assertSame(first.get(i), second.get(i), "one copy shared by all subscribers");
            }
            assertSame(first.get(4), feed.latestFrame());
            assertEquals(5, feed.received());
        }
    }

    @Test
    void displaySlotKeepsOnlyTheNewestAndCountsReplacedAsStale() throws Exception {
        try (ScriptedServer server = serving(FRAMES);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 3)) {
            // when: nobody takes frames while five arrive
            feed.start();
            awaitAllSeen(feed, 5);
            // then: the newest is in the slot, the ones before it went back undecoded
            FrameBuffer newest = feed.takeLatest();
            assertNotNull(newest);
            assertArrayEquals(feed.latestFrame().jpeg(), newest.toByteArray());
            assertEquals(feed.received() - 1, feed.stale());
            assertTrue(feed.received() >= 3, "stale buffers went back to the pool, so frames kept flowing");
            assertNull(feed.takeLatest(), "taken once");
            feed.release(newest);
        }
    }

    @Test
    void aTakenFrameDiscardedForANewerOneCountsAsStaleAndItsBufferComesBack() throws Exception {
        // given a feed with the fewest buffers (3), whose display takes every frame and drops it unshown, as a
        // decode that found a newer frame does
        try (ScriptedServer server = serving(FRAMES);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 3)) {
            feed.start();
            Await.until("5 frames taken", () -> {
                FrameBuffer taken = feed.takeLatest();
                if (taken != null) {
                    feed.discard(taken);
                }
                return feed.stale() + feed.stats().discardedFrames() == 5;
            });
            // then every frame counts as stale, and no frame was lost for want of a buffer: each came back
            assertEquals(5, feed.received());
            assertEquals(5, feed.stale());
            assertEquals(0, feed.stats().discardedFrames());
        }
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheFeed() throws Exception {
        try (ScriptedServer server = serving(FRAMES);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 4)) {
            List<Frame> got = Collections.synchronizedList(new ArrayList<>());
            feed.subscribe(f -> {
                throw new IllegalStateException("subscriber bug");
            });
            feed.subscribe(got::add);
            feed.start();
            awaitAllSeen(feed, 5);
            assertEquals(feed.received(), got.size());
            assertTrue(got.size() >= 2, "frames after the first throw still arrive");
        }
    }

    @Test
    void nextFrameCompletesWithTheNextFrame() throws Exception {
        try (ScriptedServer server = serving(FRAMES[0]);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 4)) {
            CompletableFuture<Frame> next = feed.nextFrame();
            feed.start();
            assertArrayEquals(FRAMES[0], next.get(10, TimeUnit.SECONDS).jpeg());
        }
    }

    @Test
    void unsubscribedListenerGetsNoMoreFrames() throws Exception {
        try (ScriptedServer server = serving(FRAMES);
                CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 4)) {
            List<Frame> got = Collections.synchronizedList(new ArrayList<>());
            AutoCloseable sub = feed.subscribe(got::add);
            sub.close();
            feed.start();
            awaitAllSeen(feed, 5);
            assertTrue(feed.received() > 0);
            assertTrue(got.isEmpty());
        }
    }

    @Test
    void closeStopsClientAndDispatcherAndFailsPendingSnapshots() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Exchange::stallUntilClosed)) {
            CameraFeed feed = new CameraFeed(ClientHarness.fast(server.uri("/")).build(), 1 << 16, 4);
            feed.start();
            CompletableFuture<Frame> pending = feed.nextFrame();
            Thread reader = Await.value("reader thread", () -> ((MjpegClient) feed.source()).readerThread());
            // when
            feed.close();
            // then
            assertFalse(reader.isAlive());
            assertEquals(SourceState.STOPPED, feed.stats().state());
            ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("closed"));
            assertTrue(feed.nextFrame().isCompletedExceptionally());
        }
    }
}
