package org.mjpegwall.ui.window;

import org.mjpegwall.ui.render.FxThread;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.demo.PhotoFrames;
import org.mjpegwall.ui.model.CameraConnector;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.CameraStream;
import org.mjpegwall.ui.model.WallSession;
import org.mjpegwall.ui.render.RenderMetrics;

/** Runs the real wall window with N demo cameras and measures what it displays. */
public final class WallBench {
    private WallBench() {
    }

    /** Where the cameras' frames come from. */
    public enum Source {
        /** Demo cameras render each frame (costs the benchmark's process CPU, counted in demoCpuCores). */
        DEMO,
        /** Pre-encoded photo-like frames replayed in a loop: next to no serving cost, so the wall is measured. */
        REPLAY
    }

    /** What to run. */
    public record Options(int cameras, int fps, int width, int height, int seconds, int windowWidth, int windowHeight,
            Source source) {
    }

    /** Median and 99th percentile. */
    public record Percentiles(double p50, double p99) {
        static Percentiles of(double[] v) {
            return new Percentiles(round(v[0]), round(v[1]));
        }
    }

    /** One tile's figures over the measured interval. */
    public record TileResult(String name, long received, long displayed, double displayedFps, long stale, long corrupt) {
    }

    /** The benchmark's result, printed as one JSON line by {@code bench-wall}. */
    public record Result(int cameras, int fps, String size, String source, String window, int seconds, List<TileResult> tiles,
            double minDisplayedFps, Percentiles decodeMs, Percentiles pulseMs, Percentiles latencyMs,
            double cpuCores, double demoCpuCores, int availableProcessors) {
    }

    /** Runs the benchmark; blocks for about {@code seconds} plus start-up. */
    public static Result run(Options o) throws Exception {
        FxThread.startToolkit();
        DemoServer demo = startCameras(o);
        List<CameraConfig> cameras = new ArrayList<>();
        List<URI> uris = demo.cameraUris();
        for (int i = 0; i < uris.size(); i++) {
            cameras.add(new CameraConfig("demo-" + (i + 1), "Demo " + (i + 1), uris.get(i).toString(), null, null,
                    true, null));
        }
        WallConfig config = WallConfig.empty()
                .withWindow(new WindowGeometry(0, 0, o.windowWidth(), o.windowHeight(), false));
        WallSession session = new WallSession(null, false, config, cameras, false,
                CameraConnector::connect, demo::close);
        WallWindow wall = FxThread.onFx(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            return new WallWindow(stage, session);
        });
        try {
            // Warm up: every tile on screen, then a little more for the JIT.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && !FxThread.onFx(() -> wall.model().cameras().stream().allMatch(c -> c.displayed() > 0))) {
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            long[][] before = FxThread.onFx(() -> counters(wall));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long demo0 = demoCpuNanos();
            long t0 = System.nanoTime();
            FxThread.onFx(() -> {
                wall.metrics().start();
                return null;
            });
            Thread.sleep(o.seconds() * 1000L);
            long[][] after = FxThread.onFx(() -> {
                wall.metrics().stop();
                return counters(wall);
            });
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            long demo1 = demoCpuNanos();
            double secs = (t1 - t0) / 1e9;
            List<TileResult> tiles = new ArrayList<>();
            List<String> names = FxThread.onFx(() -> wall.model().cameras().stream().map(c -> c.config().name()).toList());
            double minFps = Double.MAX_VALUE;
            for (int i = 0; i < names.size(); i++) {
                long displayed = after[i][1] - before[i][1];
                double fps = round(displayed / secs);
                minFps = Math.min(minFps, fps);
                tiles.add(new TileResult(names.get(i), after[i][0] - before[i][0], displayed, fps,
                        after[i][2] - before[i][2], after[i][3] - before[i][3]));
            }
            RenderMetrics m = wall.metrics();
            Percentiles decode = FxThread.onFx(() -> Percentiles.of(m.decodeMs()));
            Percentiles pulse = FxThread.onFx(() -> Percentiles.of(m.pulseMs()));
            Percentiles latency = FxThread.onFx(() -> Percentiles.of(m.latencyMs()));
            return new Result(o.cameras(), o.fps(), o.width() + "x" + o.height(),
                    o.source().name().toLowerCase(java.util.Locale.ROOT), o.windowWidth() + "x" + o.windowHeight(),
                    o.seconds(), tiles, names.isEmpty() ? 0 : minFps, decode, pulse, latency,
                    round((cpu1 - cpu0) / 1e9 / secs), round((demo1 - demo0) / 1e9 / secs), Runtime.getRuntime().availableProcessors());
        } finally {
            FxThread.onFx(() -> {
                wall.stage().close();
                return null;
            });
            wall.awaitClosed(10, TimeUnit.SECONDS);
            Platform.exit();
        }
    }

    /** The cameras on 127.0.0.1: rendered demo cameras, or 8 photo-like frames made once and replayed. */
    private static DemoServer startCameras(Options o) throws IOException {
        DemoServer.Options options = DemoServer.Options.defaults()
                .withCameras(o.cameras()).withSize(o.width(), o.height()).withFps(o.fps());
        if (o.source() == Source.REPLAY) {
            return DemoServer.replay(options, 0, PhotoFrames.make(o.width(), o.height(), 8));
        }
        return DemoServer.start(options);
    }

    /** CPU time of the in-process demo cameras' generator threads (they are not part of the wall's cost). */
    private static long demoCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("demo-camera")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, t);
            }
        }
        return sum;
    }

    /** Per camera: received, displayed, stale, corrupt. */
    private static long[][] counters(WallWindow wall) {
        List<CameraModel> cams = wall.model().cameras();
        long[][] c = new long[cams.size()][];
        for (int i = 0; i < cams.size(); i++) {
            CameraModel m = cams.get(i);
            CameraStream s = m.source();
            c[i] = new long[] {s == null ? 0 : s.received(), m.displayed(), s == null ? 0 : s.stale(), m.corrupt()};
        }
        return c;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }
}
