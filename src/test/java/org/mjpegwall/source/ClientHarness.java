package org.mjpegwall.source;

import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.Await;
import org.mjpegwall.source.MjpegClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started client whose frames a test collects by dequeuing (and re-enqueuing) buffers. */
final class ClientHarness implements AutoCloseable {
    final MjpegClient client;
    final List<byte[]> frames = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();

    ClientHarness(MjpegClient client, int bufferLength, int buffers) {
        this.client = client;
        for (FrameBuffer b : client.requestBuffers(bufferLength, buffers)) {
            client.enqueueBuffer(b);
        }
    }

    /** A client with fast backoff (10 ms to 50 ms) and 1 MiB buffers. */
    static MjpegClient.Builder fast(URI uri) {
        return MjpegClient.builder(uri).backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(2));
    }

    /**
     * A client whose backoff (300 ms) is long enough for a test to see the error of a failed connection
     * in its stats before the next connection's first frame clears it.
     */
    static MjpegClient.Builder observable(URI uri) {
        return MjpegClient.builder(uri).backoff(Duration.ofMillis(300), Duration.ofMillis(300))
                .connectTimeout(Duration.ofSeconds(2));
    }

    /** Waits until the client backs off, and returns the error it names. */
    static String awaitBackoffError(MjpegClient client) {
        return Await.value("backoff with an error", () -> {
            SourceStats s = client.stats();
            return s.state() == SourceState.BACKOFF ? s.lastError() : null;
        });
    }

    static ClientHarness start(MjpegClient client) {
        ClientHarness h = new ClientHarness(client, 1 << 20, 4);
        client.start();
        return h;
    }

    /** Dequeues until {@code n} frames have been collected in total (bounded wait). */
    ClientHarness collect(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Await.LIMIT.toNanos();
        while (frames.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("got " + frames.size() + " of " + n + " frames; stats " + client.stats());
            }
            FrameBuffer b = client.dequeueBuffer(50, TimeUnit.MILLISECONDS);
            if (b != null) {
                frames.add(b.toByteArray());
                sequences.add(b.sequence());
                client.enqueueBuffer(b);
            }
        }
        return this;
    }

    @Override
    public void close() {
        client.stop();
    }
}
