package org.mjpegwall.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one running server's requests: {@code /}, {@code /status}, {@code /camera/{id}/stream.mjpg} and
 * {@code /camera/{id}/snapshot.jpg}; every other path is a 404, every method but GET and HEAD a 405.
 */
final class RequestRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);
    private static final Pattern CAMERA_PATH = Pattern.compile("/camera/([A-Za-z0-9_-]{1,64})/(stream\\.mjpg|snapshot\\.jpg)");

    private final String title;
    private final CameraDirectory cameras;
    private final BooleanSupplier open;
    private final Supplier<ServerStatus> status;
    private final ViewerStreams streams;
    private final ConnectionGuard guard;
    private final Responses responses;

    /** @param open whether the server is still open: every stream ends when this turns false */
    RequestRouter(String title, CameraDirectory cameras, BooleanSupplier open, Supplier<ServerStatus> status,
            ViewerStreams streams, ConnectionGuard guard) {
        this.title = title;
        this.cameras = cameras;
        this.open = open;
        this.status = status;
        this.streams = streams;
        this.guard = guard;
        this.responses = new Responses(guard);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                responses.text(ex, 405, "Only GET and HEAD are supported.");
                return;
            }
            // Why the raw path: a decoded path would turn %2e%2e into "..", and matching exact patterns on the raw
            // form leaves no room for traversal tricks.
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/")) {
                Responses.noCache(ex);
                responses.body(ex, 200, "text/html; charset=utf-8",
                        IndexPage.render(title, cameras.all()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/status")) {
                Responses.noCache(ex);
                responses.body(ex, 200, "application/json", StatusJson.write(status.get()));
                return;
            }
            Matcher m = CAMERA_PATH.matcher(path);
            ServedCamera cam = m.matches() ? cameras.get(m.group(1)) : null;
            if (cam == null) {
                responses.text(ex, 404, "Not found. Cameras are under /camera/{id}/stream.mjpg and "
                        + "/camera/{id}/snapshot.jpg; see /.");
                return;
            }
            if (m.group(2).equals("snapshot.jpg")) {
                sendSnapshot(ex, cam);
            } else {
                streams.serve(ex, cam, this::served, responses, guard);
            }
        } catch (IOException ex2) {
            // Why rethrow: when a viewer leaves mid-frame, the JDK's chunked stream cannot finish, and closing the
            // exchange then only closes the socket; the server forgets the connection only when the handler throws.
            // Swallowing this kept one HttpConnection per departed viewer for ever (see docs/server.md).
            LOG.debug("connection ended: {}", ex2.toString());
            throw ex2;
        } catch (RuntimeException ex2) {
            LOG.warn("request failed", ex2);
            throw ex2;
        }
    }

    /** A stream goes on while the server is open and still serves this very camera (not one re-added under its id). */
    private boolean served(ServedCamera cam) {
        return open.getAsBoolean() && cameras.get(cam.id()) == cam;
    }

    private void sendSnapshot(HttpExchange ex, ServedCamera cam) throws IOException {
        cam.hub().snapshotRequested();
        Frame f = cam.hub().latest();
        if (f == null) {
            ex.getResponseHeaders().set("Retry-After", "1");
            responses.text(ex, 503, "Camera " + cam.id() + " has no frame yet. Try again in a moment.");
            return;
        }
        Responses.noCache(ex);
        responses.body(ex, 200, "image/jpeg", f.jpeg());
    }
}
