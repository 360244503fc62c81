package org.mjpegwall.frame;

import java.time.Instant;

/**
 * An immutable snapshot of a {@link FrameSource}'s statistics. Never contains credentials.
 *
 * @param url the camera URL with any userinfo removed
 * @param state the lifecycle state
 * @param fps delivered and discarded frames per second over a sliding window
 * @param bitrate bits per second over the same window
 * @param bytes total bytes read from the wire, all connections
 * @param totalFrames every complete frame seen, delivered or discarded
 * @param discardedFrames frames dropped because no buffer was free or the frame was too large
 * @param overruns episodes of running out of buffers
 * @param reconnects connections made after the first
 * @param bufferQueue completed buffers waiting to be dequeued
 * @param lastError the last error in plain words, or {@code null}
 * @param lastFrameTime when the last frame completed, or {@code null}
 * @param retryAt when the next connection attempt starts while in BACKOFF, else {@code null}
 */
public record SourceStats(
        String url,
        SourceState state,
        double fps,
        double bitrate,
        long bytes,
        long totalFrames,
        long discardedFrames,
        long overruns,
        long reconnects,
        int bufferQueue,
        String lastError,
        Instant lastFrameTime,
        Instant retryAt) {
}
