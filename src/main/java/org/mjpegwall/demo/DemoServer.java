package org.mjpegwall.demo;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegServer;
import org.mjpegwall.server.UpstreamStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves N demo cameras at {@code /camera/{1..N}/stream.mjpg}: each camera is a generator thread that renders a
 * {@link DemoCamera} at the given fps into a {@link FrameHub}, served by an {@link MjpegServer}.
 *
 * <p>A camera nobody watches renders one frame per second only (so snapshots stay fresh but idle cameras
 * cost almost nothing); the first viewer wakes it to full speed at once.
 *
 * <pre>{@code
 * try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults())) {
 *     URI first = demo.cameraUris().get(0);
 * }
 * }</pre>
 */
public final class DemoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final long IDLE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MjpegServer server;
    private final List<Generator> generators;

    /**
     * @param cameras number of cameras, 1 to 64
     * @param fps frames per second of each camera, above 0 and at most 120
     * @param bind address to listen on
     * @param port TCP port, 0 for any free one
     * @param maxViewers most stream viewers at once
     * @param password HTTP Basic password, or {@code null} for none (then only a loopback bind is allowed)
     */
    public record Options(int cameras, double fps, int width, int height, String bind, int port, int maxViewers,
            String password) {
        public Options {
            Objects.requireNonNull(bind, "bind");
            if (cameras < 1 || cameras > 64) {
                throw new IllegalArgumentException("cameras must be between 1 and 64: " + cameras);
            }
            if (!(fps > 0 && fps <= 120)) {
                throw new IllegalArgumentException("fps must be above 0 and at most 120: " + fps);
            }
        }

        /** 4 cameras, 30 fps, 640x480, 127.0.0.1, any free port, 100 viewers, no password. */
        public static Options defaults() {
            return new Options(4, 30, 640, 480, "127.0.0.1", 0, 100, null);
        }

        public Options withCameras(int n) {
            return new Options(n, fps, width, height, bind, port, maxViewers, password);
        }

        public Options withFps(double f) {
            return new Options(cameras, f, width, height, bind, port, maxViewers, password);
        }

        public Options withSize(int w, int h) {
            return new Options(cameras, fps, w, h, bind, port, maxViewers, password);
        }

        public Options withPort(int p) {
            return new Options(cameras, fps, width, height, bind, p, maxViewers, password);
        }

        public Options withBind(String b) {
            return new Options(cameras, fps, width, height, b, port, maxViewers, password);
        }

        public Options withMaxViewers(int n) {
            return new Options(cameras, fps, width, height, bind, port, n, password);
        }

        public Options withPassword(String p) {
            return new Options(cameras, fps, width, height, bind, port, maxViewers, p);
        }
    }

    private DemoServer(MjpegServer server, List<Generator> generators) {
        this.server = server;
        this.generators = generators;
    }

    /**
     * Starts the cameras and the server.
     *
     * @throws IllegalArgumentException for bad options (size, non-loopback bind without password, ...)
     * @throws IOException if the port cannot be bound
     */
    public static DemoServer start(Options options) throws IOException {
        return start(options, 0);
    }

    /**
     * Starts the cameras and the server, sending each viewer at most {@code maxFpsPerViewer} frames per second
     * (0 for no cap).
     */
    public static DemoServer start(Options options, double maxFpsPerViewer) throws IOException {
        Objects.requireNonNull(options, "options");
        return start(options, maxFpsPerViewer, i -> {
            DemoCamera camera = new DemoCamera("Demo " + i, options.width(), options.height());
            return camera::render;
        });
    }

    /**
     * Starts cameras that replay pre-encoded frames in a loop (camera {@code i} starts at frame {@code i}) instead
     * of rendering them: serving costs next to nothing, so a benchmark measures the viewer. The options' size is
     * not used; the frames are served as they are.
     *
     * @param frames JPEG frames, at least one
     */
    public static DemoServer replay(Options options, double maxFpsPerViewer, List<byte[]> frames) throws IOException {
        Objects.requireNonNull(options, "options");
        List<byte[]> copy = List.copyOf(frames);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no frames to replay");
        }
        return start(options, maxFpsPerViewer, i -> n -> copy.get((int) ((n + i) % copy.size())));
    }

    /** {@code cameras} makes camera i's frame source: frame number in, JPEG out. */
    private static DemoServer start(Options options, double maxFpsPerViewer,
            IntFunction<LongFunction<byte[]>> cameras) throws IOException {
        MjpegServer server = MjpegServer.builder()
                .bind(options.bind())
                .port(options.port())
                .maxViewers(options.maxViewers())
                .password(options.password())
                .maxFpsPerViewer(maxFpsPerViewer)
                .title("MJPEG Wall demo cameras")
                .build();
        List<Generator> generators = new ArrayList<>();
        try {
            for (int i = 1; i <= options.cameras(); i++) {
                String name = "Demo " + i;
                Generator g = new Generator(name, cameras.apply(i), options.fps());
                generators.add(g);
                server.addCamera(String.valueOf(i), name, g.hub,
                        () -> new UpstreamStatus("demo", g.hub.viewers() > 0 ? "GENERATING" : "IDLE", round(g.hub.fps()), null));
            }
            server.start();
        } catch (IOException | RuntimeException ex) {
            server.close();
            throw ex;
        }
        for (Generator g : generators) {
            g.thread.start();
        }
        LOG.info("{} demo cameras at {} fps, {}x{}, at {}", options.cameras(), options.fps(), options.width(),
                options.height(), server.baseUri());
        return new DemoServer(server, generators);
    }

    /** {@code http://HOST:PORT/camera/{1..N}/stream.mjpg} */
    public List<URI> cameraUris() {
        List<URI> uris = new ArrayList<>();
        for (int i = 1; i <= generators.size(); i++) {
            uris.add(server.streamUri(String.valueOf(i)));
        }
        return uris;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The server, for its snapshot and status addresses. */
    public MjpegServer server() {
        return server;
    }

    /** The cameras' hubs, in camera order (camera 1 first). */
    public List<FrameHub> hubs() {
        return generators.stream().map(g -> g.hub).toList();
    }

    /** Stops the generators and the server; returns when their threads have ended. */
    @Override
    public void close() {
        for (Generator g : generators) {
            g.stop();
        }
        server.close();
        for (Generator g : generators) {
            try {
                g.thread.join(5000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Renders one camera on its own thread at a steady rate, without drift. */
    private static final class Generator implements Runnable {
        final FrameHub hub = new FrameHub();
        final Thread thread;
        private final String name;
        private final LongFunction<byte[]> frames;
        private final long intervalNanos;
        private volatile boolean running = true;

        Generator(String name, LongFunction<byte[]> frames, double fps) {
            this.name = name;
            this.frames = frames;
            this.intervalNanos = (long) (1e9 / fps);
            this.thread = new Thread(this, "demo-camera-" + name.replace(' ', '-'));
            thread.setDaemon(true);
            hub.addViewerListener(n -> {
                if (n > 0) {
                    LockSupport.unpark(thread);
                }
            });
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            long frameNumber = 0;
            long next = System.nanoTime();
            boolean idlePace = false;
            while (running) {
                long now = System.nanoTime();
                if (next - now > 0) {
                    if (idlePace && hub.viewers() > 0) {
                        next = now; // a viewer arrived during the idle pace: render now
                    } else {
                        LockSupport.parkNanos(next - now); // may wake early: a viewer arrived, or stop()
                        continue;
                    }
                }
                try {
                    byte[] jpeg = frames.apply(frameNumber);
                    hub.publish(new Frame(jpeg, frameNumber, System.currentTimeMillis(), System.nanoTime()));
                } catch (RuntimeException ex) {
                    LOG.warn("demo camera {} failed to render a frame", name, ex);
                }
                frameNumber++;
                idlePace = hub.viewers() == 0;
                long interval = idlePace ? IDLE_INTERVAL_NANOS : intervalNanos;
                next += interval;
                // Why: after a stall (GC, busy CPU) skip the missed frames instead of rushing to catch up.
                if (System.nanoTime() - next > interval) {
                    next = System.nanoTime() + interval;
                }
            }
        }
    }
}
