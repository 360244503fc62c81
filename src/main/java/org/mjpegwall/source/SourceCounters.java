package org.mjpegwall.source;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.util.RateMeter;
import org.mjpegwall.util.TimeSource;

/**
 * A source's counters and its last error. One writer, the source's thread; any thread reads. Each field
 * is volatile and written by that thread alone, so no lock is needed (a reader may see one counter of a
 * frame updated and another not yet, which the stats tolerate).
 */
final class SourceCounters {
    private final TimeSource time;
    private final RateMeter rate;
    private volatile long bytes;
    private volatile long totalFrames;
    private volatile long discardedFrames;
    private volatile long overruns;
    private volatile long reconnects;
    private volatile long lastFrameMillis = -1;
    private volatile String lastError;
    /** Source time of the last frame, or of the start of the stream before its first frame. */
    private volatile long lastProgressNanos;
    /** The source answers snapshots (one image per request), polled every poll interval. */
    private volatile boolean polling;
    private long bytesInRate; // the source's thread only

    SourceCounters(TimeSource time) {
        this.time = time;
        this.rate = new RateMeter(TimeUnit.SECONDS.toNanos(2));
    }

    /** Bytes read from the wire. */
    void countBytes(int n) {
        long total = bytes + n;
        bytes = total; // single writer: the source's thread
        if (total - bytesInRate >= 1 << 20) {
            recordRateBytes(time.nanoTime()); // no frame for a while: keep the bitrate honest
        }
    }

    /** A response was accepted: frames (or a snapshot, if {@code snapshot}) follow. */
    void streamStarted(boolean snapshot) {
        lastProgressNanos = time.nanoTime();
        if (snapshot) {
            polling = true; // before the frame: a reader of the state must not see it waiting
        }
    }

    /** A frame arrived (kept or discarded): the camera is live; an error from before is past. */
    void frameArrived(long now) {
        lastProgressNanos = now;
        if (lastError != null) {
            lastError = null;
        }
    }

    /** A complete frame, kept or not; {@code discarded} if it was not kept. */
    void frame(long now, long millis, boolean discarded) {
        totalFrames++;
        if (discarded) {
            discardedFrames++;
        }
        lastFrameMillis = millis;
        rate.recordFrame(now);
        if (!discarded) {
            recordRateBytes(now);
        }
    }

    /** A frame skipped as too large: counted, named, but no sign of life (WAITING still comes). */
    void skipped(String message) {
        totalFrames++;
        discardedFrames++;
        lastError = message;
    }

    void overrun() {
        overruns++;
    }

    void reconnected() {
        reconnects++;
    }

    void error(String error) {
        if (error != null) {
            lastError = error;
        }
    }

    long totalFrames() {
        return totalFrames;
    }

    /** The state as shown: a STREAMING source with no frame for {@code waitingAfter} (plus the poll interval) is WAITING. */
    SourceState shown(SourceState stored, long now, long waitingAfterNanos, long pollIntervalNanos) {
        if (stored != SourceState.STREAMING) {
            return stored;
        }
        long quiet = waitingAfterNanos + (polling ? pollIntervalNanos : 0);
        return now - lastProgressNanos >= quiet ? SourceState.WAITING : stored;
    }

    SourceStats stats(String url, SourceState shown, long now, int bufferQueue, Instant retryAt) {
        long last = lastFrameMillis;
        return new SourceStats(url, shown, rate.fps(now), rate.bytesPerSecond(now) * 8, bytes, totalFrames,
                discardedFrames, overruns, reconnects, bufferQueue, lastError,
                last < 0 ? null : Instant.ofEpochMilli(last), retryAt);
    }

    /** Moves bytes counted since the last call into the rate meter (once per frame, not per read). */
    private void recordRateBytes(long now) {
        long total = bytes;
        rate.recordBytes(now, total - bytesInRate);
        bytesInRate = total;
    }
}
