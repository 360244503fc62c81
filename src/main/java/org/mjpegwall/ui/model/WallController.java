package org.mjpegwall.ui.model;

import org.mjpegwall.util.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigException;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.RetentionConfig;
import org.mjpegwall.config.SecondWindowConfig;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.motion.AnalysisScheduler;
import org.mjpegwall.record.OnMotionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the wall does: which cameras run (start, edit, stop), the page, selection and focus
 * (in its {@link WallModel}), the tile actions, the settings flows (folders, import and export, share
 * settings), saving and shutdown. It knows no controls: the window lays out and forwards input, file
 * choosers and messages go through a {@link DialogService}, and file and network work through a
 * {@link TaskExecutor}, so every flow here is a plain unit test.
 *
 * <p>Threads: every method is called on the UI thread; blocking work goes to the background executor
 * and its results come back with {@link TaskExecutor#runOnUiThread}.
 */
public final class WallController {
    private static final Logger LOG = LoggerFactory.getLogger(WallController.class);

    private final WallSession session;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final WallModel model = new WallModel();
    private final CameraActions actions;
    private final ConfigTransfer transfer;
    private final MotionWatch motion;
    private final MotionAlerts alerts;
    private final ModeRecordings modes;
    private final WallRetention retention;
    private final WallShutdown stopping;
    private final ReadOnlyBooleanWrapper demoMode = new ReadOnlyBooleanWrapper(this, "demoMode");
    private final ReadOnlyIntegerWrapper autoCycleSeconds = new ReadOnlyIntegerWrapper(this, "autoCycleSeconds");
    private WallConfig config;
    private boolean closed;

    /** Opens the session's cameras ({@link #start()} resumes their recording, sharing); {@code motionScheduler} may be null. */
    public WallController(WallSession session, TaskExecutor tasks, DialogService dialogs, TimeSource time,
            AnalysisScheduler motionScheduler) {
        this.session = Objects.requireNonNull(session, "session");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.config = session.config();
        this.actions = new CameraActions(this, tasks, dialogs, Objects.requireNonNull(time, "time"),
                config.recording(), config.sharing());
        this.transfer = new ConfigTransfer(tasks, dialogs, session.store(), this::currentConfig, this::background, in -> {
            config = in.withWindow(config.window()).withRetention(config.retention()); // deletes here: not imported
            showViewChoices(config);
            applyCameras(in.cameras());
        });
        // The event log is kept when the wall keeps its configuration (not with --demo N, which leaves no trace).
        motion = new MotionWatch(motionScheduler, tasks,
                session.persist() ? recordingsFolder().resolve("events") : null, m -> dialogs.notify(m, true));
        alerts = new MotionAlerts(model, time, motion, config.spotlight());
        modes = new ModeRecordings(actions.registry(), this::recordingsFolder, motion::addAnalysisListener, tasks,
                m -> dialogs.notify(m, true), OnMotionOptions.DEFAULTS);
        retention = new WallRetention(session.persist(), actions.registry(), this::recordingsFolder, motion, tasks,
                motion.scheduler(), time, m -> dialogs.notify(m, true)); // --demo N leaves no trace, takes none away
        stopping = new WallShutdown(tasks, time, actions, modes, retention, motion);
        showViewChoices(config);
        demoMode.set(!session.demoCameras().isEmpty());
        for (CameraConfig c : demoMode.get() ? session.demoCameras() : config.cameras()) {
            model.cameras().add(open(c, demoMode.get()));
        }
        if (!model.cameras().isEmpty()) {
            model.selectedProperty().set(0);
            model.showPage(config.page());
        }
        model.showStatsProperty().addListener(o -> {
            config = config.withShowStats(model.showStatsProperty().get());
            save();
        });
        model.columnsProperty().addListener(o -> {
            int c = model.columnsProperty().get();
            config = config.withColumns(c == 0 ? null : c);
            save();
        });
    }

    private void showViewChoices(WallConfig c) {
        model.tilesPerPageProperty().set(c.tilesPerPage());
        model.columnsProperty().set(c.columns() == null ? 0 : c.columns());
        model.showStatsProperty().set(c.showStats());
        autoCycleSeconds.set(c.autoCycleSeconds());
    }

    /** Starts again what the configuration records and shares, and says so. Once, when the window shows. */
    public void start() {
        actions.resume(List.copyOf(model.cameras()), true);
        retention.start(config.retention());
    }

    public WallModel model() {
        return model;
    }

    /** The configuration as last saved or changed. */
    public WallConfig config() {
        return config;
    }

    public WallSession session() {
        return session;
    }

    /** True while the built-in demo cameras are shown (their hint goes once a real camera is added). */
    public ReadOnlyBooleanProperty demoModeProperty() {
        return demoMode.getReadOnlyProperty();
    }

    /** Seconds between automatic page switches, 0 for never; the window runs the timer. */
    public ReadOnlyIntegerProperty autoCycleSecondsProperty() {
        return autoCycleSeconds.getReadOnlyProperty();
    }

    // ---- cameras ----

    private CameraModel open(CameraConfig c, boolean demo) {
        CameraModel camera = CameraModel.open(c, session.connector(), demo);
        motion.start(camera); // from its stream, whether or not its tile is ever shown
        modes.start(camera); // so is recording by the camera's mode
        return camera;
    }

    private void stop(CameraModel camera) {
        modes.stop(camera);
        motion.stop(camera);
        actions.stopSharing(camera);
        actions.stopRecording(camera);
        CameraStream s = camera.source();
        if (s != null) {
            tasks.runInBackground(s::close); // closing joins the client's thread: never on the UI thread
        }
    }

    /** The configured cameras (demo cameras included in demo mode), in tile order. */
    public List<CameraConfig> cameraConfigs() {
        return model.cameras().stream().map(CameraModel::config).toList();
    }

    /**
     * Replaces the camera list (from the manager, a menu or an import): unchanged cameras keep running,
     * changed ones reconnect, removed ones stop. Saved at once.
     */
    public void applyCameras(List<CameraConfig> configs) {
        Map<String, CameraModel> current = new HashMap<>();
        for (CameraModel m : model.cameras()) {
            current.put(m.id(), m);
        }
        boolean dropDemos = demoMode.get() && session.persist() && configs.stream().anyMatch(c -> !isDemo(c));
        List<CameraModel> next = new ArrayList<>();
        for (CameraConfig c : configs) {
            if (dropDemos && isDemo(c)) {
                continue;
            }
            CameraModel old = current.get(c.id());
            if (old != null && old.config().equals(c)) {
                next.add(old);
                current.remove(c.id());
            } else if (old != null && old.config().sameConnection(c)) {
                old.motionEdited(c); // motion settings only: the stream stays, the analyser takes them
                motion.update(old);
                modes.start(old); // a new mode replaces the old one's recording
                next.add(old);
                current.remove(c.id());
            } else {
                next.add(open(c, isDemo(c)));
            }
        }
        for (CameraModel gone : current.values()) {
            if (configs.stream().noneMatch(c -> c.id().equals(gone.id()))) {
                actions.forget(gone); // removed, not just edited
            }
            stop(gone);
        }
        if (dropDemos) {
            demoMode.set(false);
        }
        model.cameras().setAll(next);
        model.clamp();
        if (model.selectedProperty().get() < 0 && !next.isEmpty()) {
            model.selectedProperty().set(0);
        }
        actions.resume(next, false); // an edited camera that recorded or was shared goes on doing so
        save();
    }

    private boolean isDemo(CameraConfig c) {
        return session.demoCameras().stream().anyMatch(d -> d.id().equals(c.id()));
    }

    /** Disables an enabled camera (its connection stops) or enables a disabled one. */
    public void toggleEnabled(CameraModel camera) {
        applyCameras(cameraConfigs().stream()
                .map(c -> c.id().equals(camera.id()) ? c.withEnabled(!c.enabled()) : c).toList());
    }

    /** Moves a camera to another place in the wall and saves the new order. */
    public void moveCamera(CameraModel camera, int toIndex) {
        model.move(camera, toIndex);
        save();
    }

    /** The camera manager's view model, over this wall's cameras. */
    public CameraManagerModel cameraManager() {
        return new CameraManagerModel(this::cameraConfigs, this::applyCameras,
                () -> model.cameras().stream().map(m -> new ConnectionTest.OnWall(m.config(), m.source())).toList(),
                session.connector());
    }

    // ---- actions, paging ----

    /** The camera keys and the Camera menu act on: the focused camera, else the selected one, or {@code null}. */
    public CameraModel current() {
        return model.focusedProperty().get() != null ? model.focusedProperty().get() : model.selectedCamera();
    }

    /** Runs a tile action (snapshot, record, share, focus) on a camera. */
    public void run(TileAction action, CameraModel camera) {
        actions.run(action, camera);
    }

    /** Runs a tile action on the {@link #current()} camera, if any. */
    public void runOnCurrent(TileAction action) {
        CameraModel c = current();
        if (c != null) {
            actions.run(action, c);
        }
    }

    /** Whether recording is possible at all (the record button is disabled otherwise, never faked). */
    public boolean recordAvailable() {
        return actions.recordAvailable();
    }

    /** Updates the recording indicators and the spotlight (a few times a second, from the window's timer). */
    public void refreshIndicators() {
        actions.refresh();
        modes.refresh();
        alerts.tick();
    }

    /** Motion detection on the wall's cameras: the analysers, the event list, the event log. */
    public MotionWatch motion() {
        return motion;
    }

    /** Spotlight on or off (remembered): a camera where motion starts is shown large for a while. */
    public void setSpotlight(boolean on) {
        alerts.setSpotlight(on);
        config = config.withSpotlight(on);
        save();
    }

    /** What plays (on the UI thread) when an event starts on a camera set to sound. */
    public void setMotionSound(Runnable sound) {
        alerts.setSound(Objects.requireNonNull(sound, "sound"));
    }

    public void setTilesPerPage(int n) {
        model.tilesPerPageProperty().set(n);
        config = config.withTilesPerPage(n);
        save();
    }

    /** Switches pages every N seconds (0: never), remembered. */
    public void setAutoCycle(int seconds) {
        config = config.withAutoCycleSeconds(seconds);
        autoCycleSeconds.set(seconds);
        save();
    }

    /** One tick of the page cycle: the next page, unless there is one page only or a camera is focused. */
    public void cycleTick() {
        if (model.pageCount() > 1 && model.focusedProperty().get() == null) {
            model.nextPage();
        }
    }

    // ---- settings flows ----

    public Path recordingsFolder() {
        return config.recordingsFolder() == null
                ? Path.of(System.getProperty("user.home"), "Videos", "MJPEG Wall")
                : Path.of(config.recordingsFolder());
    }

    public Path picturesFolder() {
        return config.picturesFolder() == null ? SnapshotWriter.defaultFolder() : Path.of(config.picturesFolder());
    }

    /** Opens a folder in the file manager (or says why it cannot). */
    public void openFolder(Path folder) {
        dialogs.openFolder(folder);
    }

    public void chooseRecordingsFolder() {
        dialogs.chooseFolder("Folder for recordings", recordingsFolder()).ifPresent(dir -> {
            config = config.withRecordingsFolder(dir.toAbsolutePath().toString());
            save();
            motion.eventsFolderChanged(recordingsFolder().resolve("events"));
            dialogs.notifyFolder("Recordings now go to", dir);
        });
    }

    public void choosePicturesFolder() {
        dialogs.chooseFolder("Folder for snapshots", picturesFolder()).ifPresent(dir -> {
            config = config.withPicturesFolder(dir.toAbsolutePath().toString());
            save();
            dialogs.notifyFolder("Snapshots now go to", dir);
        });
    }

    /** How long recordings and events are kept: saved, and applied at once (then every 10 minutes). */
    public void setRetention(RetentionConfig value) {
        config = config.withRetention(value);
        save();
        retention.apply(value);
    }

    /** The retention of recordings and events (the settings dialog measures the folder through it). */
    public WallRetention retention() {
        return retention;
    }

    /** Export and import of the configuration (file choosers, checks, messages). */
    public ConfigTransfer transfer() {
        return transfer;
    }

    /** New share settings: saved, and running shares move to them. */
    public void setShareConfig(ShareConfig share) {
        config = config.withShare(share);
        save();
        actions.restartSharing();
        dialogs.notify(share.expose() ? "Shares are now open to other computers, with the password."
                : "Shares are now for this computer only.", false);
    }

    /** Kiosk mode was entered or left (on a screen): remembered for the next start. */
    public void rememberKiosk(boolean on, int screen) {
        config = config.withKiosk(on, screen);
        save();
    }

    /** The second window opened or moved ({@code null}: closed): remembered for the next start. */
    public void rememberSecondWindow(SecondWindowConfig second) {
        config = config.withSecondWindow(second);
        save();
    }

    /** The main window's place and size, saved when it changed. */
    public void rememberWindow(WindowGeometry window) {
        if (window != null && !window.equals(config.window())) {
            config = config.withWindow(window);
            save();
        }
    }

    // ---- saving, quitting ----

    /** Runs file or network work off the UI thread, while the wall is open. */
    void background(Runnable task) {
        if (!closed) {
            tasks.runInBackground(task);
        }
    }

    boolean isClosed() {
        return closed;
    }

    private WallConfig currentConfig() {
        List<CameraConfig> real = model.cameras().stream().filter(c -> !c.demo()).map(CameraModel::config).toList();
        if (demoMode.get() && !session.persist()) {
            real = config.cameras(); // --demo N: the saved cameras stay as they are
        }
        return config.withCameras(real).withRecording(actions.recordWish()).withSharing(actions.shareWish())
                .withPage(model.pageProperty().get());
    }

    /** Saves the configuration in the background; a failure is shown, never thrown. */
    public void save() {
        if (!session.persist() || session.store() == null || closed) {
            return;
        }
        WallConfig snapshot = currentConfig();
        config = snapshot;
        ConfigStore store = session.store();
        tasks.runInBackground(() -> {
            try {
                store.save(snapshot);
            } catch (ConfigException e) {
                LOG.warn("could not save the configuration: {}", e.getMessage());
                tasks.runOnUiThread(() -> dialogs.notify(e.getMessage(), true));
            }
        });
    }

    /**
     * Asks first while cameras record, record by their recording mode, or are shared (quitting stops all three);
     * true when the wall may quit.
     */
    public boolean mayQuit() {
        return QuitGuard.mayQuit(dialogs, actions.recordingNames(), modes.names(model.cameras()), actions.sharedNames(),
                session.persist());
    }

    /** Saves (with the window's last place and size, if known), then stops as {@link WallShutdown} says. Idempotent. */
    public void close(WindowGeometry lastWindow) {
        if (closed) {
            return;
        }
        if (lastWindow != null) {
            config = config.withWindow(lastWindow);
        }
        save(); // the page shown, what records and is shared, and the window: all kept for the next start
        stopping.stopParts();
        closed = true;
        stopping.finish(model.cameras(), session.onClose());
    }

    /** Waits until the background work of {@link #close} is done. */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return tasks.awaitTermination(timeout, unit);
    }
}
