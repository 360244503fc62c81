package org.mjpegwall.source;

import java.io.IOException;
import org.mjpegwall.source.internal.HttpExchange;
import org.mjpegwall.source.internal.MultipartParser;

/**
 * What a source does with one connection, run by the shared {@link SourceLoop}: an MJPEG stream reads
 * frames until the stream ends ({@link StreamSession}); a snapshot poller reads one image
 * ({@link SnapshotSession}). A new kind of network source is a new session plus a small public class.
 */
interface Session {
    /** How a connection ended, which decides what the loop does next. */
    enum End {
        /** The stream ended: reconnect after a backoff. */
        CLOSED,
        /** A snapshot was read: poll again after the poll interval, no backoff, not a reconnect. */
        POLLED
    }

    /**
     * Runs one connection.
     *
     * @throws IOException any failure; the loop words it, backs off and reconnects
     */
    End run(Context c) throws IOException;

    /** What a session may use of its source. */
    interface Context {
        /** Makes the request (redirects and login included) and returns the accepted response. */
        HttpExchange.Response open() throws IOException;

        /** The response is accepted: the source is STREAMING; {@code snapshot} if it answers one image per request. */
        void streaming(boolean snapshot);

        /** Where frames go. */
        MultipartParser.Sink sink();

        /** The largest frame accepted. */
        int maxFrameSize();

        /** Every frame seen so far (delivered, discarded or skipped). */
        long framesSeen();

        /** True once the source is stopping. */
        boolean stopping();
    }
}
