package org.mjpegwall.ui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mjpegwall.config.RetentionConfig;
import org.mjpegwall.motion.AnalysisScheduler;
import org.mjpegwall.motion.EventRetention;
import org.mjpegwall.record.FolderRetention;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the wall's recordings folder and its event log within the retention setting ({@link RetentionConfig}):
 * at start, when the setting changes, and every {@link #EVERY} after. The recordings go through
 * {@link FolderRetention} with the wall's {@link RecordingRegistry}, so a file being written is never touched and a
 * file the program did not write is never deleted; the events through {@link MotionWatch#retainEvents}.
 *
 * <p>Threads: {@link #start}, {@link #apply} and {@link #close} belong to the UI thread, which owns the setting and
 * the folder; the deleting runs on the background executor. The timer is the motion pool's scheduler (the one
 * scheduled pool the wall owns, closed at shutdown); a tick only posts to the UI thread. A failure (the folder
 * cannot be listed, a file cannot be deleted) is said once, in words, until it changes or goes away; the timer goes
 * on.
 *
 * <p>The disk's free space is checked every {@link #CHECK_DISK_EVERY} (one call to the file system): below
 * {@link #floor} (2 % of the disk, at least 1 GiB, at most 20 GiB), the oldest recordings go, whatever the setting,
 * until twice that is free. Why: a full disk stops every recording until someone frees space, and a camera wall
 * runs unattended; like any recorder, it keeps recording and lets the oldest footage go. The same files are safe as
 * always. It is said in the log, in words, when the disk falls below its floor and when it has room again.
 */
public final class WallRetention {
    private static final Logger LOG = LoggerFactory.getLogger(WallRetention.class);
    /** How often the limits are applied again while the wall runs. */
    public static final Duration EVERY = Duration.ofMinutes(10);
    /**
     * How often the free space of the recordings' disk is checked: one call to the file system, so often that the
     * most a wall writes (16 cameras of 1920×1080 at 30 fps, about 150 MB/s) fills less than the smallest floor
     * (1 GiB) between two looks.
     */
    public static final Duration CHECK_DISK_EVERY = Duration.ofSeconds(5);

    /** The free and total bytes of the disk a folder is on; a seam for tests. */
    interface DiskSpace {
        long usable(Path dir) throws IOException;

        long total(Path dir) throws IOException;

        DiskSpace SYSTEM = new DiskSpace() {
            @Override
            public long usable(Path dir) throws IOException {
                return Files.getFileStore(dir).getUsableSpace();
            }

            @Override
            public long total(Path dir) throws IOException {
                return Files.getFileStore(dir).getTotalSpace();
            }
        };
    }

    private final boolean active;
    private final RecordingRegistry registry;
    private final Supplier<Path> folder;
    private final MotionWatch motion;
    private final TaskExecutor tasks;
    private final AnalysisScheduler timer;
    private final TimeSource time;
    private final Consumer<String> problems;
    /** UI thread only; {@code null} before {@link #start}. */
    private RetentionConfig limits;
    private volatile boolean closed;
    /** Background executor only: the last failure said, so that it is said once. */
    private String lastProblem;
    private volatile DiskSpace disk = DiskSpace.SYSTEM;
    /** Background executor only: the disk was below its floor at the last look (said once until it changes). */
    private boolean diskLow;
    /** UI thread only: when the limits were last applied in full. */
    private long lastFullRun;

    /**
     * What the recordings folder holds now, for the settings dialog: MJPEG Wall's recordings (what the limits count
     * and may delete), its motion events, and the AVI files of other programs there (never counted, never deleted).
     */
    public record Usage(Path folder, int recordings, long recordingBytes, long eventBytes, int otherFiles,
            long otherBytes) {
    }

    /**
     * @param active whether anything is done at all ({@code false} for a wall that keeps no trace: {@code --demo N})
     * @param folder the recordings folder now (read on the UI thread)
     * @param timer runs the ticks (the wall's motion pool; a test's {@code ManualScheduler})
     * @param problems told once, on the UI thread, when the limits cannot be applied
     */
    WallRetention(boolean active, RecordingRegistry registry, Supplier<Path> folder, MotionWatch motion, TaskExecutor tasks,
            AnalysisScheduler timer, TimeSource time, Consumer<String> problems) {
        this.active = active;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.motion = Objects.requireNonNull(motion, "motion");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.time = Objects.requireNonNull(time, "time");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** Applies the limits now and then every {@link #EVERY}. Once, when the wall starts. */
    void start(RetentionConfig initial) {
        boolean first = limits == null && active;
        apply(initial);
        if (first) {
            schedule();
        }
    }

    /** New limits (the user changed them): kept from now on and applied at once. UI thread. */
    void apply(RetentionConfig value) {
        limits = Objects.requireNonNull(value, "value");
        applyNow();
    }

    /** No more ticks. UI thread. */
    void close() {
        closed = true;
    }

    /** Measures the disk with {@code d} from now on (tests). */
    void useDiskSpace(DiskSpace d) {
        disk = Objects.requireNonNull(d, "d");
    }

    /** The free space kept on a disk of {@code total} bytes: 2 % of it, at least 1 GiB, at most 20 GiB. */
    static long floor(long total) {
        return Math.min(20L << 30, Math.max(1L << 30, total / 50));
    }

    /** Measures the recordings folder in the background; {@code then} gets the result on the UI thread. */
    public void usage(Consumer<Usage> then) {
        Path dir = folder.get();
        tasks.runInBackground(() -> {
            Usage u = measure(dir);
            tasks.runOnUiThread(() -> then.accept(u));
        });
    }

    private void schedule() {
        try {
            timer.schedule(() -> {
                if (!closed) {
                    tasks.runOnUiThread(this::tick);
                    schedule();
                }
            }, CHECK_DISK_EVERY.toNanos());
        } catch (RejectedExecutionException e) {
            LOG.debug("the wall is closing: no more retention");
        }
    }

    /** Every {@link #CHECK_DISK_EVERY}: the limits in full every {@link #EVERY}, the disk's free space between. */
    private void tick() {
        if (closed || limits == null || !active) {
            return;
        }
        if (time.nanoTime() - lastFullRun >= EVERY.toNanos()) {
            applyNow();
            return;
        }
        RetentionConfig r = limits;
        Path dir = folder.get();
        tasks.runInBackground(() -> {
            long need = bytesToFree(dir);
            if (need > 0) {
                run(r, dir, need);
            }
        });
    }

    private void applyNow() {
        if (closed || limits == null || !active) {
            return;
        }
        lastFullRun = time.nanoTime();
        RetentionConfig r = limits;
        Path dir = folder.get();
        tasks.runInBackground(() -> run(r, dir, bytesToFree(dir)));
    }

    /** Background: the bytes to free so that twice the floor is free again, or 0 while the disk is above its floor. */
    private long bytesToFree(Path dir) {
        try {
            if (!Files.exists(dir)) {
                return 0;
            }
            long usable = disk.usable(dir);
            long floor = floor(disk.total(dir));
            if (usable >= floor) {
                if (diskLow) {
                    diskLow = false;
                    LOG.info("Retention: the disk of {} has {} MiB free again", dir, usable >> 20);
                }
                return 0;
            }
            if (!diskLow) { // said once while it stays low (other files may fill the disk, with none of ours left)
                diskLow = true;
                LOG.warn("Retention: the disk of {} has only {} MiB free: the oldest recordings go, to keep {} MiB free "
                        + "and recording going", dir, usable >> 20, (2 * floor) >> 20);
            }
            return 2 * floor - usable;
        } catch (IOException | RuntimeException e) {
            LOG.debug("free space of {}: {}", dir, e.toString());
            return 0;
        }
    }

    /** Background executor. */
    private void run(RetentionConfig r, Path dir, long bytesToFree) {
        Duration age = r.keepDays() == 0 ? null : Duration.ofDays(r.keepDays());
        Instant now = time.instant();
        String problem = null;
        try {
            if (Files.exists(dir)) { // none yet: nothing was recorded, nothing to delete
                int n = new FolderRetention(age, r.maxBytes()).apply(dir, registry, now, bytesToFree);
                if (n > 0) {
                    LOG.info("Retention: deleted {} old recording(s) in {}", n, dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problem = "Old recordings in " + dir + " cannot be deleted: " + reason(e);
        }
        try {
            motion.retainEvents(new EventRetention(age, r.maxBytes()), now, time.zone());
        } catch (IOException | UncheckedIOException e) {
            problem = problem != null ? problem : "Old motion events in " + dir.resolve("events") + " cannot be deleted: "
                    + reason(e);
        }
        if (problem != null && !problem.equals(lastProblem)) {
            String said = problem + ". The wall keeps trying every " + EVERY.toMinutes() + " minutes.";
            LOG.warn("Retention: {}", said);
            tasks.runOnUiThread(() -> problems.accept(said));
        } else if (problem == null && lastProblem != null) {
            LOG.info("Retention works again in {}", dir);
        }
        lastProblem = problem;
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "it is gone";
        }
        if (t instanceof java.nio.file.NotDirectoryException) {
            return "it is not a folder";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "not allowed";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * The recordings ({@code .avi} directly in the folder, as {@link FolderRetention#aviFiles} lists them), ours
     * apart from other programs', and the event log's files; what cannot be read counts 0. Reads the head of each
     * AVI (at most 64 KiB): for the settings dialog, not for a timer.
     */
    static Usage measure(Path dir) {
        int count = 0;
        long bytes = 0;
        int others = 0;
        long otherBytes = 0;
        try {
            for (FolderRetention.AviFile f : FolderRetention.aviFiles(dir)) {
                if (FolderRetention.ours(f.path())) {
                    count++;
                    bytes += f.bytes();
                } else {
                    others++;
                    otherBytes += f.bytes();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("measuring {}: {}", dir, e.toString());
        }
        long events = 0;
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir.resolve("events"))) {
            for (Path p : list) {
                events += Files.isRegularFile(p) ? size(p) : 0;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("measuring the events in {}: {}", dir, e.toString());
        }
        return new Usage(dir, count, bytes, events, others, otherBytes);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
