package org.mjpegwall.source;

import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.FrameSource;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.ScriptedServer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started source whose frames a test collects by dequeuing (and re-enqueuing) buffers. */
final class ClientHarness implements AutoCloseable {
    final FrameSource source;
    /** The source as an MJPEG client, or null for another kind. */
    final MjpegClient client;
    final List<byte[]> frames = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();

    ClientHarness(FrameSource source, int bufferLength, int buffers) {
        this.source = source;
        this.client = source instanceof MjpegClient c ? c : null;
        for (FrameBuffer b : source.requestBuffers(bufferLength, buffers)) {
            source.enqueueBuffer(b);
        }
    }

    /** A client with fast backoff (10 ms to 50 ms) and 1 MiB buffers. */
    static MjpegClient.Builder fast(URI uri) {
        return MjpegClient.builder(uri).backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(2));
    }

    /**
     * A client on fake time: backoff 0.5 s doubling to 10 s with no jitter, the stall timeout (10 s) and
     * every wait measured on {@code time}, so a test moves through outages without waiting; a blocked
     * read looks at the time every 5 ms of real time. Transitions go to {@code timeline} if given.
     */
    static MjpegClient.Builder faked(URI uri, FakeTime time, Timeline timeline) {
        MjpegClient.Builder b = MjpegClient.builder(uri).time(time).random(() -> 0.5)
                .stallCheck(Duration.ofMillis(5)).connectTimeout(Duration.ofSeconds(2));
        return timeline == null ? b : b.listener(timeline);
    }

    /** Waits until the source backs off, and returns the error it names. */
    static String awaitBackoffError(FrameSource source) {
        return Await.value("backoff with an error", () -> {
            SourceStats s = source.stats();
            return s.state() == SourceState.BACKOFF ? s.lastError() : null;
        });
    }

    /** A server script that answers with {@code frames} as one multipart stream, then holds the connection open. */
    static ScriptedServer.Script streaming(byte[]... frames) {
        return ex -> {
            ex.respondMjpeg("b", multipart("b", true, frames));
            ex.stallUntilClosed();
        };
    }

    /** Checks that the frames collected are {@code expected}, byte for byte and in order. */
    static void assertFrames(ClientHarness h, byte[]... expected) {
        assertEquals(expected.length, h.frames.size(), "frame count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], h.frames.get(i), "frame " + i);
        }
    }

    static ClientHarness start(FrameSource source) {
        ClientHarness h = new ClientHarness(source, 1 << 20, 4);
        source.start();
        return h;
    }

    /** Dequeues until {@code n} frames have been collected in total (bounded wait). */
    ClientHarness collect(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Await.LIMIT.toNanos();
        while (frames.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("got " + frames.size() + " of " + n + " frames; stats " + source.stats());
            }
            FrameBuffer b = source.dequeueBuffer(50, TimeUnit.MILLISECONDS);
            if (b != null) {
                frames.add(b.toByteArray());
                sequences.add(b.sequence());
                timestamps.add(b.timestamp());
                source.enqueueBuffer(b);
            }
        }
        return this;
    }

    @Override
    public void close() {
        source.stop();
    }
}
