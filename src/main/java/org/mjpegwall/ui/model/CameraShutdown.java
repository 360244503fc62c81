package org.mjpegwall.ui.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of closing the wall, on the background executor, in this order: every recording is asked to
 * finish its file and every camera's stream to close, all at once; then it waits for the files, then for the
 * cameras, then runs the session's {@code onClose} (which may stop the demo server the cameras read).
 *
 * <p>Why the cameras close in parallel, each on a thread of the {@code closers} executor: closing a stream joins its
 * reader and dispatcher threads, and one camera after the other took seconds with 16 busy cameras. Why every wait has
 * a limit, said in words when it is reached: a stuck disk or camera must not keep the wall from exiting (a file left
 * unfinished still gets its index from the recorder's own exit hook, or from the repair at the next start).
 *
 * <p>Time: the limits count on the injected {@link TimeSource}; between checks it waits on the work itself for at
 * most {@link #POLL_MILLIS} real milliseconds, so it goes on the moment the work is done, and a test on fake time
 * decides when a limit is reached.
 */
final class CameraShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(CameraShutdown.class);
    static final long POLL_MILLIS = 10;

    /** How long each step may take, counted from the start of the shutdown (the files and cameras overlap). */
    record Limits(Duration recordings, Duration cameras, Duration onClose) {
        /** A file is finished in well under a second; a stuck disk gets 5 s, a camera 2 s, the demo server 2 s. */
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** Something to close, and its name for the messages. */
    record Closing(String name, Runnable close) {
    }

    private final TimeSource time;
    private final Executor closers;
    private final Limits limits;
    private final Consumer<String> warnings;

    /**
     * @param closers runs each camera's close and the session's end (a thread each, in the wall)
     * @param warnings told each limit reached, in words (the wall logs them)
     */
    CameraShutdown(TimeSource time, Executor closers, Limits limits, Consumer<String> warnings) {
        this.time = Objects.requireNonNull(time, "time");
        this.closers = Objects.requireNonNull(closers, "closers");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** The cameras with a stream (a disabled camera has none), as things to close. */
    static List<Closing> streams(List<CameraModel> cameras) {
        List<Closing> all = new ArrayList<>();
        for (CameraModel c : cameras) {
            CameraStream s = c.source();
            if (s != null) {
                all.add(new Closing(c.config().name(), s::close));
            }
        }
        return all;
    }

    /**
     * Runs the steps; never throws, returns when done or when the limits are reached.
     *
     * @param recordings asks every recording to finish its file ({@link RecordingRegistry#stopAll()})
     */
    void run(Supplier<List<RecordingRegistry.Stop>> recordings, List<Closing> cameras, Runnable onClose) {
        long start = time.nanoTime();
        List<RecordingRegistry.Stop> files = List.of();
        try {
            files = recordings.get();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the recordings: {}", e.toString());
        }
        List<Pending> streams = cameras.stream().map(c -> new Pending(c.name(), submit(c.close(), c.name()))).toList();
        List<Pending> writing = files.stream().map(s -> new Pending(s.camera(), s.finished())).toList();
        try {
            List<String> late = unfinished(writing, start + limits.recordings().toNanos());
            if (!late.isEmpty()) {
                warnings.accept("Recording of " + QuitGuard.names(late) + " did not finish within "
                        + seconds(limits.recordings()) + ": the wall stops without waiting (the next start repairs"
                        + " an unfinished file).");
            }
            late = unfinished(streams, start + limits.cameras().toNanos());
            if (!late.isEmpty()) {
                warnings.accept(QuitGuard.names(late) + " did not stop within "
                        + seconds(limits.cameras()) + ": the wall stops without waiting.");
            }
            long sessionStart = time.nanoTime();
            Pending session = new Pending("the demo cameras", submit(onClose, "the session's end"));
            if (!unfinished(List.of(session), sessionStart + limits.onClose().toNanos()).isEmpty()) {
                warnings.accept("Stopping the demo cameras did not end within " + seconds(limits.onClose())
                        + ": the wall stops without waiting.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warnings.accept("The wall's stop was interrupted: it stops without waiting for the recordings and cameras.");
            return;
        }
        LOG.info("Stopped {} camera(s) in {} ms; {} recording(s) were still finishing their files when it began",
                streams.size(), TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - start), writing.size());
    }

    private record Pending(String name, Future<?> work) {
    }

    private CompletableFuture<Void> submit(Runnable task, String name) {
        try {
            return CompletableFuture.runAsync(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.debug("closing {}", name, e); // it is stopping anyway; nothing to tell the user
                }
            }, closers);
        } catch (RejectedExecutionException e) {
            LOG.debug("closing {}: the closers are gone", name);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Waits until all are done or {@link #time} reaches {@code deadline}; returns the names of those not done. */
    private List<String> unfinished(List<Pending> all, long deadline) throws InterruptedException {
        while (true) {
            List<Pending> open = all.stream().filter(p -> !p.work().isDone()).toList();
            if (open.isEmpty() || time.nanoTime() - deadline >= 0) {
                return open.stream().map(Pending::name).toList();
            }
            try {
                open.get(0).work().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // done with an error (it stops anyway), or not yet: look again
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
