package org.mjpegwall.source;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.util.RateMeter;
import org.mjpegwall.util.TimeSource;

/**
 * A source's counters and its last error. One writer, the source's thread; any thread reads. Each field
 * is volatile and written by that thread alone, so no lock is needed (a reader may see one counter of a
 * frame updated and another not yet, which the stats tolerate).
 *
 * <p>Why the camera's pace counts for WAITING: a camera set to send a frame every 5 s (a common bandwidth saving)
 * would otherwise be "waiting for data" between every two frames, and its tile would flap between live and stale
 * all day. So a source whose frames come further apart than the usual {@code waitingAfter} waits
 * {@value #PACE_FACTOR}× its usual interval (the median of its last {@value #PACE_SAMPLES}), at most
 * {@link #MAX_PACED_WAIT_NANOS}; one long gap barely moves a median, so a camera that stops is still reported.
 */
final class SourceCounters {
    static final int PACE_SAMPLES = 8;
    static final double PACE_FACTOR = 2.5;
    static final long MAX_PACED_WAIT_NANOS = TimeUnit.MINUTES.toNanos(5);
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
    /** The median of the last intervals between frames of one connection, 0 until 3 are known. */
    private volatile long paceNanos;
    // The source's thread only: the last intervals (a ring), how many are known, the last frame's time (-1: none
    // on this connection yet), and room to sort them in.
    private final long[] intervals = new long[PACE_SAMPLES];
    private final long[] sorted = new long[PACE_SAMPLES];
    private int intervalCount;
    private long lastArrivalNanos = -1;

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
        lastArrivalNanos = -1; // the gap across a reconnect is not the camera's pace
        if (snapshot) {
            polling = true; // before the frame: a reader of the state must not see it waiting
        }
    }

    /** A frame arrived (kept or discarded): the camera is live; an error from before is past. */
    void frameArrived(long now) {
        lastProgressNanos = now;
        if (lastArrivalNanos >= 0 && now > lastArrivalNanos) {
            notePace(now - lastArrivalNanos);
        }
        lastArrivalNanos = now;
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

    private void notePace(long interval) {
        intervals[intervalCount % PACE_SAMPLES] = interval;
        intervalCount++;
        int n = Math.min(intervalCount, PACE_SAMPLES);
        if (n >= 3) {
            System.arraycopy(intervals, 0, sorted, 0, n);
            Arrays.sort(sorted, 0, n);
            paceNanos = sorted[n / 2];
        }
    }

    /** The camera's usual interval between frames (the median of its last few), or 0 before 3 are known. */
    long paceNanos() {
        return paceNanos;
    }

    long totalFrames() {
        return totalFrames;
    }

    /**
     * The state as shown: a STREAMING source with no frame for {@code waitingAfter}, or for {@value #PACE_FACTOR}× its
     * usual interval if that is longer (see the class comment), plus the poll interval, is WAITING.
     */
    SourceState shown(SourceState stored, long now, long waitingAfterNanos, long pollIntervalNanos) {
        if (stored != SourceState.STREAMING) {
            return stored;
        }
        long paced = Math.min(MAX_PACED_WAIT_NANOS, Math.round(PACE_FACTOR * paceNanos));
        long quiet = Math.max(waitingAfterNanos, paced) + (polling ? pollIntervalNanos : 0);
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
