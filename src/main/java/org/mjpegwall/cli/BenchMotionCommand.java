package org.mjpegwall.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.motion.DcThumbnailDecoder;
import org.mjpegwall.motion.FrameTap;
import org.mjpegwall.motion.GreyImage;
import org.mjpegwall.motion.ImageIoThumbnailDecoder;
import org.mjpegwall.motion.MotionAnalyser;
import org.mjpegwall.motion.MotionPool;
import org.mjpegwall.motion.MotionSettings;
import org.mjpegwall.motion.ThumbnailDecoder;
import org.mjpegwall.motion.TurboThumbnailDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-motion}: the CPU cost of analysing N cameras for motion, as the difference between two
 * runs of the same frame feed in this process, one without and one with analysers.
 */
@Command(name = "bench-motion", mixinStandardHelpOptions = true,
        description = {"Measure the CPU cost of motion analysis: N simulated cameras feed camera-like JPEGs, first to "
                + "subscribers that only keep the newest frame (baseline), then to motion analysers; prints the "
                + "difference in cores, for each size."})
public final class BenchMotionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "16", description = "Cameras. Default: ${DEFAULT-VALUE}.")
    int cameras;

    @Option(names = "--fps", paramLabel = "FPS", defaultValue = "15", description = "Camera frame rate. Default: ${DEFAULT-VALUE}.")
    int fps;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "5", description = "Analyses per second per camera. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--sizes", paramLabel = "WxH", split = ",", defaultValue = "640x480,1920x1080",
            converter = ServeSupport.SizeConverter.class, description = "Frame sizes, one run each. Default: ${DEFAULT-VALUE}.")
    List<ServeSupport.Size> sizes;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Length of each run. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--jpegs", paramLabel = "DIR",
            description = "Use the .jpg files in DIR (for example cut from a real camera with ffmpeg) instead of generated frames; --sizes is then ignored.")
    Path jpegs;

    @Option(names = "--decoders", paramLabel = "D", split = ",", defaultValue = "dc,turbo",
            description = "Thumbnail decoders to measure: dc (Java, DC coefficients), turbo (libjpeg-turbo at 1/8 scale). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> decoders;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: as the wall, half the processors, 1..4).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cameras < 1 || cameras > 256 || fps < 1 || fps > 120 || !(seconds >= 1) || !(rate >= 0.1 && rate <= 30)
                || (threads != null && (threads < 1 || threads > 16))) {
            return CliErrors.fail(err, "bench-motion", 2,
                    "need 1..256 cameras, 1..120 fps, a rate of 0.1..30, 1..16 threads and at least 1 second");
        }
        for (String d : decoders) {
            if (!d.equals("dc") && !d.equals("turbo")) {
                return CliErrors.fail(err, "bench-motion", 2, "unknown decoder \"" + d + "\" (dc or turbo)");
            }
        }
        if (decoders.contains("turbo") && !JpegDecoders.turboAvailable()) {
            err.println("bench-motion: libjpeg-turbo is not available (" + JpegDecoders.unavailableReason()
                    + "); measuring the DC decoder only");
            err.flush();
            decoders = decoders.stream().filter(d -> !d.equals("turbo")).toList();
        }
        out.printf(Locale.ROOT, "bench-motion: %d cameras at %d fps, each analysed up to %s times a second, %s s per run%n",
                cameras, fps, CliNumbers.plain(rate), CliNumbers.plain(seconds));
        out.println("(CPU time of this process, both runs in the same JVM; other load on the machine adds noise)");
        out.flush();
        List<List<byte[]>> sets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (jpegs != null) {
            List<byte[]> files = MotionBenchFrames.fromFolder(jpegs, 300);
            if (files.isEmpty()) {
                return CliErrors.fail(err, "bench-motion", 2, "no .jpg files in " + jpegs);
            }
            sets.add(files);
            names.add(jpegs.getFileName() + " (" + files.size() + " files)");
        } else {
            for (ServeSupport.Size s : sizes) {
                sets.add(MotionBenchFrames.generate(s.width(), s.height(), 2 * fps, 7));
                names.add(s.toString());
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            benchOne(names.get(i), sets.get(i), out);
        }
        return 0;
    }

    private void benchOne(String name, List<byte[]> frames, PrintWriter out) throws Exception {
        byte[] sample = frames.get(frames.size() / 2);
        GreyImage thumb = new DcThumbnailDecoder().decode(sample, 0, sample.length, null);
        double kb = frames.stream().mapToInt(f -> f.length).average().orElse(0) / 1024;
        out.printf(Locale.ROOT, "%s: %.0f kB per frame, thumbnail %dx%d%n", name, kb, thumb.width(), thumb.height());
        out.flush();
        run(frames, Math.min(2, seconds), null); // warm-up: JIT compiles both paths before they are measured
        for (String d : decoders) {
            run(frames, Math.min(3, seconds), d);
        }
        double dc = msPerFrame(frames, new DcThumbnailDecoder(null));
        double full = msPerFrame(frames, (data, off, len, reuse) -> {
            ImageIO.read(new ByteArrayInputStream(data, off, len));
            return reuse;
        });
        double fallback = msPerFrame(frames, new ImageIoThumbnailDecoder());
        out.printf(Locale.ROOT, "  one frame, CPU time of one thread: DC thumbnail %.2f ms; ImageIO full decode %.2f ms (%.1fx); "
                + "ImageIO thumbnail (the fallback) %.2f ms%n", dc, full, full / dc, fallback);
        if (decoders.contains("turbo")) {
            try (TurboThumbnailDecoder turbo = new TurboThumbnailDecoder()) {
                double t = msPerFrame(frames, turbo);
                out.printf(Locale.ROOT, "  one frame, CPU time of one thread: libjpeg-turbo 1/8 grey %.2f ms (%.1fx faster than DC)%n",
                        t, dc / t);
            }
        }
        out.flush();
        Result base = run(frames, seconds, null);
        out.printf(Locale.ROOT, "  %-26s %.3f cores; %d frames fed%n", "baseline (no analysis)", base.cores, base.fed);
        double target = name.equals("1920x1080") ? 0.25 : 0.10;
        boolean judged = cameras == 16 && Math.abs(rate - 5) < 1e-9 && (name.equals("640x480") || name.equals("1920x1080"));
        for (String d : decoders) {
            Result analysing = run(frames, seconds, d);
            double cost = analysing.cores - base.cores;
            String label = d.equals("dc") ? "analysing, DC decoder" : "analysing, libjpeg-turbo";
            out.printf(Locale.ROOT, "  %-26s %.3f cores; %d frames fed, %.1f analyses/s, %d undecodable; analysis threads %.3f cores%n",
                    label, analysing.cores, analysing.fed, analysing.analysesPerSecond, analysing.errors,
                    analysing.threadCores);
            out.printf(Locale.ROOT, "  cost of analysis (%s): %.3f cores for %d cameras (%.4f per camera; %.2f ms CPU per analysis)%s%n",
                    d, cost, cameras, cost / cameras, analysing.threadCores * 1000 / Math.max(1e-9, analysing.analysesPerSecond),
                    judged ? String.format(Locale.ROOT, "; target <= %.2f: %s", target, cost <= target ? "met" : "NOT met") : "");
            double expected = Math.min(rate, fps) * cameras;
            if (analysing.analysesPerSecond < 0.9 * expected) {
                // The pool fell behind (a busy machine): fewer analyses ran, so the cost above is for fewer.
                double scaled = cost * expected / Math.max(1e-9, analysing.analysesPerSecond);
                out.printf(Locale.ROOT, "  (only %.1f of %.0f analyses/s ran, the machine is busy: at the full rate about %.3f cores%s)%n",
                        analysing.analysesPerSecond, expected, scaled, judged
                                ? String.format(Locale.ROOT, "; target <= %.2f: %s", target, scaled <= target ? "met" : "NOT met")
                                : "");
            }
            out.flush();
        }
    }

    private record Result(double cores, long fed, double analysesPerSecond, long errors, double threadCores) {
    }

    /** Feeds every camera for {@code secs}, with analysers on the decoder ({@code null}: none); returns the process CPU in cores. */
    private Result run(List<byte[]> frames, double secs, String decoder) throws Exception {
        boolean analyse = decoder != null;
        List<CopyOnWriteArrayList<Consumer<Frame>>> taps = new ArrayList<>();
        List<AutoCloseable> subscriptions = new ArrayList<>();
        List<MotionAnalyser> analysers = new ArrayList<>();
        MotionPool pool = analyse ? (threads == null ? MotionPool.withDefaultSize() : new MotionPool(threads)) : null;
        MotionSettings settings = MotionSettings.DEFAULTS.withAnalysesPerSecond(rate);
        for (int c = 0; c < cameras; c++) {
            CopyOnWriteArrayList<Consumer<Frame>> subscribers = new CopyOnWriteArrayList<>();
            taps.add(subscribers);
            FrameTap tap = listener -> {
                subscribers.add(listener);
                return () -> subscribers.remove(listener);
            };
            if (analyse) {
                analysers.add(MotionAnalyser.builder("bench-" + c, tap, pool).settings(settings)
                        .decoder(decoder.equals("turbo") ? new TurboThumbnailDecoder() : new DcThumbnailDecoder())
                        .start());
            } else {
                // What the analyser's listener does for every frame, without the analysis.
                AtomicReference<Frame> newest = new AtomicReference<>();
                AtomicLong replaced = new AtomicLong();
                subscriptions.add(tap.subscribe(f -> {
                    if (newest.getAndSet(f) != null) {
                        replaced.incrementAndGet();
                    }
                }));
            }
        }
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-motion-feed");
            t.setDaemon(true);
            return t;
        });
        AtomicLong tick = new AtomicLong();
        long cpu0 = ThisProcess.cpuNanos();
        long pool0 = pool == null ? 0 : pool.cpuNanos();
        long t0 = System.nanoTime();
        feeder.scheduleAtFixedRate(() -> {
            long n = tick.getAndIncrement();
            long now = System.nanoTime();
            long wall = System.currentTimeMillis();
            for (int c = 0; c < taps.size(); c++) {
                Frame f = new Frame(frames.get((int) ((n + 3L * c) % frames.size())), n, wall, now);
                for (Consumer<Frame> s : taps.get(c)) {
                    s.accept(f);
                }
            }
        }, 0, 1_000_000_000L / fps, TimeUnit.NANOSECONDS);
        Thread.sleep(Math.round(secs * 1000));
        feeder.shutdown();
        feeder.awaitTermination(5, TimeUnit.SECONDS);
        long wallNanos = System.nanoTime() - t0;
        long cpu = ThisProcess.cpuNanos() - cpu0;
        long poolCpu = pool == null ? 0 : pool.cpuNanos() - pool0;
        long analysed = 0;
        long errors = 0;
        for (MotionAnalyser a : analysers) {
            a.close();
            analysed += a.stats().analysed();
            errors += a.stats().decodeErrors();
        }
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
        if (pool != null) {
            pool.close();
        }
        return new Result((double) cpu / wallNanos, tick.get() * cameras, analysed / (wallNanos / 1e9), errors,
                (double) poolCpu / wallNanos);
    }

    /** Mean CPU time of one decode on this thread (not wall time: other load on the machine would count), after a warm-up. */
    private static double msPerFrame(List<byte[]> frames, ThumbnailDecoder decoder) throws IOException {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        GreyImage reuse = null;
        int rounds = Math.max(30, Math.min(300, (int) (8_000_000L / frames.get(0).length)));
        for (int i = 0; i < rounds; i++) {
            byte[] f = frames.get(i % frames.size());
            reuse = decoder.decode(f, 0, f.length, reuse);
        }
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            byte[] f = frames.get(i % frames.size());
            reuse = decoder.decode(f, 0, f.length, reuse);
        }
        return (mx.getCurrentThreadCpuTime() - t0) / 1e6 / rounds;
    }
}
