package org.mjpegwall.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.mjpegwall.demo.PhotoFrames;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;
import org.mjpegwall.record.AviWriter;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.review.Player;
import org.mjpegwall.review.RecordingIndex;
import org.mjpegwall.review.Timeline;
import org.mjpegwall.ui.render.FxThread;
import org.mjpegwall.ui.render.PlaybackDecoder;
import org.mjpegwall.ui.render.TileDecoding;
import org.mjpegwall.util.TimeSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-review}: (a) seeking into a long 640×480@15 recording (10-minute segments, as the recorder writes
 * them): the first open (index build), a second open (cached), and the time from a moment to its frame's bytes at
 * random moments, against reading the same frames in file order in the same run; (b) playing a 1080p@30 recording
 * at 1× through the player and the wall's decoder at a 960×540 drawn size; (c) with {@code --view} (the default), what
 * the review view adds to a seek: the frame read and decoded at the drawn size by its {@link PlaybackDecoder}. The
 * recordings are written to a
 * temporary folder first and deleted at the end.
 */
@Command(name = "bench-review", mixinStandardHelpOptions = true,
        description = {"Measures seeking into a one-hour 640x480@15 recording (cold and cached index, p50/p99 of "
                + "moment-to-frame-bytes against reading the same frames in order) and playback of a 1080p@30 "
                + "recording at 1x through the wall's decoder at 960x540 (frames decoded per second, CPU per frame).",
            "The recordings are made in a temporary folder and deleted afterwards."})
final class BenchReviewCommand implements Callable<Integer> {
    private static final int TICKS = 120;
    private static final long SECOND = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "60",
            description = "Length of the 640x480@15 recording (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--seeks", paramLabel = "N", defaultValue = "1000",
            description = "Random moments to seek to (default ${DEFAULT-VALUE}).")
    int seeks;

    @Option(names = "--play-seconds", paramLabel = "S", defaultValue = "20",
            description = "Length of the 1080p@30 recording played at 1x; 0 skips playback (default ${DEFAULT-VALUE}).")
    int playSeconds;

    @Option(names = "--view", negatable = true, defaultValue = "true",
            description = "Also measure the review view's seek (needs a display: xvfb-run). Default: ${DEFAULT-VALUE}.")
    boolean view;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the temporary recordings (default: the system's temporary folder).")
    Path parent;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (minutes < 1 || minutes > 600 || seeks < 10 || playSeconds < 0 || playSeconds > 600) {
            spec.commandLine().getErr().println("bench-review: --minutes must be 1..600, --seeks at least 10 and "
                    + "--play-seconds 0..600");
            return 2;
        }
        Path dir = parent == null ? Files.createTempDirectory("mjpeg-wall-bench-review-")
                : Files.createTempDirectory(parent, "mjpeg-wall-bench-review-");
        try {
            out.printf(Locale.ROOT, "bench-review: %d CPUs, decoder %s; recordings in %s%n",
                    Runtime.getRuntime().availableProcessors(), JpegDecoders.turboAvailable() ? "libjpeg-turbo"
                            : "ImageIO (" + JpegDecoders.unavailableReason() + ")", dir);
            out.flush();
            Timeline hour = seek(out, dir);
            if (view) {
                viewSeek(out, hour);
            }
            if (playSeconds > 0) {
                play(out, dir);
            }
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private Timeline seek(PrintWriter out, Path dir) throws IOException {
        List<byte[]> frames = synthetic(640, 480, 16);
        long t0 = System.nanoTime();
        List<Path> files = write(dir, "long", frames, 15, minutes * 60L, 10 * 60L);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out.printf(Locale.ROOT, "(a) seek: %d min of 640x480@15 (frames %.1f KB) in %d files of 10 min, %.0f MB,"
                + " written in %.1f s%n", minutes, avg(frames) / 1024, files.size(), bytes / 1e6,
                (System.nanoTime() - t0) / 1e9);
        IndexCache cache = new IndexCache(64);
        long c0 = System.nanoTime();
        Timeline cold = timeline(cache, files);
        byte[] first = cold.readFrame(cold.frameAt(cold.durationNanos() / 2));
        long coldNanos = System.nanoTime() - c0;
        Timeline warm = null;
        long[] warmOpens = new long[5];
        for (int i = 0; i < warmOpens.length; i++) {
            long w0 = System.nanoTime();
            warm = timeline(cache, files);
            warm.readFrame(warm.frameAt(warm.durationNanos() / 3));
            warmOpens[i] = System.nanoTime() - w0;
        }
        out.printf(Locale.ROOT, "    first open (index build of %d frames in %d files, files in page cache) + a frame:"
                + " %.0f ms; again (cached index, %d file reads in all) + a frame: median %.2f ms%s%n",
                warm.frameCount(), files.size(), coldNanos / 1e6, cache.reads(), pct(warmOpens, 50),
                first.length > 0 ? "" : " (no frame!)");

        Random random = new Random(13);
        long[] moments = new long[seeks];
        for (int i = 0; i < seeks; i++) {
            moments[i] = (long) (random.nextDouble() * warm.durationNanos());
        }
        // warm up the code paths, not the measured moments
        for (int i = 0; i < 200; i++) {
            warm.readFrame(warm.frameAt((long) (random.nextDouble() * warm.durationNanos())));
        }
        long[] seekTimes = new long[seeks];
        int[] hit = new int[seeks];
        long check = 0;
        for (int i = 0; i < seeks; i++) {
            long s = System.nanoTime();
            int g = warm.frameAt(moments[i]);
            byte[] jpeg = warm.readFrame(g);
            seekTimes[i] = System.nanoTime() - s;
            hit[i] = g;
            check += jpeg.length;
        }
        // Baseline: the same frames' bytes read in file order through one open channel per file.
        int[] order = hit.clone();
        Arrays.sort(order);
        long[] seqTimes = new long[seeks];
        long check2 = 0;
        FileChannel ch = null;
        RecordingIndex open = null;
        int base = 0;
        List<RecordingIndex> segs = warm.segments();
        for (int i = 0; i < seeks; i++) {
            int g = order[i];
            long s = System.nanoTime();
            RecordingIndex seg = warm.segmentOf(g);
            if (seg != open) {
                if (ch != null) {
                    ch.close();
                }
                ch = FileChannel.open(seg.file(), StandardOpenOption.READ);
                open = seg;
                base = 0;
                for (RecordingIndex r : segs) {
                    if (r == seg) {
                        break;
                    }
                    base += r.frameCount();
                }
            }
            check2 += seg.readFrame(ch, g - base).length;
            seqTimes[i] = System.nanoTime() - s;
        }
        if (ch != null) {
            ch.close();
        }
        out.printf(Locale.ROOT, "    seek to a random moment -> its frame's bytes (%d moments): p50 %.3f ms, p99 %.3f ms,"
                + " max %.3f ms%n", seeks, pct(seekTimes, 50), pct(seekTimes, 99), pct(seekTimes, 100));
        out.printf(Locale.ROOT, "    baseline, the same frames read in file order: p50 %.3f ms, p99 %.3f ms%s%n",
                pct(seqTimes, 50), pct(seqTimes, 99), check == check2 ? "" : " (bytes differ!)");
        out.flush();
        return warm;
    }

    /**
     * (c) What the review view adds to a seek: from asking its {@link PlaybackDecoder} for a moment's frame to the
     * picture handed to the FX thread (the frame read and decoded at the drawn size on the view's two decoder
     * threads), with the FX thread's pulses run back to back. The view then draws it at its next pulse.
     */
    private void viewSeek(PrintWriter out, Timeline tl) throws Exception {
        try {
            FxThread.startToolkit();
        } catch (RuntimeException | UnsatisfiedLinkError noDisplay) {
            out.println("(c) view seek: skipped, JavaFX cannot start here (" + noDisplay.getMessage()
                    + "); run under xvfb-run");
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-review-decode");
            t.setDaemon(true);
            return t;
        });
        Random random = new Random(17);
        try (TileDecoding decoding = TileDecoding.best()) {
            out.printf(Locale.ROOT, "(c) view seek: moment -> picture ready for the FX thread (frame read + decoded at the"
                    + " drawn size by the view's decoder, %s), %d moments%n", decoding.pixelBuffered()
                    ? "libjpeg-turbo into PixelBuffers" : "JavaFX Image", seeks);
            for (int[] size : new int[][] {{800, 600}, {400, 300}}) {
                PlaybackDecoder d = new PlaybackDecoder(decoding, pool);
                long[] times = new long[seeks];
                for (int i = -20; i < seeks; i++) { // the first 20 warm up (and settle the picture's size)
                    int g = tl.frameAt((long) (random.nextDouble() * tl.durationNanos()));
                    PlaybackDecoder.Want want = new PlaybackDecoder.Want("f" + g + "@" + i, () -> tl.readFrame(g));
                    long t0 = System.nanoTime();
                    while (!FxThread.onFx(() -> {
                        d.pulse(want, size[0], size[1]);
                        return want.key().equals(d.shownKey());
                    })) {
                        Thread.onSpinWait();
                    }
                    if (i >= 0) {
                        times[i] = System.nanoTime() - t0;
                    }
                }
                out.printf(Locale.ROOT, "    drawn at %dx%d: p50 %.2f ms, p99 %.2f ms, max %.2f ms; + up to one 60 Hz pulse"
                        + " (16.7 ms) until drawn%n", size[0], size[1], pct(times, 50), pct(times, 99), pct(times, 100));
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
    }

    private void play(PrintWriter out, Path dir) throws Exception {
        List<byte[]> frames = PhotoFrames.make(1920, 1080, 30);
        List<Path> files = write(dir, "hd", frames, 30, playSeconds, 600);
        out.printf(Locale.ROOT, "(b) playback: %d s of 1920x1080@30 (frames %.0f KB), %.0f MB; 1x, decoded at 960x540"
                + " BGRA%n", playSeconds, avg(frames) / 1024, Files.size(files.get(0)) / 1e6);
        Timeline tl = timeline(new IndexCache(4), files);
        Player player = Player.of(TimeSource.SYSTEM, tl);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        OutputBuffer pixels = new OutputBuffer();
        int decoded = 0;
        int late = 0;
        long pulse = SECOND / 60;
        try (JpegDecoder decoder = JpegDecoders.open()) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            player.play();
            int last = -1;
            long next = System.nanoTime();
            int pulses = 0;
            int latePulses = 0;
            while (player.playing()) {
                pulses++;
                if (System.nanoTime() - next > pulse) {
                    latePulses++; // the machine woke this thread more than a pulse late: not the decoder's doing
                }
                Player.Shown shown = player.shown().get(0);
                if (shown.frame() >= 0 && shown.frame() != last) {
                    if (last >= 0 && shown.frame() > last + 1) {
                        late += shown.frame() - last - 1;
                    }
                    byte[] jpeg = shown.bytes();
                    decoder.decode(jpeg, 0, jpeg.length, 960, 540, PixelLayout.BGRA, pixels);
                    decoded++;
                    last = shown.frame();
                }
                next += pulse;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeSource.SYSTEM.sleep(wait);
                } else {
                    next = System.nanoTime();
                }
            }
            double wall = (System.nanoTime() - w0) / 1e9;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            out.printf(Locale.ROOT, "    %d of %d frames shown in %.2f s: %.1f decoded frames/s (30 needed), %d skipped;"
                    + " CPU %.2f ms per frame (read + decode), %.0f%% of one core; %d of %d 60 Hz pulses woke more than"
                    + " a pulse late%n", decoded, tl.frameCount(), wall, decoded / wall, late,
                    cpu / 1e6 / Math.max(1, decoded), 100.0 * cpu / 1e9 / wall, latePulses, pulses);
        }
        out.flush();
    }

    private static Timeline timeline(IndexCache cache, List<Path> files) throws IOException {
        List<RecordingIndex> segs = new ArrayList<>(files.size());
        for (Path f : files) {
            segs.add(cache.open(f));
        }
        return Timeline.of(segs);
    }

    /** Writes {@code seconds} of frames at {@code fps} into segments of {@code segmentSeconds}, as the recorder does. */
    private static List<Path> write(Path dir, String name, List<byte[]> frames, int fps, long seconds,
            long segmentSeconds) throws IOException {
        List<Path> files = new ArrayList<>();
        int every = TICKS / fps;
        long perSegment = segmentSeconds * fps;
        long total = seconds * fps;
        for (long start = 0; start < total; start += perSegment) {
            int n = files.size() + 1;
            Path f = dir.resolve(n == 1 ? name + ".avi" : String.format(Locale.ROOT, "%s-%03d.avi", name, n));
            long count = Math.min(perSegment, total - start);
            try (AviWriter w = AviWriter.create(f, TICKS)) {
                for (long i = 0; i < count; i++) {
                    w.writeFrame(frames.get((int) ((start + i) % frames.size())), i * every);
                }
                w.finish(count * every);
            }
            files.add(f);
        }
        return files;
    }

    /** Small camera-like 640×480 frames (flat scene, text, a moving figure) encoded at quality 50. */
    static List<byte[]> synthetic(int width, int height, int count) throws IOException {
        List<byte[]> out = new ArrayList<>(count);
        Random r = new Random(7);
        int[][] rects = new int[6][];
        for (int k = 0; k < rects.length; k++) {
            rects[k] = new int[] {r.nextInt(width), r.nextInt(height), 8 + r.nextInt(width / 5), 8 + r.nextInt(height / 5),
                30 + r.nextInt(200)};
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.5f);
            for (int i = 0; i < count; i++) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(90, 100, 115));
                g.fillRect(0, 0, width, height);
                for (int[] k : rects) {
                    g.setColor(new Color(k[4], 255 - k[4], (k[4] * 7) % 255));
                    g.fillRect(k[0], k[1], k[2], k[3]);
                }
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 24)));
                g.drawString("CAM 07  frame " + i, width / 40, height / 14);
                g.setColor(Color.ORANGE);
                g.fillOval(i * (width - 60) / count, height / 2, 60, 120);
                g.dispose();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(bytes)) {
                    writer.setOutput(s);
                    writer.write(null, new IIOImage(img, null, null), p);
                }
                out.add(bytes.toByteArray());
            }
        } finally {
            writer.dispose();
        }
        return out;
    }

    private static double avg(List<byte[]> frames) {
        return frames.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100.0 * s.length) - 1));
        return s[i] / 1e6;
    }
}
