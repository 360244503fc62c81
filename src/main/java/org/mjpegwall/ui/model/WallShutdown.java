package org.mjpegwall.ui.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which the wall stops, for Quit, the window's close button and SIGTERM alike:
 * <ol>
 *   <li>on the UI thread, after the controller queued the last save of the configuration: the recordings (asked
 *       for and by mode) and shares stop, retention ticks stop, and every motion analyser stops, so open events
 *       end and are logged; the event log's close is queued behind the save;</li>
 *   <li>behind those on the background executor, {@link CameraShutdown}: every recording's file is finished and
 *       every camera closed, with limits said in words; then the session's end (the demo server);</li>
 *   <li>the background executor takes nothing more, so the launcher's wait for it ends when that is done.</li>
 * </ol>
 */
final class WallShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(WallShutdown.class);

    private final TaskExecutor tasks;
    private final RecordingRegistry recordings;
    private final CameraActions actions;
    private final ModeRecordings modes;
    private final WallRetention retention;
    private final MotionWatch motion;
    private final Function<ExecutorService, CameraShutdown> shutdown;

    /** The cameras close on threads of their own, with the default limits counted on {@code time}, warnings logged. */
    WallShutdown(TaskExecutor tasks, TimeSource time, CameraActions actions, ModeRecordings modes,
            WallRetention retention, MotionWatch motion) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.recordings = actions.registry();
        this.modes = Objects.requireNonNull(modes, "modes");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.motion = Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(time, "time");
        this.shutdown = closers -> new CameraShutdown(time, closers, CameraShutdown.Limits.DEFAULT, LOG::warn);
    }

    /** Step 1, on the UI thread: nothing records, shares, deletes or analyses any more. */
    void stopParts() {
        actions.close();
        modes.close();
        retention.close();
        motion.close(); // open events end and are logged before the background work stops
    }

    /** Steps 2 and 3: queues the last of the background work and lets the executor end after it. */
    void finish(List<CameraModel> cameras, Runnable onClose) {
        List<CameraShutdown.Closing> streams = CameraShutdown.streams(cameras);
        tasks.runInBackground(() -> {
            ExecutorService closers = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "camera-stop");
                t.setDaemon(true); // one stuck in a camera's close must not keep the program alive
                return t;
            });
            try {
                shutdown.apply(closers).run(recordings::stopAll, streams, onClose);
            } finally {
                closers.shutdown();
            }
        });
        tasks.shutdown();
    }
}
