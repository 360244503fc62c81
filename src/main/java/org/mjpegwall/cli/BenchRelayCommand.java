package org.mjpegwall.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.demo.DemoCamera;
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
            err.println("bench-relay: viewers must be 1..5000, seconds >= 1, warmup >= 0, fps in (0, 120], source relay or hub");
            err.flush();
            return 2;
        }
        int maxViewers = Arrays.stream(viewers).max().orElse(1);
        Process child = startChild();
        BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter toChild = new PrintWriter(new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)), true);
        FrameHub hub;
        MjpegRelay relay = null;
        Thread publisher = null;
        try (MjpegServer server = MjpegServer.builder().maxViewers(maxViewers + 10).title("bench relay").build()) {
            if (source.equals("relay")) {
                toChild.println("UPSTREAM " + fps + " " + size.width() + " " + size.height());
                String upstream = expect(fromChild, "UPSTREAM ");
                relay = MjpegRelay.forCamera(URI.create(upstream), null, null, Duration.ofSeconds(5));
                hub = relay.hub();
                relay.start();
            } else {
                hub = new FrameHub();
                publisher = startPublisher(hub, prerender(size, fps), fps);
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
                toChild.println("VIEWERS " + server.streamUri("1") + " " + n + " " + warmup + " " + seconds);
                expect(fromChild, "WINDOW ");
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long published0 = hub.published();
                String result = expect(fromChild, "RESULT ");
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
            toChild.println("QUIT");
        } finally {
            if (publisher != null) {
                publisher.interrupt();
                publisher.join(5000);
            }
            if (relay != null) {
                relay.close();
            }
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        out.println("fps = frames each viewer received per second in the window (min and median over viewers); "
                + "source fps = frames entering the relay's hub; relay cpu = this JVM's CPU time / wall time.");
        out.flush();
        return 0;
    }

    private static String expect(BufferedReader in, String prefix) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            if (line.startsWith("ERROR ")) {
                throw new IOException("load generator: " + line.substring(6));
            }
        }
        throw new IOException("the load generator ended unexpectedly");
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx512m", "-Xss256k", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "?";
    }

    /** One second of distinct frames, so the stream looks live without rendering during the run. */
    static List<byte[]> prerender(ServeSupport.Size size, double fps) {
        DemoCamera camera = new DemoCamera("bench", size.width(), size.height());
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < Math.max(1, (int) Math.ceil(fps)); i++) {
            frames.add(camera.render(i));
        }
        return frames;
    }

    static Thread startPublisher(FrameHub hub, List<byte[]> frames, double fps) {
        Thread t = new Thread(() -> {
            long interval = (long) (1e9 / fps);
            long next = System.nanoTime();
            for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
                hub.publish(new Frame(frames.get((int) (n % frames.size())), n, System.currentTimeMillis(), System.nanoTime()));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException ex) {
                        return;
                    }
                } else if (-wait > interval) {
                    next = System.nanoTime();
                }
            }
        }, "bench-publisher");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The child JVM: serves the upstream camera and runs the viewers, driven by lines on stdin
     * ({@code UPSTREAM fps w h}, {@code VIEWERS url n warmup seconds}, {@code QUIT}).
     */
    public static final class LoadGenerator {
        private LoadGenerator() {
        }

        public static void main(String[] args) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            MjpegServer upstream = null;
            Thread publisher = null;
            try {
                String line;
                while ((line = in.readLine()) != null && !line.equals("QUIT")) {
                    String[] a = line.split(" ");
                    try {
                        if (a[0].equals("UPSTREAM")) {
                            double fps = Double.parseDouble(a[1]);
                            FrameHub hub = new FrameHub();
                            publisher = startPublisher(hub, prerender(new ServeSupport.Size(Integer.parseInt(a[2]), Integer.parseInt(a[3])), fps), fps);
                            upstream = MjpegServer.builder().build();
                            upstream.addCamera("1", "upstream", hub);
                            upstream.start();
                            System.out.println("UPSTREAM " + upstream.streamUri("1"));
                        } else if (a[0].equals("VIEWERS")) {
                            System.out.println("RESULT " + runViewers(URI.create(a[1]), Integer.parseInt(a[2]),
                                    Integer.parseInt(a[3]), Integer.parseInt(a[4])));
                        }
                    } catch (Exception ex) {
                        System.out.println("ERROR " + ex);
                    }
                    System.out.flush();
                }
            } finally {
                if (publisher != null) {
                    publisher.interrupt();
                }
                if (upstream != null) {
                    upstream.close();
                }
            }
        }

        /** Returns "min median connected" fps over the window; prints "WINDOW" when the window starts. */
        private static String runViewers(URI stream, int n, int warmup, int seconds) throws Exception {
            List<Viewer> list = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    Viewer v = new Viewer(stream);
                    list.add(v);
                    v.thread.start();
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmup) + 500);
                long[] before = list.stream().mapToLong(v -> v.frames.get()).toArray();
                long t0 = System.nanoTime();
                System.out.println("WINDOW start");
                System.out.flush();
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                long t1 = System.nanoTime();
                double[] fps = new double[n];
                int connected = 0;
                for (int i = 0; i < n; i++) {
                    fps[i] = (list.get(i).frames.get() - before[i]) * 1e9 / (t1 - t0);
                    if (list.get(i).connected) {
                        connected++;
                    }
                }
                Arrays.sort(fps);
                return String.format(Locale.ROOT, "%.2f %.2f %d", fps[0], fps[n / 2], connected);
            } finally {
                for (Viewer v : list) {
                    v.close();
                }
                for (Viewer v : list) {
                    v.thread.join(5000);
                }
            }
        }

        /** A plain socket reader: HTTP/1.1, de-chunks, counts parts by their Content-Length. */
        private static final class Viewer {
            final AtomicLong frames = new AtomicLong();
            final Thread thread;
            private final URI uri;
            private volatile Socket socket;
            volatile boolean connected;

            Viewer(URI uri) {
                this.uri = uri;
                this.thread = new Thread(this::run, "viewer");
                thread.setDaemon(true);
            }

            void close() {
                Socket s = socket;
                thread.interrupt();
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }

            private void run() {
                try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
                    socket = s;
                    OutputStream o = s.getOutputStream();
                    o.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    InputStream raw = new java.io.BufferedInputStream(s.getInputStream(), 64 * 1024);
                    String status = line(raw);
                    if (status == null || !status.contains(" 200 ")) {
                        return;
                    }
                    boolean chunked = false;
                    String h;
                    while ((h = line(raw)) != null && !h.isEmpty()) {
                        if (h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                            chunked = true;
                        }
                    }
                    connected = true;
                    InputStream body = chunked ? new Dechunker(raw) : raw;
                    byte[] scratch = new byte[64 * 1024];
                    while (!Thread.currentThread().isInterrupted()) {
                        String l = line(body);
                        if (l == null) {
                            return;
                        }
                        if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                            int len = Integer.parseInt(l.substring(15).trim());
                            if (!line(body).isEmpty()) {
                                return;
                            }
                            while (len > 0) {
                                int r = body.read(scratch, 0, Math.min(len, scratch.length));
                                if (r < 0) {
                                    return;
                                }
                                len -= r;
                            }
                            frames.incrementAndGet();
                        }
                    }
                } catch (IOException | RuntimeException ex) {
                    // the viewer ends; its count shows it
                } finally {
                    connected = false;
                }
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
                if (b.length() > 4096) {
                    throw new IOException("line too long");
                }
            }
            return b.length() == 0 ? null : b.toString();
        }

        /** Reads the body of a chunked HTTP/1.1 response. */
        private static final class Dechunker extends InputStream {
            private final InputStream in;
            private long left;
            private boolean done;

            Dechunker(InputStream in) {
                this.in = in;
            }

            private boolean fill() throws IOException {
                if (done) {
                    return false;
                }
                if (left == 0) {
                    String size = line(in);
                    while (size != null && size.isEmpty()) {
                        size = line(in); // the CRLF closing the previous chunk
                    }
                    if (size == null) {
                        done = true;
                        return false;
                    }
                    int semi = size.indexOf(';');
                    left = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                    if (left == 0) {
                        done = true;
                        return false;
                    }
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                if (!fill()) {
                    return -1;
                }
                int c = in.read();
                if (c >= 0) {
                    left--;
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!fill()) {
                    return -1;
                }
                int r = in.read(b, off, (int) Math.min(len, left));
                if (r > 0) {
                    left -= r;
                }
                return r;
            }
        }
    }
}
