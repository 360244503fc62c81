package org.mjpegwall.cli;

import org.mjpegwall.util.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.motion.Box;
import org.mjpegwall.motion.EventLog;
import org.mjpegwall.motion.EventRetention;
import org.mjpegwall.motion.Mask;
import org.mjpegwall.motion.MotionAnalyser;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.MotionListener;
import org.mjpegwall.motion.MotionListeners;
import org.mjpegwall.motion.MotionPool;
import org.mjpegwall.motion.MotionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code motion URL}: watches one camera for motion and prints each event when it ends. */
@Command(name = "motion", mixinStandardHelpOptions = true,
        description = {"Watch one camera for motion and print each event when it ends (and one still open at exit).",
            "Times are seconds since the first frame. With --json: one JSON object per line per event, then a summary line."})
public final class MotionCommand implements Callable<Integer> {
    private static final int BUFFER_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    CameraLogin login;

    @Parameters(index = "0", paramLabel = "URL", description = "The camera's MJPEG stream, http:// or https://.")
    String url;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop S seconds after the first frame (default: at Ctrl-C).")
    Double seconds;

    @Option(names = "--json", description = "One JSON object per line for each event, then a summary line.")
    boolean json;

    @Option(names = "--sensitivity", paramLabel = "1..100", defaultValue = "50",
            description = "How small a change of brightness counts; 100 = the smallest. Default: ${DEFAULT-VALUE}.")
    int sensitivity;

    @Option(names = "--min-area", paramLabel = "PERCENT", defaultValue = "0.2",
            description = "Percent of the picture that must change for motion. Default: ${DEFAULT-VALUE}.")
    double minAreaPercent;

    @Option(names = "--mask", paramLabel = "AREA",
            description = "Ignore motion in this area (repeatable): x,y,w,h for a rectangle or x1,y1;x2,y2;x3,y3;... "
                    + "for a polygon, in fractions 0..1 of the picture from its top-left corner.")
    List<String> masks = new ArrayList<>();

    @Option(names = "--gap", paramLabel = "S", defaultValue = "5",
            description = "Seconds without motion that end an event. Default: ${DEFAULT-VALUE}.")
    double gap;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "5",
            description = "Analyses per second at most. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--events", paramLabel = "DIR", description = "Also keep the event log (JSON lines and key frames) in DIR.")
    Path eventsDir;

    @Option(names = "--give-up-after", paramLabel = "S", defaultValue = "30",
            description = "Give up if no frame has arrived S seconds after the start. Default: ${DEFAULT-VALUE}.")
    double giveUpAfter;

    private final Object printLock = new Object();
    private final AtomicInteger printed = new AtomicInteger();
    private final AtomicLong firstNanos = new AtomicLong();
    /** The thread that closes the analyser at exit: an event it ends was still open. */
    private volatile Thread closer;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LibraryLog.quietClient();
        URI uri = RecordCommand.parseUrl(url);
        if (uri == null) {
            return fail(err, 2, "not an http:// or https:// URL: " + Secrets.redact(url));
        }
        if (login.problem() != null) {
            return fail(err, 2, login.problem());
        }
        if (seconds != null && !(seconds > 0)) {
            return fail(err, 2, "--seconds must be positive");
        }
        MotionSettings settings;
        try {
            List<Mask> parsed = new ArrayList<>();
            for (String m : masks) {
                parsed.add(Mask.parse(m));
            }
            settings = MotionSettings.DEFAULTS.withSensitivity(sensitivity).withMinArea(minAreaPercent / 100)
                    .withMasks(parsed).withEventGapSeconds(gap).withAnalysesPerSecond(rate);
        } catch (IllegalArgumentException e) {
            return fail(err, 2, e.getMessage());
        }
        EventLog log = null;
        if (eventsDir != null) {
            try {
                log = EventLog.open(eventsDir, EventRetention.NONE);
            } catch (IOException e) {
                return fail(err, 1, "cannot open the event log in " + eventsDir + ": " + e.getMessage());
            }
        }
        MjpegClient client = login.applyTo(MjpegClient.builder(uri).threadName("motion-client")
                .maxFrameSize(BUFFER_BYTES)).build();
        CameraFeed feed = new CameraFeed(client, BUFFER_BYTES, 4);
        MotionListeners listeners = new MotionListeners();
        listeners.add(printer());
        if (log != null) {
            listeners.add(log);
        }
        CountDownLatch firstFrame = new CountDownLatch(1);
        AutoCloseable clock = feed.subscribe(f -> {
            if (firstNanos.compareAndSet(0, f.arrivalNanos())) {
                firstFrame.countDown();
            }
        });
        MotionPool pool = new MotionPool(1);
        MotionAnalyser analyser = MotionAnalyser.builder("cli", feed::subscribe, pool).name(client.redactedUrl())
                .settings(settings).listener(listeners).start();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "motion-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        feed.start();
        err.println("Watching " + client.redactedUrl() + " for motion" + (seconds == null ? " (Ctrl-C to stop)" : ""));
        err.flush();

        String problem = null;
        if (!firstFrame.await(Math.round(giveUpAfter * 1000), TimeUnit.MILLISECONDS) && stop.getCount() > 0) {
            String why = feed.stats().lastError();
            problem = CliErrors.gaveUp(giveUpAfter, why);
        } else if (seconds != null) {
            long left = firstNanos.get() + Math.round(seconds * 1e9) - System.nanoTime();
            stop.await(Math.max(0, left), TimeUnit.NANOSECONDS);
        } else {
            stop.await();
        }
        closer = Thread.currentThread();
        analyser.close(); // an open event is reported (and printed as open) here
        try {
            clock.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        feed.close();
        pool.close();
        if (log != null) {
            log.close();
        }
        MotionAnalyser.Stats s = analyser.stats();
        double ran = firstNanos.get() == 0 ? 0 : (System.nanoTime() - firstNanos.get()) / 1e9;
        printSummary(s, ran);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what stopped us
        }
        int code = problem != null ? fail(err, 1, problem) : 0;
        reported.countDown();
        return code;
    }

    private MotionListener printer() {
        return new MotionListener() {
            @Override
            public void eventStarted(MotionEvent e) {
                if (!json) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.printf(Locale.ROOT, "%.1f s: motion%n", since(e.startNanos()));
                    err.flush();
                }
            }

            @Override
            public void eventEnded(MotionEvent e) {
                printEvent(e, Thread.currentThread() == closer);
            }
        };
    }

    private double since(long nanos) {
        return (nanos - firstNanos.get()) / 1e9;
    }

    private void printEvent(MotionEvent e, boolean open) {
        PrintWriter out = spec.commandLine().getOut();
        synchronized (printLock) {
            int n = printed.incrementAndGet();
            double start = since(e.startNanos());
            double end = since(e.endNanos());
            Box b = e.peakBox();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "event");
                m.put("start", round(start, 3));
                m.put("end", round(end, 3));
                m.put("peak", round(e.peakScore(), 6));
                m.put("area", round(e.peakArea(), 6));
                m.put("box", b == null ? null : new double[] {round(b.x(), 4), round(b.y(), 4), round(b.width(), 4),
                        round(b.height(), 4)});
                m.put("open", open);
                out.println(toJson(m));
            } else {
                out.printf(Locale.ROOT, "event %d: %.1f s - %.1f s (%.1f s)%s, peak score %.4f, area %.2f %%%s%n", n,
                        start, end, end - start, open ? ", still going at exit" : "", e.peakScore(),
                        e.peakArea() * 100, b == null ? ""
                                : String.format(Locale.ROOT, ", at x=%.2f y=%.2f w=%.2f h=%.2f", b.x(), b.y(),
                                        b.width(), b.height()));
            }
            out.flush();
        }
    }

    private void printSummary(MotionAnalyser.Stats s, double ran) {
        PrintWriter out = spec.commandLine().getOut();
        synchronized (printLock) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "summary");
                m.put("events", printed.get());
                m.put("seconds", round(ran, 3));
                m.put("frames", s.frames());
                m.put("analysed", s.analysed());
                m.put("skipped", s.skipped());
                m.put("decodeErrors", s.decodeErrors());
                out.println(toJson(m));
            } else {
                out.printf(Locale.ROOT, "%d event(s) in %.1f s; %d frames, %d analysed, %d undecodable%s%n",
                        printed.get(), ran, s.frames(), s.analysed(), s.decodeErrors(),
                        s.lastError() == null ? "" : " (last: " + s.lastError() + ")");
            }
            out.flush();
        }
    }

    private static String toJson(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static int fail(PrintWriter err, int code, String message) {
        return CliErrors.fail(err, "motion", code, message);
    }
}
