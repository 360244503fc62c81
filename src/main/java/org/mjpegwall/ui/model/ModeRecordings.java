package org.mjpegwall.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.MotionListener;
import org.mjpegwall.motion.MotionResult;
import org.mjpegwall.record.OnMotionOptions;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.TriggeredRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every started camera by its mode ({@link org.mjpegwall.config.CameraConfig#recordMode()}):
 * {@code CONTINUOUS} keeps a {@link Recorder} on the camera's stream, {@code ON_MOTION} a
 * {@link TriggeredRecorder} fed by the stream's frames and by the camera's motion analysis. It follows the
 * camera, never its tile, so a camera records on another page and in a minimised window alike.
 *
 * <p>Why a class of its own: {@code record} and {@code motion} know nothing of each other (the layers); the
 * wall connects them here, as {@code cli/MotionRecording} does for {@code record --on-motion}.
 *
 * <p>Threads: {@link #start}, {@link #stop} and {@link #close} belong to the UI thread. Recorders are
 * started on the background executor (they make folders and open files) and told back to the UI thread;
 * a camera stopped meanwhile has its new recorder finished at once.
 */
public final class ModeRecordings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModeRecordings.class);

    private final RecordingRegistry registry;
    private final Supplier<Path> folder;
    private final Function<MotionListener, AutoCloseable> analysis;
    private final TaskExecutor tasks;
    private final Consumer<String> problems;
    private final OnMotionOptions onMotion;
    /** UI thread only. */
    private final Map<CameraModel, Running> running = new IdentityHashMap<>();
    /** UI thread only: the cameras told to record on motion without detection, said once. */
    private final Set<String> blind = new HashSet<>();
    private boolean closed;

    /** One camera's recording: what to close when it stops. */
    private static final class Running {
        final RecordingMode mode;
        /** UI thread only: set when the recorder has started; {@code null} before. */
        List<AutoCloseable> parts;
        /** Whether a file is being written now (a clip, for ON_MOTION); set with {@link #parts}. Any thread. */
        BooleanSupplier writing = () -> false;
        /** UI thread only. */
        boolean stopped;

        Running(RecordingMode mode) {
            this.mode = mode;
        }
    }

    /** A started recorder: what to close, in order, and whether it writes a file now. */
    private record Opened(List<AutoCloseable> parts, BooleanSupplier writing) {
    }

    /**
     * @param registry the wall's one registry of files being written (shared with its other recorders)
     * @param folder where recordings go, asked at each start
     * @param analysis adds a listener to every camera's motion analysis and returns its removal
     *     (the wall's {@code MotionWatch::addAnalysisListener})
     * @param problems told in words, on the UI thread, when a camera cannot record
     */
    public ModeRecordings(RecordingRegistry registry, Supplier<Path> folder,
            Function<MotionListener, AutoCloseable> analysis, TaskExecutor tasks, Consumer<String> problems,
            OnMotionOptions onMotion) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.onMotion = Objects.requireNonNull(onMotion, "onMotion");
    }

    /** The mode a camera records in now ({@code OFF} when it does not record by itself). UI thread. */
    public RecordingMode mode(CameraModel camera) {
        Running r = running.get(camera);
        return r == null ? RecordingMode.OFF : r.mode;
    }

    /** The names of those of {@code cameras} that record by a mode now, in their order. UI thread. */
    public List<String> names(List<CameraModel> cameras) {
        return cameras.stream().filter(running::containsKey).map(c -> c.config().name()).toList();
    }

    /**
     * Starts recording a camera as its configuration says, or changes its recording to a new mode (a clip
     * open at that moment is finished). Does nothing for a camera without a stream (disabled) or mode OFF.
     */
    public void start(CameraModel camera) {
        RecordingMode mode = camera.config().recordMode();
        warnIfBlind(camera);
        Running now = running.get(camera);
        if (now != null && now.mode == mode) {
            return;
        }
        stop(camera);
        CameraStream source = camera.source();
        if (closed || mode == RecordingMode.OFF || source == null) {
            return;
        }
        Running run = new Running(mode);
        running.put(camera, run);
        String id = camera.id();
        String name = camera.config().name();
        Path dir = folder.get();
        tasks.runInBackground(() -> {
            Opened opened;
            try {
                Files.createDirectories(dir);
                opened = open(mode, RecordingOptions.forCamera(dir, name), source, id);
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("{} cannot record ({}): {}", name, words(mode), why);
                tasks.runOnUiThread(() -> {
                    running.remove(camera, run);
                    problems.accept(name + " cannot record " + words(mode) + ": " + why);
                });
                return;
            }
            tasks.runOnUiThread(() -> {
                if (run.stopped || closed) {
                    closeAll(opened.parts());
                } else {
                    run.parts = opened.parts();
                    run.writing = opened.writing();
                }
            });
        });
    }

    /**
     * Says once, in the log and in words on the wall, that a camera set to record on motion has its motion detection
     * off: it would never record, and nothing else says why (an older configuration, or detection switched off from
     * the tile's menu). Said again only after the camera was set right in between.
     */
    private void warnIfBlind(CameraModel camera) {
        CameraConfig c = camera.config();
        String warning = CameraManagerModel.onMotionWithoutDetection(c.recordMode(), c.motion().enabled());
        if (warning == null || !c.enabled()) {
            blind.remove(c.id());
        } else if (blind.add(c.id())) {
            LOG.warn("{}: {}", c.name(), warning);
            problems.accept(c.name() + ": " + warning);
        }
    }

    /** Stops a camera's recording, finishing its file (without waiting for the disk). UI thread. */
    public void stop(CameraModel camera) {
        Running run = running.remove(camera);
        camera.modeRecording("");
        if (run != null) {
            run.stopped = true;
            if (run.parts != null) {
                closeAll(run.parts);
            }
        }
    }

    /**
     * Updates each camera's mode badge ({@link CameraModel#modeRecordingProperty()}): "REC · continuous" or
     * "REC · motion" while its recorder writes a file; nothing while an on-motion camera only fills its pre-roll.
     * A few times a second, from the wall's indicator timer. UI thread.
     */
    public void refresh() {
        running.forEach((camera, run) -> camera.modeRecording(!run.writing.getAsBoolean() ? ""
                : run.mode == RecordingMode.CONTINUOUS ? "REC · continuous" : "REC · motion"));
    }

    /** Stops every recording; later starts do nothing. UI thread. */
    @Override
    public void close() {
        closed = true;
        for (CameraModel camera : List.copyOf(running.keySet())) {
            stop(camera);
        }
    }

    /** Starts the recorder and its subscriptions; returns them in the order they are to be closed. */
    private Opened open(RecordingMode mode, RecordingOptions options, CameraStream source, String id)
            throws Exception {
        if (mode == RecordingMode.CONTINUOUS) {
            Recorder recorder = Recorder.start(options, registry);
            AutoCloseable frames = source.subscribe(recorder::accept);
            return new Opened(List.of(frames, recorder::stopAsync), () -> recorder.status().isRecording());
        }
        TriggeredRecorder recorder = TriggeredRecorder.start(options, onMotion, registry, null);
        AutoCloseable frames = source.subscribe(recorder::frame);
        AutoCloseable motion = analysis.apply(new MotionListener() {
            @Override
            public void analysed(String camera, MotionResult result) {
                if (camera.equals(id)) {
                    recorder.analysed(result.timeNanos(), result.motion());
                }
            }

            @Override
            public void eventStarted(MotionEvent event) {
                if (event.camera().equals(id)) {
                    recorder.motionStarted(event.startNanos());
                }
            }
        });
        return new Opened(List.of(motion, frames, recorder::stopAsync), recorder::recording);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("closing a recording failed", e);
            }
        }
    }

    private static String words(RecordingMode mode) {
        return mode == RecordingMode.CONTINUOUS ? "continuously" : "on motion";
    }
}
