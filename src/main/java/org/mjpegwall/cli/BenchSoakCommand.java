package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegRelay;
import org.mjpegwall.server.MjpegServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-soak}: N demo cameras, N relay clients reading them and a relay server, with viewers coming and
 * going for M minutes. This JVM runs the cameras, clients and server (what it holds is what the rows report); a
 * child JVM runs the viewers ({@link SoakViewers}).
 *
 * <p>Each row is taken with the viewers paused and gone, after a full GC: whatever a viewer left behind shows as
 * growth from row to row. The baseline is the first row after the warm-up, measured in the same run.
 */
@Command(name = "bench-soak", mixinStandardHelpOptions = true,
        description = "Soak test: N demo cameras relayed to viewers that come and go, for M minutes; prints this JVM's "
                + "RSS, live heap after a full GC, threads, file descriptors and the JDK server's live connections at "
                + "intervals, and whether they stayed flat (within 10 %) after the warm-up.")
public final class BenchSoakCommand implements Callable<Integer> {
    private static final double FLAT = 0.10;

    @Spec
    CommandSpec spec;

    @Option(names = "--cameras", defaultValue = "16", description = "Demo cameras, and relay clients. Default: ${DEFAULT-VALUE}.")
    int cameras;

    @Option(names = "--minutes", defaultValue = "15", description = "Length of the soak in minutes. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--viewers", defaultValue = "32", description = "Viewer threads coming and going. Default: ${DEFAULT-VALUE}.")
    int viewers;

    @Option(names = "--interval", defaultValue = "60", description = "Seconds between rows. Default: ${DEFAULT-VALUE}.")
    int interval;

    @Option(names = "--warmup", defaultValue = "120", description = "Seconds before the baseline row. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--fps", defaultValue = "15", description = "Frames per second of each camera. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--size", defaultValue = "640x480", converter = ServeSupport.SizeConverter.class,
            description = "Frame size. Default: ${DEFAULT-VALUE}.")
    ServeSupport.Size size;

    /** One row: this JVM's resources with no viewer connected, and the traffic so far. */
    record Sample(double minutes, long rssKb, long liveHeapBytes, int threads, int fds, long connections,
            int upstreamsOpen, double minCameraFps, String traffic) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cameras < 1 || cameras > 64 || !(minutes > 0) || viewers < 1 || viewers > 2000 || interval < 1 || warmup < 0
                || !(fps > 0 && fps <= 120)) {
            return CliErrors.fail(err, "bench-soak", 2,
                    "cameras 1..64, minutes > 0, viewers 1..2000, interval >= 1 s, warmup >= 0, fps in (0, 120]");
        }
        LibraryLog.quietClient();
        List<MjpegRelay> relays = new ArrayList<>();
        ChildJvm child = null;
        try (DemoServer demo = DemoServer.start(new DemoServer.Options(cameras, fps, size.width(), size.height(),
                "127.0.0.1", 0, cameras * 2 + 10, null));
                MjpegServer server = MjpegServer.builder().maxViewers(viewers + 10).title("bench-soak relay").build()) {
            List<FrameHub> hubs = new ArrayList<>();
            for (int i = 0; i < cameras; i++) {
                // Why a long linger: the relay clients stay connected while the viewers pause for a row.
                MjpegRelay relay = MjpegRelay.forCamera(demo.cameraUris().get(i), null, null, Duration.ofMinutes(5));
                relays.add(relay);
                hubs.add(relay.hub());
                server.addCamera(String.valueOf(i + 1), "Relay " + (i + 1), relay.hub(), relay::status);
                relay.start();
            }
            server.start();
            for (int i = 1; i <= cameras; i++) {
                touch(server.snapshotUri(String.valueOf(i))); // opens each relay's upstream
            }
            out.printf(Locale.ROOT, "bench-soak: %d demo cameras (%s at %.0f fps) -> %d relay clients -> server at %s; "
                    + "%d viewers coming and going in a child JVM; %.1f min, a row every %d s (viewers paused, after a full GC)%n",
                    cameras, size, fps, cameras, server.baseUri(), viewers, minutes, interval);
            out.printf(Locale.ROOT, "%7s %8s %9s %8s %6s %11s %10s %9s  %s%n", "minute", "rss MB", "heap MB", "threads",
                    "fds", "http conns", "upstreams", "min fps", "traffic so far (streams, MB, snapshots, half-open, errors)");
            out.flush();
            child = ChildJvm.start("viewers", "the viewers' JVM ended unexpectedly",
                    List.of("-Xmx256m", "-Xss256k", "-Djava.awt.headless=true"), SoakViewers.class,
                    server.baseUri().toString(), String.valueOf(cameras), String.valueOf(viewers));

            long start = System.nanoTime();
            List<Sample> samples = new ArrayList<>();
            samples.add(print(out, sample(start, server, relays, hubs, child)));
            long end = start + (long) (minutes * 60e9);
            for (long next = start + TimeUnit.SECONDS.toNanos(interval); ; next += TimeUnit.SECONDS.toNanos(interval)) {
                child.send("RUN");
                long until = Math.min(next, end);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, until - System.nanoTime()));
                child.send("PAUSE");
                child.expect("PAUSED");
                awaitNoViewers(server);
                samples.add(print(out, sample(start, server, relays, hubs, child)));
                if (until >= end) {
                    break;
                }
            }
            child.send("QUIT");
            out.println(verdict(samples, warmup / 60.0));
            out.println("rss = resident memory of this JVM; heap = live heap after a full GC; http conns = live "
                    + "sun.net.httpserver.HttpConnection objects in this JVM (the relay clients' own connections to the "
                    + "demo cameras count: " + cameras + " is the floor); upstreams = relay clients connected; "
                    + "min fps = slowest camera entering the relay.");
            out.flush();
            return 0;
        } finally {
            for (MjpegRelay r : relays) {
                r.close();
            }
            if (child != null) {
                child.close();
            }
        }
    }

    private Sample sample(long start, MjpegServer server, List<MjpegRelay> relays, List<FrameHub> hubs,
            ChildJvm child) throws IOException, InterruptedException {
        child.send("STATS");
        String[] t = child.expect("STATS ").split(" ");
        String traffic = String.format(Locale.ROOT, "%s, %.0f, %s, %s, %s", t[0], Long.parseLong(t[1]) / 1e6, t[2], t[3], t[4]);
        long[] histogram = liveHeapAndConnections();
        int open = (int) relays.stream().filter(MjpegRelay::upstreamOpen).count();
        double minFps = hubs.stream().mapToDouble(FrameHub::fps).min().orElse(0);
        return new Sample((System.nanoTime() - start) / 60e9, ThisProcess.rssKb(), histogram[0], ManagementFactory.getThreadMXBean().getThreadCount(),
                fds(), histogram[1], open, minFps, traffic);
    }

    private static Sample print(PrintWriter out, Sample s) {
        out.printf(Locale.ROOT, "%7.1f %8.0f %9.1f %8d %6d %11d %10d %9.1f  %s%n", s.minutes(), s.rssKb() / 1024.0,
                s.liveHeapBytes() / 1048576.0, s.threads(), s.fds(), s.connections(), s.upstreamsOpen(), s.minCameraFps(),
                s.traffic());
        out.flush();
        return s;
    }

    /** The last row against the first row after the warm-up: each figure within 10 %, or what grew. */
    static String verdict(List<Sample> samples, double warmupMinutes) {
        Sample base = samples.stream().filter(s -> s.minutes() >= warmupMinutes - 1e-9).findFirst().orElse(null);
        Sample last = samples.get(samples.size() - 1);
        if (base == null || base == last) {
            return "target: flat within 10 % after the warm-up: NOT MEASURED (the run ended before a second row after the warm-up)";
        }
        double rss = growth(base.rssKb(), last.rssKb());
        double heap = growth(base.liveHeapBytes(), last.liveHeapBytes());
        double threads = growth(base.threads(), last.threads());
        double fds = growth(base.fds(), last.fds());
        // Why the connections too: a leaked connection object is a few hundred bytes, lost in a heap of hundreds of MB.
        boolean connectionsFlat = last.connections() <= base.connections() * (1 + FLAT) + 2;
        boolean flat = connectionsFlat && Stream.of(rss, heap, threads, fds).allMatch(g -> g <= FLAT);
        return String.format(Locale.ROOT, "target: flat within 10 %% from minute %.1f to %.1f: %s (rss %+.1f %%, live heap "
                + "%+.1f %%, threads %+.1f %%, fds %+.1f %%, http conns %d -> %d)", base.minutes(), last.minutes(),
                flat ? "MET" : "MISSED", rss * 100, heap * 100, threads * 100, fds * 100, base.connections(), last.connections());
    }

    private static double growth(double base, double last) {
        return base <= 0 ? 0 : (last - base) / base;
    }

    private static void awaitNoViewers(MjpegServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (server.viewers() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** A snapshot request, answered or not; it wakes a lazy relay. */
    private static void touch(URI uri) {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        } catch (IOException ignored) {
            // the viewers will wake it
        }
    }

    /**
     * Live heap bytes after a full GC, and the HttpConnection objects in the heap then.
     *
     * <p>Why {@code System.gc()} first and the histogram with {@code -all}: the histogram's own GC is skipped
     * while a thread holds the GC locker (the demo cameras' JPEG encoder does, often), and then it would count
     * garbage; {@code -all} counts what is in the heap without a second GC.
     */
    private static long[] liveHeapAndConnections() throws InterruptedException {
        fullGc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long connections = -1;
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
            connections = 0;
            for (String line : histogram.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[3].equals("sun.net.httpserver.HttpConnection")) {
                    connections = Long.parseLong(f[1]);
                }
            }
        } catch (JMException | RuntimeException ex) {
            // not a HotSpot JVM: the column shows -1
        }
        return new long[] {heap, connections};
    }

    /**
     * A full GC that really ran. Why the retries: {@code System.gc()} is skipped, silently, while a thread holds the
     * GC locker (the demo cameras' JPEG encoder does, often); the old generation's collection count tells.
     */
    private static void fullGc() throws InterruptedException {
        List<GarbageCollectorMXBean> full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> b.getName().contains("Old") || b.getName().contains("MarkSweep")).toList();
        for (int attempt = 0; attempt < 50; attempt++) {
            long before = full.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            System.gc();
            if (full.isEmpty() || full.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() > before) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static int fds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }
}
