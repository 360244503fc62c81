package org.mjpegwall.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mjpegwall.demo.PhotoFrames;
import org.mjpegwall.frame.decode.Decoded;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;
import org.mjpegwall.ui.render.HandoffBench;
import org.mjpegwall.ui.render.TodaysDecode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-decode}: per-frame decode cost of the wall's decoder today (JavaFX {@code Image} at the tile's
 * size, then {@code getPixels} into BGRA) against libjpeg-turbo (DCT-scaled straight into BGRA), and the ImageIO
 * fallback, on photo-like frames, in one run; then the cost of handing decoded pixels to JavaFX.
 */
@Command(name = "bench-decode", mixinStandardHelpOptions = true,
        description = {"Measures, in one run, the CPU time per decoded frame of today's JavaFX decode and of "
                + "libjpeg-turbo (and the ImageIO fallback) at 640x480 and 1920x1080, full size, 1/2, 1/4, 1/8 and a "
                + "tile's size; then (with a display) what it costs to hand the pixels to JavaFX: setPixels against "
                + "a double-buffered PixelBuffer."})
final class BenchDecodeCommand implements Callable<Integer> {
    private static final int ROUNDS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--decodes", paramLabel = "N", defaultValue = "200",
            description = "Decodes per case and decoder, in " + ROUNDS + " interleaved rounds (default ${DEFAULT-VALUE}).")
    int decodes;

    @Option(names = "--fallback", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the ImageIO fallback (default: ${DEFAULT-VALUE}).")
    boolean fallback;

    @Option(names = "--handoff-seconds", paramLabel = "S", defaultValue = "8",
            description = "Seconds per handoff run; 0 skips the handoff part (default ${DEFAULT-VALUE}).")
    int handoffSeconds;

    @Option(names = "--handoff-rounds", paramLabel = "N", defaultValue = "2",
            description = "Rounds of the handoff runs, in alternating order (default ${DEFAULT-VALUE}).")
    int handoffRounds;

    /** One decoder under test: returns the decoded width and height. */
    private interface Decode {
        int[] run(byte[] jpeg, int maxWidth, int maxHeight) throws Exception;
    }

    private record Case(String label, int maxWidth, int maxHeight) {
    }

    private record Cost(double cpuMs, double wallMs, String size) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (decodes < ROUNDS || handoffSeconds < 0 || handoffRounds < 1) {
            spec.commandLine().getErr().println("bench-decode: --decodes must be at least " + ROUNDS
                    + ", --handoff-seconds at least 0 and --handoff-rounds at least 1");
            return 2;
        }
        boolean turbo = JpegDecoders.turboAvailable();
        out.printf(Locale.ROOT, "bench-decode: CPU ms per decoded frame, one thread, median of %d interleaved rounds "
                + "(%d decodes per case and decoder); %d CPUs%n", ROUNDS, decodes,
                Runtime.getRuntime().availableProcessors());
        out.println(turbo ? "libjpeg-turbo: loaded" : "libjpeg-turbo: unavailable (" + JpegDecoders.unavailableReason() + ")");
        out.flush();
        TodaysDecode today = new TodaysDecode();
        OutputBuffer turboOut = new OutputBuffer();
        OutputBuffer javaOut = new OutputBuffer();
        try (JpegDecoder turboDecoder = turbo ? JpegDecoders.open() : null;
                JpegDecoder javaDecoder = JpegDecoders.openJava()) {
            List<Decode> decoders = new ArrayList<>();
            List<String> names = new ArrayList<>();
            decoders.add((f, w, h) -> today.decode(f, f.length, w, h));
            names.add("JavaFX (today)");
            if (turbo) {
                decoders.add((f, w, h) -> size(turboDecoder.decode(f, 0, f.length, w, h, PixelLayout.BGRA, turboOut)));
                names.add("libjpeg-turbo");
            }
            if (fallback) {
                decoders.add((f, w, h) -> size(javaDecoder.decode(f, 0, f.length, w, h, PixelLayout.BGRA, javaOut)));
                names.add("ImageIO fallback");
            }
            out.printf(Locale.ROOT, "%n%-10s %-14s", "frame", "asked for");
            for (String n : names) {
                out.printf(Locale.ROOT, " %-22s", n);
            }
            out.printf(Locale.ROOT, "%s%n", turbo ? " today/turbo" : "");
            for (int[] size : new int[][] {{640, 480}, {1920, 1080}}) {
                List<byte[]> frames = PhotoFrames.make(size[0], size[1], 4);
                int tileW = size[0] == 640 ? 240 : 480;
                int tileH = size[0] == 640 ? 180 : 270;
                List<Case> cases = List.of(new Case("full", 0, 0),
                        new Case("1/2", size[0] / 2, size[1] / 2), new Case("1/4", size[0] / 4, size[1] / 4),
                        new Case("1/8", size[0] / 8, size[1] / 8), new Case("tile " + tileW + "x" + tileH, tileW, tileH));
                for (Case c : cases) {
                    Cost[] costs = measure(decoders, frames, c);
                    out.printf(Locale.ROOT, "%-10s %-14s", size[0] + "x" + size[1], c.label());
                    for (Cost cost : costs) {
                        out.printf(Locale.ROOT, " %6.2f ms %-12s", cost.cpuMs(), cost.size());
                    }
                    if (turbo) {
                        out.printf(Locale.ROOT, " %5.1fx", costs[0].cpuMs() / costs[1].cpuMs());
                    }
                    out.println();
                    out.flush();
                }
                out.printf(Locale.ROOT, "  (%dx%d frames: %d KB on average, photo-like, 4:2:0, quality 0.85)%n",
                        size[0], size[1], frames.stream().mapToInt(f -> f.length).sum() / frames.size() / 1024);
            }
        }
        out.println("libjpeg-turbo decodes at the DCT scale whose picture covers the size asked for (never scaling in "
                + "Java); JavaFX scales to the exact size.");
        out.flush();
        if (handoffSeconds > 0) {
            handoff(out);
        }
        out.println("Figures vary with machine load; compare figures of the same run.");
        out.flush();
        return 0;
    }

    private static int[] size(Decoded d) {
        return new int[] {d.width(), d.height()};
    }

    /** Per decoder: the median over rounds of the mean CPU and wall time per decode. */
    private Cost[] measure(List<Decode> decoders, List<byte[]> frames, Case c) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perRound = Math.max(1, decodes / ROUNDS);
        double[][] cpu = new double[decoders.size()][ROUNDS];
        double[][] wall = new double[decoders.size()][ROUNDS];
        String[] sizes = new String[decoders.size()];
        for (int d = 0; d < decoders.size(); d++) { // warm-up, and the size each decodes to
            for (int i = 0; i < Math.min(50, perRound * 2); i++) {
                int[] s = decoders.get(d).run(frames.get(i % frames.size()), c.maxWidth(), c.maxHeight());
                sizes[d] = s == null ? "failed" : s[0] + "x" + s[1];
            }
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (int d = 0; d < decoders.size(); d++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    decoders.get(d).run(frames.get(i % frames.size()), c.maxWidth(), c.maxHeight());
                }
                wall[d][r] = (System.nanoTime() - t0) / 1e6 / perRound;
                cpu[d][r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / perRound;
            }
        }
        Cost[] costs = new Cost[decoders.size()];
        for (int d = 0; d < decoders.size(); d++) {
            costs[d] = new Cost(median(cpu[d]), median(wall[d]), sizes[d]);
        }
        return costs;
    }

    private void handoff(PrintWriter out) throws Exception {
        out.printf(Locale.ROOT, "%nHanding decoded BGRA pixels to JavaFX at 30 fps per tile, 1280x720 window "
                + "(%d s per run, %d rounds; process CPU above the still baseline, per picture handed over):%n",
                handoffSeconds, handoffRounds);
        out.flush();
        for (int[] cfg : new int[][] {{16, 320, 240}, {1, 1920, 1080}}) {
            List<HandoffBench.Result> results;
            try {
                results = HandoffBench.run(cfg[0], cfg[1], cfg[2], 30, handoffSeconds, handoffRounds, 1280, 720);
            } catch (UnsupportedOperationException | IllegalStateException e) {
                out.println("  skipped: needs a display (on a server run it under xvfb-run -a): " + e.getMessage());
                return;
            }
            out.printf(Locale.ROOT, "  %d tile%s of %dx%d:%n", cfg[0], cfg[0] == 1 ? "" : "s", cfg[1], cfg[2]);
            double still = mean(results, HandoffBench.Mode.STILL, HandoffBench.Result::cpuCores);
            String best = null;
            double bestMs = Double.MAX_VALUE;
            for (HandoffBench.Mode m : HandoffBench.Mode.values()) {
                double cores = mean(results, m, HandoffBench.Result::cpuCores);
                double rate = mean(results, m, HandoffBench.Result::updatesPerSecond);
                double fx = mean(results, m, HandoffBench.Result::fxMsPerUpdate);
                double render = mean(results, m, HandoffBench.Result::renderCores);
                if (m == HandoffBench.Mode.STILL) {
                    out.printf(Locale.ROOT, "    %-55s %5.2f cores%n", m.description(), cores);
                    continue;
                }
                double perUpdate = rate == 0 ? Double.NaN : (cores - still) * 1000 / rate;
                out.printf(Locale.ROOT,
                        "    %-55s %5.2f cores, %6.1f pictures/s, %6.3f ms CPU each (FX thread %.3f ms, render thread %.3f ms)%n",
                        m.description(), cores, rate, perUpdate, fx, rate == 0 ? Double.NaN : render * 1000 / rate);
                if (perUpdate < bestMs) {
                    bestMs = perUpdate;
                    best = m.description();
                }
            }
            out.printf(Locale.ROOT, "    cheapest: %s%n", best);
            out.flush();
        }
        HandoffBench.exit();
    }

    private static double mean(List<HandoffBench.Result> results, HandoffBench.Mode mode,
            java.util.function.ToDoubleFunction<HandoffBench.Result> f) {
        return results.stream().filter(r -> r.mode() == mode).mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
