package org.mjpegwall.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.review.Player;
import org.mjpegwall.review.Recording;
import org.mjpegwall.review.RecordingCatalog;
import org.mjpegwall.ui.model.DialogService;
import org.mjpegwall.ui.model.TaskExecutor;
import org.mjpegwall.util.TimeSource;

/**
 * The review's state and decisions, without controls (tested without a toolkit): the recordings folder's catalog,
 * the camera and day picked, the cameras ticked to play in step, the indexed {@link ReviewDay} and its
 * {@link Player}, and the marks for export ({@link ReviewExport}). Reading the folder and indexing run through the
 * {@link TaskExecutor} in the background; the FX thread only swaps in the results.
 *
 * <p>Threads: everything here is the UI thread's, except what the background tasks compute and hand back.
 */
public final class ReviewModel {
    /** A day with recordings of the camera: how many, and their size. */
    public record DayChoice(LocalDate day, int recordings, long bytes) {
    }

    /** How long before an event playing it starts: the moment before the motion. */
    public static final long LEAD_IN = 2_000_000_000L;

    private final Path folder;
    private final ZoneId zone;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final TimeSource time;
    private final IndexCache cache;
    private final ObservableList<String> cameras = FXCollections.observableArrayList();
    private final ObservableList<DayChoice> days = FXCollections.observableArrayList();
    private final ObservableList<Recording> recordings = FXCollections.observableArrayList();
    private final ObservableList<String> otherCameras = FXCollections.observableArrayList();
    private final ObjectProperty<String> camera = new SimpleObjectProperty<>(this, "camera");
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ReadOnlyObjectWrapper<ReviewDay> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(this, "indexing");
    private final ReadOnlyObjectWrapper<Double> speed = new ReadOnlyObjectWrapper<>(this, "speed", 1.0);
    private final Set<String> extras = new LinkedHashSet<>();
    private final ReviewExport export;
    private List<Recording> catalog = List.of();
    private Player player;
    private long generation;
    /** Where to go once the day is loaded ({@code -1}: its first recording). */
    private long pendingSeek = -1;
    private boolean pendingPlay;
    /** Whether the day loaded next keeps the clip's marks ({@link #refresh} of the same camera and day). */
    private boolean keepMarks;
    /** The day to show once the catalog is read ({@link #openAt} before it was). */
    private LocalDate wantDay;
    private boolean catalogRead;
    private boolean choosing;

    /**
     * @param folder the wall's recordings folder (its {@code events} subfolder holds the motion event log)
     * @param exportFolder where file choosers for clips and frames open
     */
    public ReviewModel(Path folder, Path exportFolder, ZoneId zone, TaskExecutor tasks, DialogService dialogs,
            TimeSource time, IndexCache cache) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.time = Objects.requireNonNull(time, "time");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.export = new ReviewExport(this, exportFolder, tasks, dialogs);
        camera.addListener((o, was, now) -> {
            if (!choosing) {
                showDays(null);
            }
        });
        day.addListener((o, was, now) -> {
            if (!choosing) {
                forgetPlace();
                showDay();
            }
        });
    }

    public Path folder() {
        return folder;
    }

    public ObservableList<String> cameras() {
        return cameras;
    }

    /** The days the chosen camera has recordings, newest first. */
    public ObservableList<DayChoice> days() {
        return days;
    }

    /** The chosen camera's recordings on the chosen day, earliest first. */
    public ObservableList<Recording> recordings() {
        return recordings;
    }

    /** The other cameras with recordings on the chosen day (to tick for playing in step). */
    public ObservableList<String> otherCameras() {
        return otherCameras;
    }

    public ObjectProperty<String> cameraProperty() {
        return camera;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    /** The indexed day, or {@code null} while there is none. */
    public ReadOnlyObjectProperty<ReviewDay> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** What the review is doing or why it shows nothing, in words ("" when all is well). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The player of the loaded day, or {@code null}. */
    public Player player() {
        return player;
    }

    public ReviewExport export() {
        return export;
    }

    /** Opens the recordings folder in the file manager (or says why not). */
    public void openFolder() {
        dialogs.openFolder(folder);
    }

    /** Reads the folder again (in the background), keeping the camera, day, place, playing and marks if they remain. */
    public void refresh() {
        if (player != null) {
            pendingSeek = player.position();
            pendingPlay = player.playing() || player.ranOut(); // played to the end: plays on into what came since
            keepMarks = true;
        }
        long gen = ++generation;
        indexing.set(true);
        status.set("Reading the recordings folder…");
        tasks.runInBackground(() -> {
            ReviewFolder.Read read = ReviewFolder.read(folder, zone);
            tasks.runOnUiThread(() -> {
                if (gen == generation) {
                    showCatalog(read.recordings(), read.problem());
                }
            });
        });
    }

    /**
     * Shows the recordings of a camera (by its name in the wall) at a moment, from {@link #LEAD_IN} before it: what
     * "Review" on a motion event does.
     */
    public void openAtEvent(String cameraName, java.time.Instant start) {
        java.time.ZonedDateTime at = start.atZone(zone);
        long nanos = java.time.Duration.between(at.toLocalDate().atStartOfDay(zone), at).toNanos();
        openAt(ReviewDay.fileCamera(cameraName), at.toLocalDate(), nanos - LEAD_IN);
    }

    /** Shows the day of {@code cameraName} at {@code nanos} on its clock, playing from there once indexed. */
    public void openAt(String cameraName, LocalDate onDay, long nanos) {
        pendingSeek = Math.max(0, nanos);
        pendingPlay = true;
        choosing = true;
        try {
            camera.set(cameraName);
        } finally {
            choosing = false;
        }
        if (catalogRead) {
            showDays(onDay);
        } else {
            wantDay = onDay; // the catalog being read picks it
        }
    }

    private void showCatalog(List<Recording> all, String problem) {
        catalog = List.copyOf(all);
        catalogRead = true;
        LocalDate keep = wantDay != null ? wantDay : day.get();
        wantDay = null;
        List<String> names = all.stream().map(Recording::camera).distinct().sorted().toList();
        choosing = true;
        try {
            cameras.setAll(names);
            if (camera.get() == null || !names.contains(camera.get())) {
                camera.set(names.isEmpty() ? null : names.get(0));
                forgetPlace(); // the camera asked for has no recordings: its moment means nothing here
                keep = null;
            }
        } finally {
            choosing = false;
        }
        if (problem != null) {
            clearDay(problem);
            return;
        }
        if (names.isEmpty()) {
            clearDay("No recordings in " + folder + " yet. A camera records with Record (R), or by the recording"
                    + " mode set in Manage cameras.");
            return;
        }
        showDays(keep);
    }

    /** Lists the camera's days and picks {@code keep} if it has recordings that day, else the newest. */
    private void showDays(LocalDate keep) {
        List<DayChoice> list = ReviewFolder.days(catalog, camera.get());
        choosing = true;
        try {
            days.setAll(list);
            LocalDate pick = keep != null && list.stream().anyMatch(d -> d.day().equals(keep)) ? keep
                    : list.isEmpty() ? null : list.get(0).day();
            if (pick == null || !pick.equals(keep)) {
                forgetPlace(); // another day: a moment or marks of the one asked for mean nothing there
            }
            day.set(pick);
        } finally {
            choosing = false;
        }
        showDay();
    }

    private void showDay() {
        String cam = camera.get();
        LocalDate d = day.get();
        if (cam == null || d == null) {
            recordings.clear();
            otherCameras.clear();
            if (!catalog.isEmpty()) {
                clearDay(cam == null ? "Pick a camera." : "No recordings of " + cam + " on that day.");
            }
            return;
        }
        recordings.setAll(RecordingCatalog.of(catalog, cam, d));
        otherCameras.setAll(catalog.stream().filter(r -> r.day().equals(d) && !r.camera().equals(cam))
                .map(Recording::camera).distinct().sorted().toList());
        extras.retainAll(otherCameras);
        load();
    }

    /** The cameras ticked to play beside the chosen one (in step). */
    public Set<String> extras() {
        return Set.copyOf(extras);
    }

    /** Ticks or unticks a camera of the same day to play in step; the day is indexed again, the position kept. */
    public void setExtra(String name, boolean on) {
        if (on ? extras.add(name) : extras.remove(name)) {
            Player p = player;
            if (p != null) {
                pendingSeek = p.position();
                pendingPlay = p.playing();
                keepMarks = true;
            }
            load();
        }
    }

    private void load() {
        long gen = ++generation;
        List<String> shown = new ArrayList<>();
        shown.add(camera.get());
        otherCameras.stream().filter(extras::contains).forEach(shown::add);
        List<Recording> all = catalog;
        LocalDate d = day.get();
        int files = all.stream().filter(r -> shown.contains(r.camera()) && r.day().equals(d))
                .mapToInt(r -> r.segments().size()).sum();
        pause();
        indexing.set(true);
        status.set("Indexing " + files + (files == 1 ? " file…" : " files…"));
        Path events = folder.resolve("events");
        tasks.runInBackground(() -> {
            ReviewDay result = ReviewDay.load(all, shown, d, events, zone, cache, n -> { }, time.instant());
            tasks.runOnUiThread(() -> {
                if (gen == generation) {
                    showLoaded(result);
                }
            });
        });
    }

    private void showLoaded(ReviewDay result) {
        indexing.set(false);
        player = result.playable() ? new Player(time, result.tracks()) : null;
        if (player != null) {
            player.setSpeed(speed.get());
            player.seek(pendingSeek >= 0 ? pendingSeek : result.firstNanos());
            if (pendingPlay) {
                player.play();
            }
        }
        if (!keepMarks) {
            export.clearMarks();
        }
        forgetPlace();
        loaded.set(result);
        List<String> words = new ArrayList<>(result.problems());
        if (!result.playable()) {
            words.add(0, "Nothing to play: no file of this day could be read.");
        }
        if (result.skippedEventLines() > 0) {
            words.add(result.skippedEventLines() + " lines of the event log were not events and were left out.");
        }
        status.set(String.join(" ", words));
    }

    private void forgetPlace() {
        pendingSeek = -1;
        pendingPlay = false;
        keepMarks = false;
    }

    private void clearDay(String why) {
        ++generation;
        indexing.set(false);
        player = null;
        recordings.clear();
        otherCameras.clear();
        loaded.set(null);
        status.set(why);
    }

    // ---- playback: the clock is the player's; stepping and gaps are the day's ----

    /** The position on the day's clock, or 0 without a day. */
    public long position() {
        return player == null ? 0 : player.position();
    }

    public boolean playing() {
        return player != null && player.playing();
    }

    /** Moves to {@code nanos} on the day's clock and plays from there. */
    public void playFrom(long nanos) {
        if (player != null) {
            player.seek(nanos);
            player.play();
        }
    }

    public void seek(long nanos) {
        if (player != null) {
            player.seek(nanos);
        }
    }

    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (player.playing()) {
            player.pause();
        } else {
            if (player.position() >= player.durationNanos()) {
                player.seek(loaded.get().firstNanos());
            }
            player.play();
        }
    }

    public void pause() {
        if (player != null) {
            player.pause();
        }
    }

    /** Pauses on the lead camera's next frame (crossing into its next recording). */
    public void stepForward() {
        if (player != null) {
            loaded.get().step(player, true);
        }
    }

    /** Pauses on the lead camera's previous frame. */
    public void stepBack() {
        if (player != null) {
            loaded.get().step(player, false);
        }
    }

    /** Sets one of {@link Player#SPEEDS}. */
    public void setSpeed(double s) {
        if (!Player.SPEEDS.contains(s)) {
            throw new IllegalArgumentException("speed must be one of " + Player.SPEEDS + ": " + s);
        }
        speed.set(s);
        if (player != null) {
            player.setSpeed(s);
        }
    }

    /** The next slower ({@code -1}) or faster ({@code +1}) speed, staying at the ends. */
    public void changeSpeed(int direction) {
        setSpeed(Player.nextSpeed(speed.get(), direction));
    }

    /**
     * What each camera shows now (one call per pulse). While playing through a gap where no camera recorded,
     * jumps to the next recording: a day of clips around motion plays as one film.
     */
    public List<ReviewDay.Shown> shownNow() {
        ReviewDay d = loaded.get();
        return d == null || player == null ? List.of() : d.shownNow(player);
    }

    /** What each camera shows at {@code nanos} (the frame under a scrubbing cursor). */
    public List<ReviewDay.Shown> shownAt(long nanos) {
        ReviewDay d = loaded.get();
        return d == null ? List.of() : d.shownAt(nanos);
    }
}
