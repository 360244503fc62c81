package org.mjpegwall.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegRelay;
import org.mjpegwall.server.MjpegServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-relay}: measures the relay under N viewers. This JVM runs only the relay under test (its CPU
 * and memory are what is reported); a child JVM runs the upstream camera (pre-rendered JPEGs, so rendering
 * costs nothing) and the N viewers (plain socket readers, HTTP/1.1 like browsers, one thread each).
 */
@Command(name = "bench-relay", mixinStandardHelpOptions = true,
        description = "Benchmark the relay: N viewers of one stream on loopback; prints delivered fps per viewer, "
                + "the relay's CPU (cores) and memory.")
public final class BenchRelayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--viewers", split = ",", defaultValue = "1,50,200,500", description = "Viewer counts to measure. Default: ${DEFAULT-VALUE}.")
    int[] viewers;

    @Option(names = "--fps", defaultValue = "30", description = "Upstream frames per second. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--size", defaultValue = "640x480", converter = ServeSupport.SizeConverter.class, description = "Frame size. Default: ${DEFAULT-VALUE}.")
    ServeSupport.Size size;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per viewer count. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds before measuring, after the viewers connect. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--source", defaultValue = "relay",
            description = "relay: relay the child's upstream camera through MjpegClient (the real relay path); "
                    + "hub: publish pre-rendered frames straight into the hub in this JVM. Default: ${DEFAULT-VALUE}.")
    String source;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (viewers.length == 0 || Arrays.stream(viewers).anyMatch(n -> n < 1 || n > 5000) || seconds < 1 || warmup < 0
                || !(fps > 0 && fps <= 120) || !(source.equals("relay") || source.equals("hub"))) {
            return CliErrors.fail(err, "bench-relay", 2,
                    "viewers must be 1..5000, seconds >= 1, warmup >= 0, fps in (0, 120], source relay or hub");
        }
        int maxViewers = Arrays.stream(viewers).max().orElse(1);
        ChildJvm child = ChildJvm.start("load generator", "the load generator ended unexpectedly",
                List.of("-Xmx512m", "-Xss256k", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                RelayLoadGenerator.class);
        FrameHub hub;
        MjpegRelay relay = null;
        Thread publisher = null;
        try (MjpegServer server = MjpegServer.builder().maxViewers(maxViewers + 10).title("bench relay").build()) {
            if (source.equals("relay")) {
                child.send("UPSTREAM " + fps + " " + size.width() + " " + size.height());
                String upstream = child.expect("UPSTREAM ");
                relay = MjpegRelay.forCamera(URI.create(upstream), null, null, Duration.ofSeconds(5));
                hub = relay.hub();
                relay.start();
            } else {
                hub = new FrameHub();
                publisher = PacedPublisher.start(hub, PacedPublisher.prerender(size, fps), fps);
            }
            server.addCamera("1", "bench", hub, relay == null ? null : relay::status);
            server.start();
            out.printf(Locale.ROOT, "bench-relay: %s source, %s at %.0f fps, %d s per run after %d s warm-up; viewers in a child JVM%n",
                    source, size, fps, seconds, warmup);
            out.printf(Locale.ROOT, "%8s %10s %10s %10s %10s %10s %10s %8s  %s%n", "viewers", "min fps", "median", "source fps",
                    "relay cpu", "heap MB", "rss MB", "threads", "target (200: min >= 29 fps, cpu < 1 core)");
            out.flush();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int n : viewers) {
                child.send("VIEWERS " + server.streamUri("1") + " " + n + " " + warmup + " " + seconds);
                child.expect("WINDOW ");
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long published0 = hub.published();
                String result = child.expect("RESULT ");
                long cpu1 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                double sourceFps = (hub.published() - published0) * 1e9 / (t1 - t0);
                double cores = (cpu1 - cpu0) / (double) (t1 - t0);
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                String[] r = result.split(" ");
                double min = Double.parseDouble(r[0]);
                double median = Double.parseDouble(r[1]);
                int connected = Integer.parseInt(r[2]);
                String verdict = "";
                if (n == 200) {
                    verdict = (min >= 29 && cores < 1 && connected == n ? "MET" : "MISSED") + String.format(Locale.ROOT,
                            " (min %.1f fps, %.2f cores)", min, cores);
                }
                if (connected < n) {
                    verdict += " only " + connected + " of " + n + " viewers connected";
                }
                out.printf(Locale.ROOT, "%8d %10.1f %10.1f %10.1f %10.2f %10.0f %10s %8d  %s%n", n, min, median, sourceFps, cores,
                        heap / 1e6, rssMb(), threads, verdict);
                out.flush();
            }
            child.send("QUIT");
        } finally {
            if (publisher != null) {
                publisher.interrupt();
                publisher.join(5000);
            }
            if (relay != null) {
                relay.close();
            }
            child.close();
        }
        out.println("fps = frames each viewer received per second in the window (min and median over viewers); "
                + "source fps = frames entering the relay's hub; relay cpu = this JVM's CPU time / wall time.");
        out.flush();
        return 0;
    }

    private static String rssMb() {
        long kb = ThisProcess.rssKb();
        return kb < 0 ? "?" : String.valueOf(kb / 1024);
    }
}
