package org.mjpegwall.ui.model;

import org.mjpegwall.util.Secrets;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;

/**
 * "Test connection" of the camera manager: a frame of the camera, or why none came, in words.
 *
 * <p>Why it looks at the wall first: many cameras (ESP32 boards, cheap webcams, ffmpeg's
 * {@code -listen 1}) serve one connection at a time. When the wall already shows the camera, a test
 * connection would be refused although the camera works, so the wall's own feed answers instead, and a
 * second connection that fails while the wall streams from the same address is explained.
 */
public final class ConnectionTest {
    public static final long TIMEOUT_MS = 8000;
    private static final long POLL_MS = 50;

    /**
     * What the test found.
     *
     * @param frame a frame of the camera, or {@code null}
     * @param error why no frame came, or {@code null}
     * @param fromWall the frame came from the wall's own connection to the camera
     */
    public record Result(Frame frame, String error, boolean fromWall) {
    }

    /** A camera on the wall: its configuration and its running feed ({@code null} when disabled). */
    public record OnWall(CameraConfig config, CameraStream source) {
    }

    private ConnectionTest() {
    }

    /**
     * Tests the camera; blocks up to {@code timeoutMs}, so run it off the UI thread.
     *
     * @param wall the cameras on the wall now
     * @param cancelled polled; a newer test or a closed dialog ends this one early
     */
    static Result run(CameraConfig camera, List<OnWall> wall, Function<CameraConfig, CameraStream> connector,
            long timeoutMs, BooleanSupplier cancelled) throws InterruptedException {
        OnWall same = wall.stream().filter(w -> w.source() != null && sameCamera(w.config(), camera)).findFirst().orElse(null);
        if (same != null) {
            Frame f = waitForFrame(same.source(), Math.min(timeoutMs, 3000), cancelled);
            if (f != null) {
                return new Result(f, null, true);
            }
        }
        Result r = connect(camera, connector, timeoutMs, cancelled);
        if (r.frame() == null && r.error() != null) {
            OnWall busy = wall.stream().filter(w -> w.source() != null && w.source().latestFrame() != null
                    && sameAddress(w.config().url(), camera.url())).findFirst().orElse(null);
            if (busy != null) {
                return new Result(null, r.error() + "\n\nThe wall is connected to this camera already (as “"
                        + busy.config().name() + "”). Many cameras (ESP32 boards, cheap webcams, ffmpeg -listen 1) serve "
                        + "one connection at a time and refuse a second one. Share the camera from the wall to let "
                        + "others watch it.", false);
            }
        }
        return r;
    }

    private static Result connect(CameraConfig c, Function<CameraConfig, CameraStream> connector, long timeoutMs,
            BooleanSupplier cancelled) throws InterruptedException {
        CameraStream source = null;
        try {
            source = connector.apply(c.withEnabled(true));
            source.start();
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (System.nanoTime() < deadline && !cancelled.getAsBoolean()) {
                Frame frame = source.latestFrame();
                if (frame != null) {
                    return new Result(frame, null, false);
                }
                SourceStats s = source.stats();
                if (s != null && s.lastError() != null
                        && (s.state() == SourceState.BACKOFF || s.state() == SourceState.STOPPED)) {
                    return new Result(null, s.lastError() + oneClientHint(s.lastError()), false);
                }
                Thread.sleep(POLL_MS);
            }
            return new Result(null, cancelled.getAsBoolean() ? "Cancelled." : "No frame within " + timeoutMs / 1000 + " s.", false);
        } catch (RuntimeException e) {
            return new Result(null, Secrets.redact(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), c.url()), false);
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private static Frame waitForFrame(CameraStream source, long timeoutMs, BooleanSupplier cancelled)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!cancelled.getAsBoolean()) {
            Frame f = source.latestFrame();
            if (f != null || System.nanoTime() >= deadline) {
                return f;
            }
            Thread.sleep(POLL_MS);
        }
        return null;
    }

    /** A refused or cut connection may be a one-client camera busy with another viewer: say so. */
    private static String oneClientHint(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("refused") || e.contains("reset") || e.contains("closed")
                ? " (If another program is watching this camera, it may serve one connection at a time.)" : "";
    }

    /** The same camera as configured: address and credentials, so a frame from the wall proves the form. */
    static boolean sameCamera(CameraConfig a, CameraConfig b) {
        return a.url().equals(b.url()) && Objects.equals(a.user(), b.user()) && Objects.equals(a.password(), b.password())
                && Objects.equals(a.snapshotPollSeconds(), b.snapshotPollSeconds());
    }

    /** The same host and port: another path of a one-client camera is refused all the same. */
    static boolean sameAddress(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
