package org.mjpegwall.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.motion.AnalysisScheduler;
import org.mjpegwall.motion.EventLog;
import org.mjpegwall.motion.EventRetention;
import org.mjpegwall.motion.Mask;
import org.mjpegwall.motion.MotionAnalyser;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.MotionListener;
import org.mjpegwall.motion.MotionListeners;
import org.mjpegwall.motion.MotionPool;
import org.mjpegwall.motion.MotionResult;
import org.mjpegwall.motion.MotionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts motion detection for the wall: one {@link MotionAnalyser} per enabled camera with motion on,
 * subscribed to the camera's stream and never to a tile, so paging, the focus view, a hidden or
 * minimised window change nothing; the event log; each camera's highlight ({@link CameraModel#motionProperty()});
 * and the list of recent events, newest first.
 *
 * <p>Threads: {@link #start}, {@link #update}, {@link #stop}, {@link #close} and the event list belong to
 * the UI thread. Analysers call back on the analysis pool: an analysis result is coalesced per camera
 * (the newest waits in an {@code AtomicReference}, and at most one UI runnable per camera is pending,
 * never one per analysis); events, which are rare, are posted one by one. The event log is opened
 * lazily on the background executor, by the first event (no folder is made where nothing moved), and
 * only that executor touches it.
 */
public final class MotionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(MotionWatch.class);
    /** Events kept in the list; older ones stay in the event log on disk. */
    public static final int MAX_EVENTS = 200;
    /**
     * Key-frame bytes the list may hold: a 4K camera's key frame is a few megabytes, and 200 of them
     * would be most of the heap. Beyond this the oldest events leave the list (the newest always stays).
     */
    public static final long MAX_KEY_FRAME_BYTES = 64L << 20;

    private final AnalysisScheduler scheduler;
    /** The pool this made and closes, or {@code null} when given a scheduler. */
    private final MotionPool ownPool;
    private final TaskExecutor tasks;
    private final Consumer<String> problems;
    /** UI thread only. */
    private final Map<CameraModel, Watched> watched = new IdentityHashMap<>();
    private final ObservableList<MotionEvent> events = FXCollections.observableArrayList();
    private final MotionListeners hooks = new MotionListeners();
    private BiConsumer<CameraModel, MotionEvent> onStarted = (c, e) -> { };
    private BiConsumer<CameraModel, MotionEvent> onEnded = (c, e) -> { };
    private boolean closed;
    private long keyFrameBudget = MAX_KEY_FRAME_BYTES;
    /** Whether an event log is kept at all. */
    private final boolean keepLog;
    /** Background executor only; {@code null}: keep no log. */
    private Path eventsFolder;
    /** Background executor only. */
    private EventLog log;
    /** Background executor only: opening failed once, said once; tried again after a folder change. */
    private boolean logFailed;
    /** Background executor only: the limits the log is opened with (the wall's retention setting). */
    private EventRetention retention = EventRetention.NONE;

    /** One camera under watch. */
    private static final class Watched {
        final CameraModel camera;
        final AtomicReference<MotionResult> pending = new AtomicReference<>();
        MotionAnalyser analyser;
        /** UI thread only: results still in flight are dropped. */
        boolean stopped;

        Watched(CameraModel camera) {
            this.camera = camera;
        }
    }

    /**
     * @param scheduler the analysis pool (or a test's fake time); {@code null}: a {@link MotionPool} of its own
     * @param eventsFolder where the event log goes ({@code <recordings>/events}); {@code null}: keep no log
     * @param problems told (on the UI thread) when the event log cannot be kept
     */
    public MotionWatch(AnalysisScheduler scheduler, TaskExecutor tasks, Path eventsFolder,
            Consumer<String> problems) {
        this.ownPool = scheduler == null ? MotionPool.withDefaultSize() : null;
        this.scheduler = scheduler == null ? ownPool : scheduler;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.keepLog = eventsFolder != null;
        this.eventsFolder = eventsFolder; // read on the background executor, after this constructor returned
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** Called on the UI thread when an event starts or ends on a camera (spotlight, sound). */
    public void onEvents(BiConsumer<CameraModel, MotionEvent> started, BiConsumer<CameraModel, MotionEvent> ended) {
        this.onStarted = Objects.requireNonNull(started, "started");
        this.onEnded = Objects.requireNonNull(ended, "ended");
    }

    /**
     * Adds a listener to every camera's analysis, on the analysis thread (it must hand off at once).
     * This is where recording on motion plugs in: it needs {@code analysed} (for an exact post-roll) and
     * the events' {@code startNanos} (for the pre-roll), see docs/motion.md. Close the result to remove it.
     */
    public AutoCloseable addAnalysisListener(MotionListener listener) {
        return hooks.add(listener);
    }

    /**
     * Recent events, newest first (at most {@link #MAX_EVENTS}, and {@link #MAX_KEY_FRAME_BYTES} of key
     * frames); an open event is replaced when it ends.
     */
    public ObservableList<MotionEvent> events() {
        return events;
    }

    /** Another key-frame budget for the list (tests). */
    void keyFrameBudget(long bytes) {
        keyFrameBudget = bytes;
    }

    /** The camera's analyser, or {@code null} when it is not watched (disabled, motion off, no stream). */
    public MotionAnalyser analyser(CameraModel camera) {
        Watched w = watched.get(camera);
        return w == null ? null : w.analyser;
    }

    /** The detector's settings for a camera's saved motion settings. */
    public static MotionSettings settings(MotionConfig m) {
        List<Mask> masks = new ArrayList<>();
        for (MaskArea a : m.masks()) {
            masks.add(new Mask(a.points()));
        }
        return MotionSettings.DEFAULTS.withEnabled(m.enabled()).withSensitivity(m.sensitivity())
                .withMinArea(m.minArea()).withEventGapSeconds(m.eventGapSeconds()).withMasks(masks);
    }

    /** Starts watching a camera whose stream has started, if its motion detection is on. */
    public void start(CameraModel camera) {
        if (closed || camera.source() == null || !camera.config().motion().enabled() || watched.containsKey(camera)) {
            return;
        }
        Watched w = new Watched(camera);
        watched.put(camera, w);
        w.analyser = MotionAnalyser.builder(camera.id(), camera.source()::subscribe, scheduler)
                .name(camera.config().name())
                .settings(settings(camera.config().motion()))
                .listener(new Hear(w))
                .start();
    }

    /** The camera's motion settings were edited: the analyser takes them (or stops, or starts). */
    public void update(CameraModel camera) {
        Watched w = watched.get(camera);
        if (w == null) {
            start(camera);
        } else if (!camera.config().motion().enabled()) {
            stop(camera);
        } else {
            w.analyser.update(settings(camera.config().motion()));
        }
    }

    /** Stops watching a camera (removed, disabled, reconnected with new settings); an open event ends. */
    public void stop(CameraModel camera) {
        Watched w = watched.remove(camera);
        if (w != null) {
            w.stopped = true;
            w.analyser.close(); // waits for an analysis in progress (about a millisecond), ends an open event
            camera.clearMotion();
        }
    }

    /** The recordings folder moved: the next event opens the log in the new place (if a log is kept). */
    public void eventsFolderChanged(Path folder) {
        if (!keepLog) {
            return;
        }
        tasks.runInBackground(() -> {
            closeLog();
            eventsFolder = folder;
            logFailed = false;
        });
    }

    /** Stops every analyser (open events end and are logged), then closes the log and the pool in the background. */
    public void close() {
        if (closed) {
            return;
        }
        for (CameraModel c : List.copyOf(watched.keySet())) {
            stop(c);
        }
        closed = true;
        tasks.runInBackground(() -> {
            closeLog();
            if (ownPool != null) {
                ownPool.close();
            }
        });
    }

    private void post(Watched w, MotionResult r) {
        if (w.pending.getAndSet(r) == null) {
            tasks.runOnUiThread(() -> {
                MotionResult newest = w.pending.getAndSet(null);
                if (newest != null && !w.stopped) {
                    w.camera.noteMotion(newest);
                }
            });
        }
    }

    private void started(Watched w, MotionEvent e) {
        events.add(0, e);
        long bytes = 0;
        int keep = 0;
        while (keep < events.size() && keep < MAX_EVENTS
                && (keep == 0 || bytes + events.get(keep).keyFrame().size() <= keyFrameBudget)) {
            bytes += events.get(keep).keyFrame().size();
            keep++;
        }
        if (keep < events.size()) {
            events.remove(keep, events.size());
        }
        if (!w.stopped) {
            onStarted.accept(w.camera, e);
        }
    }

    private void ended(Watched w, MotionEvent e) {
        for (int i = 0; i < events.size(); i++) {
            MotionEvent old = events.get(i);
            if (old.camera().equals(e.camera()) && old.start().equals(e.start())) {
                events.set(i, e);
                break;
            }
        }
        onEnded.accept(w.camera, e);
    }

    // ---- the event log, on the background executor ----

    private void logged(MotionEvent e) {
        tasks.runInBackground(() -> {
            if (eventsFolder != null) {
                EventLog l = openLog();
                if (l != null) {
                    l.append(e);
                }
            }
        });
    }

    private EventLog openLog() {
        if (log == null && !logFailed) {
            Path dir = eventsFolder;
            try {
                log = EventLog.open(dir, retention); // the wall's setting, as for the recordings (WallRetention)
            } catch (IOException | RuntimeException e) {
                logFailed = true;
                LOG.warn("cannot keep the motion event log in {}: {}", dir, e.toString());
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                tasks.runOnUiThread(() -> problems.accept("Motion events cannot be kept in " + dir + ": " + why
                        + ". Motion is still shown on the wall."));
            }
        }
        return log;
    }

    /**
     * Keeps the event log within these limits from now on, and applies them now: through the log when it is open
     * (it knows its open events), else to its folder if there is one. Background executor only ({@link WallRetention}).
     *
     * @return the number of files deleted now (0 when the open log deletes them on its own thread)
     * @throws IOException if the folder cannot be listed
     */
    int retainEvents(EventRetention limits, Instant now, ZoneId zone) throws IOException {
        retention = limits;
        if (log != null) {
            log.retention(limits);
            return 0;
        }
        Path dir = eventsFolder;
        return dir == null || !Files.isDirectory(dir) ? 0 : limits.applyTo(dir, now, zone);
    }

    /** The analysis pool's scheduler: the wall's one timer thread pool, closed with this (see {@link WallRetention}). */
    AnalysisScheduler scheduler() {
        return scheduler;
    }

    private void closeLog() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    /** One camera's listener, on the analysis thread: hands everything off at once. */
    private final class Hear implements MotionListener {
        private final Watched w;

        Hear(Watched w) {
            this.w = w;
        }

        @Override
        public void analysed(String camera, MotionResult result) {
            post(w, result);
            hooks.analysed(camera, result);
        }

        @Override
        public void eventStarted(MotionEvent event) {
            logged(event);
            hooks.eventStarted(event);
            tasks.runOnUiThread(() -> started(w, event));
        }

        @Override
        public void eventEnded(MotionEvent event) {
            logged(event);
            hooks.eventEnded(event);
            tasks.runOnUiThread(() -> ended(w, event));
        }
    }
}
