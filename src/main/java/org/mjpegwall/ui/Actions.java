package org.mjpegwall.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingStatus;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tile actions of one wall window: snapshot, record, share and focus. Recording and relaying
 * take every frame on the camera's own thread, so they never depend on the FX thread.
 */
final class Actions {
    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    private final WallWindow wall;
    // Touched only on the FX thread.
    private final Map<CameraModel, Recording> recordings = new HashMap<>();
    private final Map<CameraModel, Share> shares = new HashMap<>();
    /** Recordings being started in the background, by a token each; a stop or a newer start voids the token. */
    private final Map<CameraModel, Object> starting = new HashMap<>();
    private MjpegServer server;

    private record Recording(Recorder recorder, AutoCloseable subscription) {
    }

    private record Share(String id, AutoCloseable subscription) {
    }

    Actions(WallWindow wall) {
        this.wall = wall;
    }

    void run(Tile.Action action, CameraModel camera) {
        switch (action) {
            case SNAPSHOT -> wall.snapshot(camera);
            case RECORD -> toggleRecording(camera);
            case SHARE -> toggleSharing(camera);
            case FOCUS -> wall.model().focus(camera);
            default -> throw new IllegalArgumentException(String.valueOf(action));
        }
    }

    boolean recordAvailable() {
        return true;
    }

    // ---- recording ----

    boolean recording(CameraModel camera) {
        return recordings.containsKey(camera);
    }

    private void toggleRecording(CameraModel camera) {
        if (recordings.containsKey(camera) || starting.containsKey(camera)) {
            stopRecording(camera);
            return;
        }
        FrameSource source = camera.source();
        if (source == null) {
            wall.notify(camera.config().name() + " is disabled: nothing to record.", true);
            return;
        }
        Path folder = wall.recordingsFolder();
        String name = camera.config().name();
        Object token = new Object();
        starting.put(camera, token);
        camera.recordingProperty().set(true);
        camera.recordingTextProperty().set("REC 0:00");
        wall.background(() -> {
            try {
                java.nio.file.Files.createDirectories(folder);
                Recorder recorder = Recorder.start(RecordingOptions.forCamera(folder, name));
                AutoCloseable sub = source.subscribe(recorder::accept);
                Platform.runLater(() -> {
                    // Stopped (or stopped and started again, or the camera removed) while this one started:
                    // finish its file at once rather than leave a second recorder running unseen.
                    if (!starting.remove(camera, token) || wall.isClosed()) {
                        close(sub);
                        recorder.stopAsync();
                        return;
                    }
                    recordings.put(camera, new Recording(recorder, sub));
                    wall.notify("Recording " + name + " to " + folder, false);
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot record {}: {}", name, e.getMessage());
                Platform.runLater(() -> {
                    if (starting.remove(camera, token)) {
                        camera.recordingProperty().set(false);
                    }
                    wall.notify("Could not start recording " + name + ": " + e.getMessage(), true);
                });
            }
        });
    }

    void stopRecording(CameraModel camera) {
        stopRecordingAsync(camera);
    }

    private java.util.concurrent.CompletableFuture<?> stopRecordingAsync(CameraModel camera) {
        camera.recordingProperty().set(false);
        starting.remove(camera);
        Recording r = recordings.remove(camera);
        if (r == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        close(r.subscription());
        return r.recorder().stopAsync().thenAccept(status -> Platform.runLater(() -> {
            if (status.lastError() != null) {
                wall.notify("Recording of " + camera.config().name() + " stopped: " + status.lastError(), true);
            } else if (status.currentFile() != null && !wall.isClosed()) {
                wall.notify("Recording saved: " + status.currentFile(), false);
            }
        }));
    }

    /** Updates the recording indicators; called a few times a second on the FX thread. */
    void refresh() {
        for (var e : Map.copyOf(recordings).entrySet()) {
            RecordingStatus s = e.getKey() == null ? null : e.getValue().recorder().status();
            if (s == null) {
                continue;
            }
            if (s.state() == RecordingStatus.State.FAILED) {
                // Stopping reports the error once ("Recording of X ended: disk full: …"); no second message here.
                stopRecording(e.getKey());
            } else {
                e.getKey().recordingTextProperty().set("REC " + elapsed(s.elapsed()));
            }
        }
    }

    static String elapsed(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    // ---- sharing ----

    private void toggleSharing(CameraModel camera) {
        if (shares.containsKey(camera)) {
            stopSharing(camera);
            wall.notify("Stopped sharing " + camera.config().name() + ".", false);
            return;
        }
        FrameSource source = camera.source();
        if (source == null) {
            wall.notify(camera.config().name() + " is disabled: nothing to share.", true);
            return;
        }
        try {
            if (server == null) {
                ShareConfig cfg = wall.config().share();
                MjpegServer s = MjpegServer.builder()
                        .bind(cfg.expose() ? "0.0.0.0" : "127.0.0.1")
                        .port(cfg.port())
                        .password(cfg.expose() ? cfg.password() : null)
                        .title("MJPEG Wall")
                        .build();
                // Binding a local port is quick and never waits for a camera.
                s.start();
                server = s;
            }
            FrameHub hub = new FrameHub();
            String id = camera.id().replaceAll("[^A-Za-z0-9_-]", "-");
            if (id.length() > 64) {
                id = id.substring(0, 64);
            }
            server.addCamera(id, camera.config().name(), hub);
            AutoCloseable sub = source.subscribe(hub::publish);
            shares.put(camera, new Share(id, sub));
            URI uri = server.streamUri(id);
            camera.shareUrlProperty().set(uri.toString());
            ShareDialog.show(wall, camera.config().name(), uri.toString(), wall.config().share().expose());
        } catch (IOException | IllegalArgumentException e) {
            wall.notify("Could not share " + camera.config().name() + ": " + e.getMessage(), true);
            if (shares.isEmpty()) {
                closeServer();
            }
        }
    }

    void stopSharing(CameraModel camera) {
        Share s = shares.remove(camera);
        camera.shareUrlProperty().set(null);
        if (s == null) {
            return;
        }
        close(s.subscription());
        if (server != null) {
            server.removeCamera(s.id());
            if (shares.isEmpty()) {
                closeServer();
            }
        }
    }

    /** Stops every share so the next one uses new settings. */
    void stopAllSharing() {
        for (CameraModel c : Map.copyOf(shares).keySet()) {
            stopSharing(c);
        }
    }

    private void closeServer() {
        MjpegServer s = server;
        server = null;
        if (s != null) {
            wall.background(s::close); // closing waits for viewer threads
        }
    }

    /** Stops every recording and share; the result completes when the recordings' files are finished. */
    java.util.concurrent.CompletableFuture<Void> close() {
        List<java.util.concurrent.CompletableFuture<?>> stops = new java.util.ArrayList<>();
        for (CameraModel c : Map.copyOf(recordings).keySet()) {
            stops.add(stopRecordingAsync(c));
        }
        stopAllSharing();
        return java.util.concurrent.CompletableFuture.allOf(stops.toArray(new java.util.concurrent.CompletableFuture<?>[0]));
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe", e);
        }
    }
}
