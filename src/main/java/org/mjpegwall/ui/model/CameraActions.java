package org.mjpegwall.ui.model;

import org.mjpegwall.util.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.RecordingStatus;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tile actions of the wall, all in one place: snapshot, record, share and focus. Recording and
 * relaying take every frame on the camera's own thread, so they never depend on the UI thread; files
 * are written in the background ({@link TaskExecutor}) and reported through the {@link DialogService}.
 *
 * <p>Which cameras record and which are shared is part of the configuration (by camera id): quitting,
 * a restart or editing a camera stops the work but keeps the wish, and {@link #resume} starts it again.
 * Only the user's own stop, a failure, or removing the camera drops it.
 */
final class CameraActions {
    private static final Logger LOG = LoggerFactory.getLogger(CameraActions.class);

    private final WallController wall;
    private final WallModel model;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final TimeSource time;
    // Touched only on the UI thread.
    private final Map<CameraModel, Recording> recordings = new HashMap<>();
    private final Map<CameraModel, Share> shares = new HashMap<>();
    /** Recordings being started in the background, by a token each; a stop or a newer start voids the token. */
    private final Map<CameraModel, Object> starting = new HashMap<>();
    /** Ids of the cameras set to record / to be shared, in the order they were set. */
    private final Set<String> recordWish = new LinkedHashSet<>();
    private final Set<String> shareWish = new LinkedHashSet<>();
    private MjpegServer server;
    /** The wall's recordings: one registry for all its recorders, so same-named cameras never share a file. */
    private final RecordingRegistry recorders = new RecordingRegistry();

    /** The registry every recorder of the wall shares (the mode recordings' too). */
    RecordingRegistry registry() {
        return recorders;
    }

    private record Recording(Recorder recorder, AutoCloseable subscription) {
    }

    private record Share(String slug, AutoCloseable subscription) {
    }

    CameraActions(WallController wall, TaskExecutor tasks, DialogService dialogs, TimeSource time,
            List<String> recording, List<String> sharing) {
        this.wall = wall;
        this.model = wall.model();
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.time = time;
        recordWish.addAll(recording);
        shareWish.addAll(sharing);
    }

    void run(TileAction action, CameraModel camera) {
        switch (action) {
            case SNAPSHOT -> snapshot(camera);
            case RECORD -> toggleRecording(camera);
            case SHARE -> toggleSharing(camera);
            case FOCUS -> model.focus(camera);
            default -> throw new IllegalArgumentException(String.valueOf(action));
        }
    }

    // ---- snapshot ----

    /** Saves the camera's newest frame: its exact bytes, written in the background. */
    void snapshot(CameraModel camera) {
        CameraStream s = camera.source();
        Frame frame = s == null ? null : s.latestFrame();
        if (frame == null) {
            dialogs.notify("No frame from " + camera.config().name() + " yet: nothing to save.", true);
            return;
        }
        Path folder = wall.picturesFolder();
        String name = camera.config().name();
        LocalDateTime now = LocalDateTime.ofInstant(time.instant(), time.zone());
        wall.background(() -> {
            try {
                Path file = SnapshotWriter.write(frame, folder, name, now);
                LOG.info("snapshot of {} saved to {}", name, file);
                tasks.runOnUiThread(() -> dialogs.notifySaved("Snapshot of " + name + " saved:", file));
            } catch (IOException e) {
                tasks.runOnUiThread(() -> dialogs.notify(e.getMessage(), true));
            }
        });
    }

    boolean recordAvailable() {
        return true;
    }

    /** Ids of the cameras set to record, for the configuration. */
    List<String> recordWish() {
        return List.copyOf(recordWish);
    }

    /** Ids of the cameras set to be shared, for the configuration. */
    List<String> shareWish() {
        return List.copyOf(shareWish);
    }

    /** Names of the cameras recording now. */
    List<String> recordingNames() {
        return namesOf(model.cameras().stream().filter(c -> recordings.containsKey(c) || starting.containsKey(c)).toList());
    }

    /** Names of the cameras shared now. */
    List<String> sharedNames() {
        return namesOf(model.cameras().stream().filter(shares::containsKey).toList());
    }

    private static List<String> namesOf(List<CameraModel> cameras) {
        return cameras.stream().map(c -> c.config().name()).toList();
    }

    /**
     * Starts the recordings and shares the configuration asks for that are not running (at start, and
     * after cameras were edited), forgets wishes for cameras that are gone, and says what it resumed.
     */
    void resume(List<CameraModel> cameras, boolean announce) {
        Set<String> present = new HashSet<>();
        cameras.forEach(c -> present.add(c.id()));
        recordWish.retainAll(present);
        shareWish.retainAll(present);
        List<String> recorded = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (CameraModel c : cameras) {
            if (c.source() == null) {
                continue;
            }
            if (recordWish.contains(c.id()) && !recordings.containsKey(c) && !starting.containsKey(c)) {
                startRecording(c, !announce);
                recorded.add(c.config().name());
            }
            if (shareWish.contains(c.id()) && !shares.containsKey(c) && share(c, false)) {
                shared.add(c.config().name() + " at " + c.shareUrlProperty().get());
            }
        }
        if (announce && !recorded.isEmpty()) {
            dialogs.notifyFolder("Recording again: " + QuitGuard.names(recorded)
                    + " (set to record when the wall last ran). Files go to", wall.recordingsFolder());
        }
        if (announce && !shared.isEmpty()) {
            dialogs.notify("Shared again: " + String.join("; ", shared) + ".", false);
        }
    }

    // ---- recording ----

    boolean recording(CameraModel camera) {
        return recordings.containsKey(camera);
    }

    private void toggleRecording(CameraModel camera) {
        if (recordings.containsKey(camera) || starting.containsKey(camera)) {
            recordWish.remove(camera.id());
            stopRecording(camera);
            wall.save();
            return;
        }
        if (camera.source() == null) {
            dialogs.notify(camera.config().name() + " is disabled: nothing to record.", true);
            return;
        }
        recordWish.add(camera.id());
        startRecording(camera, true);
        wall.save();
    }

    /** @param announce say where the file goes (not when a resumed recording was announced already) */
    private void startRecording(CameraModel camera, boolean announce) {
        CameraStream source = camera.source();
        Path folder = wall.recordingsFolder();
        String name = camera.config().name();
        Object token = new Object();
        starting.put(camera, token);
        camera.recordingProperty().set(true);
        camera.recordingTextProperty().set("REC 0:00");
        wall.background(() -> {
            try {
                java.nio.file.Files.createDirectories(folder);
                Recorder recorder = Recorder.start(RecordingOptions.forCamera(folder, name), recorders);
                AutoCloseable sub = source.subscribe(recorder::accept);
                tasks.runOnUiThread(() -> {
                    // Stopped (or stopped and started again, or the camera removed) while this one started:
                    // finish its file at once rather than leave a second recorder running unseen.
                    if (!starting.remove(camera, token) || wall.isClosed()) {
                        close(sub);
                        recorder.stopAsync();
                        return;
                    }
                    recordings.put(camera, new Recording(recorder, sub));
                    if (announce) {
                        dialogs.notifyFolder("Recording " + name + " to", folder);
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot record {}: {}", name, e.getMessage());
                tasks.runOnUiThread(() -> {
                    if (starting.remove(camera, token)) {
                        camera.recordingProperty().set(false);
                        recordWish.remove(camera.id());
                        wall.save();
                    }
                    dialogs.notify("Could not start recording " + name + ": " + e.getMessage(), true);
                });
            }
        });
    }

    /** Stops recording the camera; the configuration still asks for it (see {@link #resume}). */
    void stopRecording(CameraModel camera) {
        camera.recordingProperty().set(false);
        starting.remove(camera);
        Recording r = recordings.remove(camera);
        if (r == null) {
            return;
        }
        close(r.subscription());
        r.recorder().stopAsync().thenAccept(status -> tasks.runOnUiThread(() -> {
            if (status.lastError() != null) {
                dialogs.notify("Recording of " + camera.config().name() + " stopped: " + status.lastError(), true);
            } else if (status.currentFile() != null && !wall.isClosed()) {
                dialogs.notifySaved("Recording of " + camera.config().name() + " saved:", status.currentFile());
            }
        }));
    }

    /** Updates the recording indicators; called a few times a second on the UI thread. */
    void refresh() {
        for (var e : Map.copyOf(recordings).entrySet()) {
            RecordingStatus s = e.getValue().recorder().status();
            if (s == null) {
                continue;
            }
            if (s.state() == RecordingStatus.State.FAILED) {
                // Stopping reports the error once ("Recording of X stopped: disk full: …"); no second message here.
                recordWish.remove(e.getKey().id());
                stopRecording(e.getKey());
                wall.save();
            } else {
                e.getKey().recordingTextProperty().set("REC " + elapsed(s.elapsed()));
            }
        }
    }

    /** "0:42", "12:05", "1:02:03". */
    static String elapsed(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    // ---- sharing ----

    private void toggleSharing(CameraModel camera) {
        if (shares.containsKey(camera)) {
            shareWish.remove(camera.id());
            stopSharing(camera);
            wall.save();
            dialogs.notify("Stopped sharing " + camera.config().name() + ".", false);
            return;
        }
        if (camera.source() == null) {
            dialogs.notify(camera.config().name() + " is disabled: nothing to share.", true);
            return;
        }
        if (share(camera, true)) {
            shareWish.add(camera.id());
            wall.save();
        }
    }

    /** Serves the camera under a path made from its name; true when it is shared now. */
    private boolean share(CameraModel camera, boolean showAddress) {
        ShareConfig cfg = wall.config().share();
        try {
            if (server == null) {
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
            Set<String> taken = new HashSet<>();
            shares.values().forEach(s -> taken.add(s.slug()));
            String slug = ShareAddress.slug(camera.config().name(), taken);
            FrameHub hub = new FrameHub();
            server.addCamera(slug, camera.config().name(), hub);
            AutoCloseable sub = camera.source().subscribe(hub::publish);
            shares.put(camera, new Share(slug, sub));
            URI local = server.streamUri(slug);
            String url = ShareAddress.forViewers(local, cfg.expose(), cfg.expose() ? ShareAddress.networkAddress() : null);
            camera.shareUrlProperty().set(url);
            if (showAddress) {
                dialogs.showShared(camera.config().name(), url, cfg.expose());
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            String why = e.getMessage();
            if (cfg.port() != 0 && why != null && why.contains("in use")) {
                why = "port " + cfg.port() + " is in use by another program. Choose another port in Camera ▸ Share settings….";
            }
            dialogs.notify("Could not share " + camera.config().name() + ": " + why, true);
            if (shares.isEmpty()) {
                closeServer();
            }
            return false;
        }
    }

    /** Stops sharing the camera; the configuration still asks for it (see {@link #resume}). */
    void stopSharing(CameraModel camera) {
        Share s = shares.remove(camera);
        camera.shareUrlProperty().set(null);
        if (s == null) {
            return;
        }
        close(s.subscription());
        if (server != null) {
            server.removeCamera(s.slug());
            if (shares.isEmpty()) {
                closeServer();
            }
        }
    }

    /** New share settings: running shares move to them (same paths, the new port and access). */
    void restartSharing() {
        List<CameraModel> shared = List.copyOf(shares.keySet());
        shared.forEach(this::stopSharing); // the last one closes the server on the I/O thread
        // Queued behind that close, so the old server has let go of its port before the new one binds it.
        wall.background(() -> tasks.runOnUiThread(() -> {
            if (!wall.isClosed()) {
                shared.stream().filter(c -> model.cameras().contains(c)).forEach(c -> share(c, false));
            }
        }));
    }

    private void closeServer() {
        MjpegServer s = server;
        server = null;
        if (s != null) {
            wall.background(s::close); // closing waits for viewer threads
        }
    }

    /** Forgets what the configuration asks of a camera that was removed. */
    void forget(CameraModel camera) {
        recordWish.remove(camera.id());
        shareWish.remove(camera.id());
    }

    /** Stops every recording and share; the wall's stop waits for the files through {@link #registry()}. */
    void close() {
        for (CameraModel c : Map.copyOf(recordings).keySet()) {
            stopRecording(c);
        }
        for (CameraModel c : List.copyOf(shares.keySet())) {
            stopSharing(c);
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe", e);
        }
    }
}
