package org.mjpegwall.cli;

import org.mjpegwall.util.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.motion.MotionSettings;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.record.OnMotionOptions;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.RecordingStatus;
import org.mjpegwall.record.TriggeredRecorder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code record}: records an MJPEG stream into AVI files, frames unchanged, for a time, a count, or until Ctrl-C. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record an MJPEG stream into AVI files (MJPG, the JPEG frames unchanged) until the limit or Ctrl-C.",
            "The first file is exactly FILE.avi; every --segment-minutes a new one starts: FILE-002.avi, FILE-003.avi, ...",
            "With --on-motion only around motion: one file per event, from --pre-seconds before it to --post-seconds after."})
public final class RecordCommand implements Callable<Integer> {
    /** Largest frame accepted from the camera; bigger ones are discarded by the client. */
    private static final int BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int BUFFERS = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    CameraLogin login;

    @Parameters(index = "0", paramLabel = "URL", description = "The camera's MJPEG stream, http:// or https://.")
    String url;

    @Option(names = "--out", required = true, paramLabel = "FILE.avi", description = "The first file; must not exist yet.")
    Path out;

    @ArgGroup(exclusive = true)
    Limit limit = new Limit();

    static final class Limit {
        @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds of recording.")
        Double seconds;

        @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames.")
        Long frames;
    }

    @Option(names = "--segment-minutes", paramLabel = "M", defaultValue = "10",
            description = "Start a new file every M minutes. Default: ${DEFAULT-VALUE}.")
    double segmentMinutes;

    @Option(names = "--on-motion", description = "Record only around motion (a quiet camera leaves no file).")
    boolean onMotion;

    @Option(names = "--pre-seconds", paramLabel = "P", defaultValue = "5",
            description = "With --on-motion: start P seconds before the motion. Default: ${DEFAULT-VALUE}.")
    double preSeconds;

    @Option(names = "--post-seconds", paramLabel = "Q", defaultValue = "10",
            description = "With --on-motion: go on Q seconds after the last motion. Default: ${DEFAULT-VALUE}.")
    double postSeconds;

    @Option(names = "--give-up-after", paramLabel = "S", defaultValue = "30",
            description = "Give up if no frame has arrived S seconds after the start. Default: ${DEFAULT-VALUE}.")
    double giveUpAfter;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        URI uri = parseUrl(url);
        if (uri == null) {
            return fail(err, 2, "not an http:// or https:// URL: " + Secrets.redact(url));
        }
        if (limit.seconds != null && !(limit.seconds > 0)) {
            return fail(err, 2, "--seconds must be positive");
        }
        if (limit.frames != null && limit.frames <= 0) {
            return fail(err, 2, "--frames must be positive");
        }
        if (!(segmentMinutes * 60 >= 1)) {
            return fail(err, 2, "--segment-minutes must be at least 1/60 (one second)");
        }
        if (login.problem() != null) {
            return fail(err, 2, login.problem());
        }
        OnMotionOptions motionOptions;
        try {
            motionOptions = OnMotionOptions.DEFAULTS.withPreRoll(Duration.ofMillis(Math.round(preSeconds * 1000)))
                    .withPostRoll(Duration.ofMillis(Math.round(postSeconds * 1000)));
        } catch (IllegalArgumentException e) {
            return fail(err, 2, "--pre-seconds must be 0..300 and --post-seconds 0..3600");
        }

        RecordingOptions options = RecordingOptions.toFile(out)
                .withSegmentLength(Duration.ofMillis(Math.round(segmentMinutes * 60_000)));
        Recorder plain = null;
        TriggeredRecorder triggered = null;
        try {
            if (onMotion) {
                triggered = TriggeredRecorder.start(options, motionOptions, new RecordingRegistry(), null);
            } else {
                plain = Recorder.start(options, new RecordingRegistry());
            }
        } catch (IOException | IllegalArgumentException e) {
            return fail(err, 1, e.getMessage());
        }
        Sink recorder = new Sink(plain, triggered);

        MjpegClient client = login.applyTo(MjpegClient.builder(uri).threadName("record-client").maxFrameSize(BUFFER_BYTES))
                .build();
        CameraFeed feed = new CameraFeed(client, BUFFER_BYTES, BUFFERS);
        recorder.motion = triggered == null ? null
                : MotionRecording.start(feed, client.redactedUrl(), triggered, MotionSettings.DEFAULTS, null);
        AtomicLong received = new AtomicLong();
        AtomicLong firstFrameNanos = new AtomicLong();
        CountDownLatch enough = new CountDownLatch(1);
        AutoCloseable subscription = feed.subscribe((Frame frame) -> {
            long n = received.incrementAndGet();
            if (limit.frames != null && n > limit.frames) {
                return;
            }
            if (n == 1) {
                firstFrameNanos.set(System.nanoTime());
            }
            recorder.accept(frame);
            if (limit.frames != null && n == limit.frames) {
                enough.countDown();
            }
        });
        // Ctrl-C or a plain kill: let the main thread finish the file and print the summary, then exit.
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            enough.countDown();
            try {
                if (!reported.await(10, TimeUnit.SECONDS)) {
                    finish(subscription, feed, recorder);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        feed.start();
        err.println((onMotion ? "Recording motion on " : "Recording ") + client.redactedUrl() + " to "
                + out.toAbsolutePath() + " (Ctrl-C to stop)");
        err.flush();

        long start = System.nanoTime();
        String problem = null;
        long nextProgress = start + 1_000_000_000L;
        while (true) {
            long now = System.nanoTime();
            long wait = nextProgress - now;
            long first = firstFrameNanos.get();
            if (first != 0 && limit.seconds != null) {
                long left = first + Math.round(limit.seconds * 1e9) - now;
                if (left <= 0) {
                    break;
                }
                wait = Math.min(wait, left);
            }
            if (enough.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                break;
            }
            if (System.nanoTime() < nextProgress) {
                continue; // woke for the time limit; the loop head checks it
            }
            nextProgress += 1_000_000_000L;
            RecordingStatus s = recorder.status();
            SourceStats cs = feed.stats();
            err.println(progress(s, cs) + recorder.clipState());
            err.flush();
            if (s.state() == RecordingStatus.State.FAILED) {
                problem = s.lastError();
                break;
            }
            if (firstFrameNanos.get() == 0 && System.nanoTime() - start > giveUpAfter * 1e9) {
                problem = CliErrors.gaveUp(giveUpAfter, cs.lastError());
                break;
            }
        }
        finish(subscription, feed, recorder);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran
        }
        RecordingStatus s = recorder.status();
        if (problem == null && s.state() == RecordingStatus.State.FAILED) {
            problem = s.lastError();
        }
        for (Path f : s.files()) {
            stdout.println(f);
        }
        stdout.flush();
        err.println(String.format(Locale.ROOT, "%d frames, %.1f MB in %d file(s)%s", s.framesWritten(),
                s.bytesWritten() / 1e6, s.files().size(),
                s.framesDropped() > 0 ? ", " + s.framesDropped() + " frames dropped (disk too slow)" : ""));
        if (triggered != null && problem == null && s.files().isEmpty()) {
            err.println("record: no motion" + (firstFrameNanos.get() != 0 ? String.format(Locale.ROOT, " in %.1f s",
                    (System.nanoTime() - firstFrameNanos.get()) / 1e9) : "") + "; no file written");
        }
        int code = problem != null ? fail(err, 1, problem) : 0;
        err.flush();
        reported.countDown();
        return code;
    }

    private static void finish(AutoCloseable subscription, CameraFeed feed, Sink recorder) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        if (recorder.motion != null) {
            recorder.motion.close();
        }
        feed.close();
        recorder.stop();
    }

    /** The recording: every frame ({@link Recorder}), or only around motion ({@link TriggeredRecorder}). */
    private static final class Sink {
        final Recorder plain;
        final TriggeredRecorder triggered;
        volatile MotionRecording motion;

        Sink(Recorder plain, TriggeredRecorder triggered) {
            this.plain = plain;
            this.triggered = triggered;
        }

        void accept(Frame f) {
            if (plain != null) {
                plain.accept(f);
            } else {
                triggered.frame(f);
            }
        }

        RecordingStatus status() {
            return plain != null ? plain.status() : triggered.status();
        }

        void stop() {
            if (plain != null) {
                plain.stop();
            } else {
                triggered.close();
            }
        }

        String clipState() {
            if (triggered == null) {
                return "";
            }
            return triggered.recording() ? "  recording clip " + triggered.clips()
                    : "  waiting for motion (" + triggered.clips() + " clip(s))";
        }
    }

    private static String progress(RecordingStatus s, SourceStats cs) {
        long secs = s.elapsed().toSeconds();
        String camera = cs.state() == SourceState.STREAMING
                ? String.format(Locale.ROOT, "camera %.1f fps", cs.fps())
                : "camera " + cs.state().name().toLowerCase(Locale.ROOT)
                        + (cs.lastError() != null ? ": " + cs.lastError() : "");
        return String.format(Locale.ROOT, "%02d:%02d:%02d  %d frames  %.1f MB  %s", secs / 3600, secs / 60 % 60,
                secs % 60, s.framesWritten(), s.bytesWritten() / 1e6, camera);
    }

    private static int fail(PrintWriter err, int code, String message) {
        return CliErrors.fail(err, "record", code, message);
    }

    /** The URL if it is http(s) with a host, else {@code null}. */
    static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
        return null;
    }
}
