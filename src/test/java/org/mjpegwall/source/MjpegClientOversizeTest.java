package org.mjpegwall.source;

import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.Await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/**
 * Frames too large for the client are skipped, named and counted, never a reconnect: a camera that
 * sends a 64 MiB part every 10th frame, a 4K camera whose frames outgrow a small limit, and growing
 * buffers that follow a camera's 4–5 MB frames.
 */
class MjpegClientOversizeTest {
    private static final int MIB = 1 << 20;
    /** The size of a 3840×2160 frame of sensor noise at high quality, as the issue measured it. */
    private static final int NIGHT_4K = 4_754_025;

    private static void writePart(ScriptedServer.Exchange ex, boolean contentLength, int size) throws Exception {
        ex.write(ScriptedServer.partHead("b", contentLength ? size : -1));
        byte[] chunk = new byte[MIB];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int left = size; left > 0; left -= MIB) {
            ex.write(chunk, 0, Math.min(MIB, left));
        }
        ex.write("\r\n").flush();
    }

    private static long allocatedBy(Thread t) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return mx.getThreadAllocatedBytes(t.getId());
    }

    @ParameterizedTest(name = "Content-Length {0}")
    @ValueSource(booleans = {true, false})
    void readsACameraThatSendsA64MiBPartEveryTenthFrameWithoutReconnecting(boolean contentLength) throws Exception {
        // given: 40 parts, every 10th of them 64 MiB, the others 20 KB frames at a camera's pace
        List<byte[]> good = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            if (i % 10 != 0) {
                good.add(TestJpegs.fake(20_000, i));
            }
        }
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: multipart/x-mixed-replace; boundary=b");
            int next = 0;
            for (int i = 1; i <= 40; i++) {
                if (i % 10 == 0) {
                    writePart(ex, contentLength, 64 * MIB);
                } else {
                    ex.write(multipart("b", contentLength, good.get(next++))).flush();
                    ex.pause(Duration.ofMillis(2));
                }
            }
            ex.write("--b\r\n").flush(); // without a length, a part ends at the next boundary
            ex.stallUntilClosed();
        }); MjpegClient client = ClientHarness.fast(server.uri("/")).build()) {
            List<FrameBuffer> pool = client.requestBuffers(64 * 1024, 32 * MIB, 16);
            pool.forEach(client::enqueueBuffer);
            client.start();
            // when
            List<byte[]> frames = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (client.stats().totalFrames() < 40 || client.stats().bufferQueue() > 0) {
                assertTrue(System.nanoTime() < deadline, "timed out: " + client.stats());
                FrameBuffer b = client.dequeueBuffer(50, TimeUnit.MILLISECONDS);
                if (b != null) {
                    frames.add(b.toByteArray());
                    sequences.add(b.sequence());
                    client.enqueueBuffer(b);
                }
            }
            // then: one connection, at least 90 % of the good frames, each exactly as sent, in order
            SourceStats s = client.stats();
            assertEquals(0, s.reconnects(), s.toString());
            assertTrue(frames.size() >= 0.9 * good.size(), frames.size() + " of " + good.size() + " frames: " + s);
            int at = 0;
            for (int k = 0; k < frames.size(); k++) {
                while (at < good.size() && !java.util.Arrays.equals(good.get(at), frames.get(k))) {
                    at++;
                }
                assertTrue(at < good.size(), "a frame that was not sent, or out of order");
                // the sequence counts the skipped parts too: good frame g is part g + g / 9
                assertEquals(at + at / 9, sequences.get(k), "sequence of frame " + k);
            }
            // the big parts were counted as discarded, and never went into a buffer
            assertEquals(40 - frames.size(), s.discardedFrames(), s.toString());
            for (FrameBuffer b : pool) {
                assertTrue(b.length() < MIB, "a buffer kept " + b.length() + " bytes");
            }
            if (contentLength) {
                // with a length the part is passed over, never read into memory; without one, a buffer
                // holds it while looking for its end, up to the 32 MiB limit, and gives that back
                long allocated = allocatedBy(client.readerThread());
                assertTrue(allocated < 8L * MIB, "reader thread allocated " + allocated + " bytes");
            }
        }
    }

    @ParameterizedTest(name = "Content-Length {0}")
    @ValueSource(booleans = {true, false})
    void aFrameOverTheLimitIsNamedAndTheCameraWaitsWithoutReconnecting(boolean contentLength) throws Exception {
        // given: a 2 MiB frame limit and a camera that sends 4.7 MB frames; time stands still until moved
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: multipart/x-mixed-replace; boundary=b");
            for (int i = 0; i < 3; i++) {
                writePart(ex, contentLength, NIGHT_4K);
            }
            ex.write("--b\r\n").flush();
            ex.stallUntilClosed();
        }); MjpegClient client = ClientHarness.fast(server.uri("/")).maxFrameSize(2 * MIB)
                .time(time).build()) {
            client.requestBuffers(64 * 1024, 2 * MIB, 4).forEach(client::enqueueBuffer);
            client.start();
            // when
            Await.until("three frames", () -> client.stats().totalFrames() == 3);
            SourceStats streaming = client.stats();
            time.advanceBy(Duration.ofSeconds(3));
            SourceStats later = client.stats();
            // then: named in words, counted, no reconnect; and after 3 s without a frame, WAITING
            assertEquals("frame of 4754025 bytes skipped: larger than the 2 MiB frame limit", streaming.lastError());
            assertEquals(SourceState.STREAMING, streaming.state());
            assertEquals(3, streaming.discardedFrames());
            assertEquals(0, later.reconnects());
            assertEquals(SourceState.WAITING, later.state());
        }
    }

    @ParameterizedTest(name = "Content-Length {0}")
    @ValueSource(booleans = {true, false})
    void growingBuffersFollowA4KCameraUpToTheLimit(boolean contentLength) throws Exception {
        // given: buffers of 64 KiB that may grow to 32 MiB, and a camera sending 4.7 MB frames
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(TestJpegs.fake(NIGHT_4K - 1000 * i, i));
        }
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", contentLength, sent.toArray(new byte[0][])));
            ex.write("--b\r\n").flush();
            ex.stallUntilClosed();
        }); MjpegClient client = ClientHarness.fast(server.uri("/")).stallTimeout(Duration.ofMinutes(1)).build()) {
            // as many buffers as frames: a slow test thread cannot make the client drop one
            List<FrameBuffer> pool = client.requestBuffers(64 * 1024, 32 * MIB, sent.size());
            pool.forEach(client::enqueueBuffer);
            client.start();
            // when
            List<byte[]> got = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (got.size() < sent.size()) {
                assertTrue(System.nanoTime() < deadline, "timed out: " + client.stats());
                FrameBuffer b = client.dequeueBuffer(50, TimeUnit.MILLISECONDS);
                if (b != null) {
                    got.add(b.toByteArray());
                    client.enqueueBuffer(b);
                }
            }
            // then: every frame whole; no buffer much larger than the largest frame
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), got.get(i), "frame " + i);
            }
            for (FrameBuffer b : pool) {
                assertTrue(b.length() <= NIGHT_4K * 3L / 2, "buffer of " + b.length() + " bytes");
            }
            assertEquals(0, client.stats().discardedFrames());
        }
    }
}
