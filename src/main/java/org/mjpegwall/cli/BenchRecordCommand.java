package org.mjpegwall.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.record.Recorder;
import org.mjpegwall.record.RecordingOptions;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.RecordingStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-record}: the CPU cost of recording N cameras, as the difference between two runs of
 * the same frame feed in this process, one with and one without recording.
 */
@Command(name = "bench-record", mixinStandardHelpOptions = true,
        description = "Measure the CPU cost of recording: N simulated cameras feed real JPEG frames, first to nobody "
                + "(baseline), then into recorders writing AVI files; prints the difference in %% of one core.")
public final class BenchRecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "16", description = "Cameras. Default: ${DEFAULT-VALUE}.")
    int cameras;

    @Option(names = "--fps", paramLabel = "FPS", defaultValue = "30", description = "Frames per second per camera. Default: ${DEFAULT-VALUE}.")
    int fps;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480", converter = ServeSupport.SizeConverter.class,
            description = "Frame size. Default: ${DEFAULT-VALUE}.")
    ServeSupport.Size size;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Length of each run. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--sync-seconds", paramLabel = "S", defaultValue = "1",
            description = "How often each file's headers are updated and flushed to disk. Default: ${DEFAULT-VALUE}.")
    double syncSeconds;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the recordings (default: a temporary folder, deleted after).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cameras < 1 || cameras > 256 || fps < 1 || fps > 120 || !(seconds >= 1)) {
            return CliErrors.fail(err, "bench-record", 2, "need 1..256 cameras, 1..120 fps and at least 1 second");
        }
        boolean temporary = dir == null;
        Path folder = temporary ? Files.createTempDirectory("bench-record") : dir;
        try {
            List<byte[]> frames = makeFrames(size.width(), size.height(), fps);
            double avg = frames.stream().mapToInt(f -> f.length).average().orElse(0);
            out.printf(Locale.ROOT, "bench-record: %d cameras, %s, %d fps, %.0f kB per frame (%.1f MB/s to disk), %s s per run%n",
                    cameras, size, fps, avg / 1024, avg * fps * cameras / 1e6, CliNumbers.plain(seconds));
            out.flush();

            // Warm up both paths so that JIT compilation counts against neither run.
            run(frames, Math.min(2, seconds), null, out, "warm-up (baseline)");
            Path warm = Files.createDirectories(folder.resolve("warm-up"));
            run(frames, Math.min(3, seconds), warm, out, "warm-up (recording)");
            deleteTree(warm);
            double baseline = run(frames, seconds, null, out, "baseline (no recording)");
            double recording = run(frames, seconds, folder, out, "recording");
            double cost = recording - baseline;
            out.printf(Locale.ROOT, "recording cost: %.2f%% of one core (%.3f%% per camera); target < 5%%: %s%n",
                    cost, cost / cameras, cost < 5 ? "met" : "NOT met");
            out.println("(CPU time of this process, user + system, both runs in the same JVM; "
                    + "other load on the machine adds noise)");
            out.flush();
            return 0;
        } finally {
            if (temporary) {
                deleteTree(folder);
            }
        }
    }

    /** Feeds all cameras for {@code secs}; returns the process CPU use in % of one core. */
    private double run(List<byte[]> frames, double secs, Path folder, PrintWriter out, String label)
            throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        RecordingRegistry registry = new RecordingRegistry();
        List<Consumer<Frame>> sinks = new ArrayList<>();
        AtomicLong sink = new AtomicLong();
        for (int c = 0; c < cameras; c++) {
            if (folder != null) {
                Recorder r = Recorder.start(RecordingOptions.forCamera(folder, "bench-" + (c + 1))
                        .withSyncInterval(java.time.Duration.ofMillis(Math.round(syncSeconds * 1000))), registry);
                recorders.add(r);
                sinks.add(r::accept);
            } else {
                sinks.add(f -> sink.addAndGet(f.size())); // what a consumer at least does: look at the frame
            }
        }
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-feed");
            t.setDaemon(true);
            return t;
        });
        AtomicLong seq = new AtomicLong();
        long periodNanos = 1_000_000_000L / fps;
        long cpu0 = ThisProcess.cpuNanos();
        long[] split0 = userSystemTicks();
        long t0 = System.nanoTime();
        feeder.scheduleAtFixedRate(() -> {
            long n = seq.getAndIncrement();
            byte[] jpeg = frames.get((int) (n % frames.size()));
            for (Consumer<Frame> s : sinks) {
                s.accept(new Frame(jpeg, n, System.currentTimeMillis(), System.nanoTime()));
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(Math.round(secs * 1000));
        feeder.shutdown();
        feeder.awaitTermination(5, TimeUnit.SECONDS);
        long written = 0;
        long dropped = 0;
        long bytes = 0;
        for (Recorder r : recorders) {
            r.stop();
            RecordingStatus s = r.status();
            written += s.framesWritten();
            dropped += s.framesDropped();
            bytes += s.bytesWritten();
        }
        long wall = System.nanoTime() - t0;
        long cpu = ThisProcess.cpuNanos() - cpu0;
        long[] split1 = userSystemTicks();
        double pct = 100.0 * cpu / wall;
        String split = split0 == null || split1 == null ? ""
                : String.format(Locale.ROOT, " (user %.2f%%, system %.2f%%)",
                        100.0 * (split1[0] - split0[0]) * 10_000_000 / wall,
                        100.0 * (split1[1] - split0[1]) * 10_000_000 / wall);
        if (folder != null) {
            out.printf(Locale.ROOT, "  %-24s %6.2f%% of one core%s; %d frames fed, %d written, %d dropped, %.1f MB%n",
                    label, pct, split, seq.get() * cameras, written, dropped, bytes / 1e6);
        } else {
            out.printf(Locale.ROOT, "  %-24s %6.2f%% of one core%s; %d frames fed%n", label, pct, split,
                    seq.get() * cameras);
        }
        out.flush();
        return pct;
    }

    /** Linux only: {user, system} CPU clock ticks (1/100 s) of this process from /proc, else {@code null}. */
    private static long[] userSystemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Frames that compress like a camera picture: gradients, shapes, text and sensor noise. */
    static List<byte[]> makeFrames(int width, int height, int count) {
        Random random = new Random(42);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 30); i++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(40, 60, 90), width, height, new Color(170, 150, 120)));
            g.fillRect(0, 0, width, height);
            for (int k = 0; k < 25; k++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(random.nextInt(width), random.nextInt(height), 10 + random.nextInt(width / 4),
                        10 + random.nextInt(height / 4));
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 20)));
            g.drawString("bench frame " + i, 10, height / 10);
            g.dispose();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = img.getRGB(x, y);
                    int noise = random.nextInt(17) - 8;
                    int r = clamp(((rgb >> 16) & 0xFF) + noise);
                    int gr = clamp(((rgb >> 8) & 0xFF) + noise);
                    int b = clamp((rgb & 0xFF) + noise);
                    img.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                ImageIO.write(img, "jpg", bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frames.add(bytes.toByteArray());
        }
        return frames;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
