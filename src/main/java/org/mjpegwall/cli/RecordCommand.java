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
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.RecordingStatus;
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
            "The first file is exactly FILE.avi; every --segment-minutes a new one starts: FILE-002.avi, FILE-003.avi, ..."})
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

        Recorder recorder;
        try {
            recorder = Recorder.start(RecordingOptions.toFile(out)
                    .withSegmentLength(Duration.ofMillis(Math.round(segmentMinutes * 60_000))), new RecordingRegistry());
        } catch (IOException | IllegalArgumentException e) {
            return fail(err, 1, e.getMessage());
        }

        MjpegClient client = login.applyTo(MjpegClient.builder(uri).threadName("record-client").maxFrameSize(BUFFER_BYTES))
                .build();
        CameraFeed feed = new CameraFeed(client, BUFFER_BYTES, BUFFERS);
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
        err.println("Recording " + client.redactedUrl() + " to " + out.toAbsolutePath() + " (Ctrl-C to stop)");
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
            err.println(progress(s, cs));
            err.flush();
            if (s.state() == RecordingStatus.State.FAILED) {
                problem = s.lastError();
                break;
            }
            if (firstFrameNanos.get() == 0 && System.nanoTime() - start > giveUpAfter * 1e9) {
                problem = "no frame from the camera in " + fmt(giveUpAfter) + " s"
                        + (cs.lastError() != null ? ": " + cs.lastError() : "");
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
        int code = problem != null ? fail(err, 1, problem) : 0;
        err.flush();
        reported.countDown();
        return code;
    }

    private static void finish(AutoCloseable subscription, CameraFeed feed, Recorder recorder) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        feed.close();
        recorder.stop();
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
        err.println("record: " + message);
        err.flush();
        return code;
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

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
