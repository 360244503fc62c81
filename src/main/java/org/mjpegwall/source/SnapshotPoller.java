package org.mjpegwall.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source for cameras that serve still images: one request per poll interval, one image per request
 * (a URL that streams gives its first frame per poll). It has the same pool, stats and lifecycle as an
 * {@link MjpegClient} — the same {@link SourceLoop}, with a {@link SnapshotSession}: between polls it
 * stays STREAMING (WAITING only after the poll interval plus {@code waitingAfter} without an image), a
 * poll is not a reconnect, and a failed poll backs off as a failed stream does.
 *
 * <pre>{@code
 * SnapshotPoller poller = MjpegClient.builder(URI.create("http://camera/snapshot.jpg"))
 *         .snapshotPollInterval(Duration.ofSeconds(2)).buildPoller();
 * }</pre>
 */
public final class SnapshotPoller extends LoopSource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPoller.class);

    SnapshotPoller(SourceOptions options) {
        super(new SourceLoop(options, new SnapshotSession(), LOG, "snapshot-poller"));
    }
}
