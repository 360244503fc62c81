package org.mjpegwall.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The endless MJPEG streams of one server: the viewer cap, and each viewer's loop that sends the hub's newest frame
 * at the viewer's own pace. A blocked write stalls only its own viewer's thread (and the guard cuts it in time).
 */
final class ViewerStreams {
    /** Waits are sliced so a closing server or a removed camera is noticed within this. */
    private static final long WAIT_SLICE_MS = 250;

    private final int maxViewers;
    private final long minIntervalNanos;
    private final long resendNanos;
    private final AtomicInteger streams = new AtomicInteger();

    /**
     * @param maxFpsPerViewer 0 for no cap
     * @param resendNanos while the camera is silent, the last frame goes again after this long
     */
    ViewerStreams(int maxViewers, double maxFpsPerViewer, long resendNanos) {
        this.maxViewers = maxViewers;
        this.minIntervalNanos = maxFpsPerViewer > 0 ? (long) (1e9 / maxFpsPerViewer) : 0;
        this.resendNanos = resendNanos;
    }

    /** Stream viewers connected now, all cameras. */
    int viewers() {
        return streams.get();
    }

    int maxViewers() {
        return maxViewers;
    }

    /**
     * Streams {@code cam} to the viewer until it leaves, the camera is no longer served or the server closes.
     *
     * @param served whether a camera is still served (false once removed, or once the server closes)
     */
    void serve(HttpExchange ex, ServedCamera cam, Predicate<ServedCamera> served, Responses responses,
            ConnectionGuard guard) throws IOException {
        if (streams.incrementAndGet() > maxViewers) {
            streams.decrementAndGet();
            ex.getResponseHeaders().set("Retry-After", "10");
            responses.text(ex, 503, "Too many viewers: this server serves at most " + maxViewers
                    + " streams at once. Try again later.");
            return;
        }
        try (FrameHub.Viewer viewer = cam.hub().attach(Responses.remote(ex))) {
            Responses.noCache(ex);
            ex.getResponseHeaders().set("Content-Type", Multipart.CONTENT_TYPE);
            // An endless stream never leaves its connection reusable; saying so lets the JDK forget the connection
            // however the stream ends (see ConnectionGuard.write).
            ex.getResponseHeaders().set("Connection", "close");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, 0);
            stream(ex.getResponseBody(), cam, served, viewer, guard);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private void stream(OutputStream out, ServedCamera cam, Predicate<ServedCamera> served, FrameHub.Viewer viewer,
            ConnectionGuard guard) throws IOException, InterruptedException {
        StreamPacer pacer = new StreamPacer(minIntervalNanos, resendNanos, System.nanoTime());
        FrameHub.Entry previous = null;
        while (served.test(cam)) {
            long wait = pacer.waitNanos(System.nanoTime());
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MS)));
                continue;
            }
            FrameHub.Entry e = cam.hub().awaitNewerEntry(previous == null ? null : previous.frame(), WAIT_SLICE_MS,
                    TimeUnit.MILLISECONDS);
            if (e == null) {
                // Why resend: while the camera is silent nothing is written, so a viewer that left would hold its
                // slot (and a lazy relay's upstream) forever; repeating the last frame finds out.
                if (previous == null || !pacer.resendDue(System.nanoTime())) {
                    continue;
                }
                e = previous;
            }
            try (ConnectionGuard.Write w = guard.write()) {
                Multipart.writePart(out, e.partHeader(), e.frame().jpeg());
            }
            viewer.delivered();
            previous = e;
            pacer.sent(System.nanoTime());
        }
    }
}
