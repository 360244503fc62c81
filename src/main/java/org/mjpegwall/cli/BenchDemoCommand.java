package org.mjpegwall.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mjpegwall.demo.DemoCamera;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.server.FrameHub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-demo}: what the demo cameras cost. Measures the CPU per frame of rendering and encoding (against
 * a whole-frame encode as the baseline, in the same run), then runs N cameras with one viewer each and reports
 * the CPU of the generator threads and the frame rates they reached.
 */
@Command(name = "bench-demo", mixinStandardHelpOptions = true,
        description = "Benchmark the demo cameras: CPU per rendered frame, and N cameras at full rate.")
public final class BenchDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cameras", defaultValue = "16", description = "Cameras to run at once. Default: ${DEFAULT-VALUE}.")
    int cameras;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second of each camera. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--size", defaultValue = "640x480", converter = ServeSupport.SizeConverter.class, description = "Frame size. Default: ${DEFAULT-VALUE}.")
    ServeSupport.Size size;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1) {
            spec.commandLine().getErr().println("bench-demo: --seconds must be at least 1");
            return 2;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double spliced = cpuPerFrame(new DemoCamera("bench", size.width(), size.height()), threads);
        double whole = cpuPerFrame(DemoCamera.withoutSplicing("bench", size.width(), size.height()), threads);
        out.printf(Locale.ROOT, "render+encode %s: %.2f ms CPU per frame (whole-frame encode, the baseline: %.2f ms; %.1fx)%n",
                size, spliced, whole, whole / spliced);
        out.printf(Locale.ROOT, "  so %d cameras x %.0f fps need about %.2f cores for rendering%n", cameras, fps,
                cameras * fps * spliced / 1000);
        out.flush();

        DemoServer.Options options = DemoServer.Options.defaults().withCameras(cameras).withFps(fps)
                .withSize(size.width(), size.height());
        try (DemoServer demo = DemoServer.start(options)) {
            List<Socket> viewers = new ArrayList<>();
            List<Thread> readers = new ArrayList<>();
            try {
                for (URI uri : demo.cameraUris()) {
                    Socket s = new Socket(uri.getHost(), uri.getPort());
                    s.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    viewers.add(s);
                    Thread t = new Thread(() -> drain(s), "bench-viewer");
                    t.setDaemon(true);
                    t.start();
                    readers.add(t);
                }
                Thread.sleep(2000); // warm-up
                Map<Long, Long> cpu0 = generatorCpu(threads);
                long[] published0 = demo.hubs().stream().mapToLong(FrameHub::published).toArray();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                long t1 = System.nanoTime();
                Map<Long, Long> cpu1 = generatorCpu(threads);
                long[] published1 = demo.hubs().stream().mapToLong(FrameHub::published).toArray();
                long cpuNanos = 0;
                for (Map.Entry<Long, Long> e : cpu1.entrySet()) {
                    cpuNanos += e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
                }
                double[] rates = new double[cameras];
                long frames = 0;
                for (int i = 0; i < cameras; i++) {
                    frames += published1[i] - published0[i];
                    rates[i] = (published1[i] - published0[i]) * 1e9 / (t1 - t0);
                }
                Arrays.sort(rates);
                out.printf(Locale.ROOT, "%d cameras at %.0f fps, one viewer each, %d s: camera fps min %.1f, median %.1f; "
                        + "generator threads %.2f cores (%.2f ms CPU per frame)%n", cameras, fps, seconds, rates[0],
                        rates[cameras / 2], cpuNanos / (double) (t1 - t0), frames == 0 ? 0 : cpuNanos / 1e6 / frames);
            } finally {
                for (Socket s : viewers) {
                    s.close();
                }
                for (Thread t : readers) {
                    t.join(2000);
                }
            }
        }
        out.flush();
        return 0;
    }

    private static double cpuPerFrame(DemoCamera camera, ThreadMXBean threads) {
        for (int i = 0; i < 100; i++) {
            camera.render(i); // warm-up, so the JIT has compiled the path
        }
        int n = 300;
        long c0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            camera.render(i);
        }
        return (threads.getCurrentThreadCpuTime() - c0) / 1e6 / n;
    }

    private static Map<Long, Long> generatorCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("demo-camera-")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static void drain(Socket s) {
        byte[] sink = new byte[64 * 1024];
        try (InputStream in = s.getInputStream()) {
            while (in.read(sink) >= 0) {
                // discard: the viewer only keeps its camera at full rate
            }
        } catch (IOException ignored) {
            // closed at the end of the run
        }
    }
}
