package org.mjpegwall.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.source.MjpegClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-parse}: loopback throughput of MjpegClient compared, in the same run, with a plain read
 * of the same bytes (socket into a discard buffer), plus the reader thread's allocation per frame.
 */
@Command(name = "bench-parse", mixinStandardHelpOptions = true,
        description = {"Serves an in-memory MJPEG stream on 127.0.0.1 and measures (a) a plain read of the bytes "
                + "and (b) MjpegClient delivering frames to an application that dequeues and enqueues them, with "
                + "and without Content-Length. Prints GB/s, the ratio (target >= 0.8) and the reader thread's "
                + "allocation per frame in steady state (target: none)."})
public final class BenchParseCommand implements Callable<Integer> {
    private static final String BOUNDARY = "benchboundary";

    @Spec
    CommandSpec spec;

    @Option(names = "--mib", paramLabel = "N", defaultValue = "1024",
            description = "MiB streamed per measured run (default ${DEFAULT-VALUE})")
    int mib;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "measured runs of each kind; the best is reported (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--width", defaultValue = "640", description = "frame width (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "480", description = "frame height (default ${DEFAULT-VALUE})")
    int height;

    @Override
    public Integer call() throws Exception {
        LibraryLog.quietClient(); // each run ends with the server closing, which the client would log
        PrintWriter out = spec.commandLine().getOut();
        byte[][] frames = new byte[8][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = jpeg(width, height, i);
        }
        long avg = 0;
        for (byte[] f : frames) {
            avg += f.length;
        }
        avg /= frames.length;
        out.printf(Locale.ROOT, "bench-parse: %d distinct %dx%d JPEG frames, %d bytes on average, %d MiB per run, "
                + "best of %d runs, %d CPUs%n", frames.length, width, height, avg, mib, rounds,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        boolean ok = true;
        for (boolean contentLength : new boolean[] {true, false}) {
            byte[] cycle = cycle(frames, contentLength);
            long repeats = Math.max(1, ((long) mib << 20) / cycle.length);
            long framesPerRun = repeats * frames.length;
            // warm-up: let the JIT compile both paths
            plainRead(cycle, Math.max(1, repeats / 8), true); // result ignored
            plainRead(cycle, Math.max(1, repeats / 8), false);
            clientRead(cycle, Math.max(1, repeats / 8), Math.max(1, framesPerRun / 8));
            Plain plainBest = null;
            Plain blockingBest = null;
            Result clientBest = null;
            for (int r = 0; r < rounds; r++) {
                Plain p = plainRead(cycle, repeats, true);
                if (plainBest == null || p.gbps > plainBest.gbps) {
                    plainBest = p;
                }
                Plain pb = plainRead(cycle, repeats, false);
                if (blockingBest == null || pb.gbps > blockingBest.gbps) {
                    blockingBest = pb;
                }
                Result c = clientRead(cycle, repeats, framesPerRun);
                if (clientBest == null || c.gbps > clientBest.gbps) {
                    clientBest = c;
                }
            }
            double ratio = clientBest.gbps / plainBest.gbps;
            out.printf(Locale.ROOT, "%n%s:%n", contentLength ? "With Content-Length" : "Without Content-Length (boundary scan)");
            out.printf(Locale.ROOT, "  plain read (socket -> discard buffer): %6.2f GB/s  (reading thread CPU %.0f ns/KiB; "
                    + "socket set up like the client's: read timeout, TCP_NODELAY)%n", plainBest.gbps, plainBest.cpuNanosPerKiB);
            out.printf(Locale.ROOT, "  plain read without read timeout:       %6.2f GB/s  (reading thread CPU %.0f ns/KiB; "
                    + "for reference only)%n", blockingBest.gbps, blockingBest.cpuNanosPerKiB);
            out.printf(Locale.ROOT, "  MjpegClient (frames dequeued/enqueued): %6.2f GB/s  (%.0f frames/s, %d of %d frames "
                    + "delivered, %d discarded)%n", clientBest.gbps, clientBest.fps, clientBest.delivered, framesPerRun,
                    clientBest.discarded);
            out.printf(Locale.ROOT, "  ratio: %.2f (target >= 0.80) %s%n", ratio, ratio >= 0.8 ? "OK" : "BELOW TARGET");
            out.printf(Locale.ROOT, "  reader thread CPU: %.0f ns/KiB (plain read thread: %.0f ns/KiB; CPU ratio %.2f)%n",
                    clientBest.cpuNanosPerKiB, plainBest.cpuNanosPerKiB, plainBest.cpuNanosPerKiB / clientBest.cpuNanosPerKiB);
            out.printf(Locale.ROOT, "  reader thread allocation in steady state: %.1f bytes/frame (target 0) %s%n",
                    clientBest.bytesPerFrame, clientBest.bytesPerFrame < 1 ? "OK" : "ABOVE TARGET");
            out.flush();
            ok &= clientBest.delivered + clientBest.discarded == framesPerRun;
        }
        out.println();
        out.println("Figures vary with machine load; compare the ratio, measured in the same run.");
        out.flush();
        return ok ? 0 : 1;
    }

    private record Result(double gbps, double fps, long delivered, long discarded, double bytesPerFrame,
            double cpuNanosPerKiB) {
    }

    private record Plain(double gbps, double cpuNanosPerKiB) {
    }

    /** The parts for all frames once, with or without Content-Length headers. */
    private static byte[] cycle(byte[][] frames, boolean contentLength) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\n"
                    + (contentLength ? "Content-Length: " + f.length + "\r\n" : "") + "\r\n";
            b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            b.writeBytes(f);
            b.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.toByteArray();
    }

    /** A one-connection server that sends the head, the cycle {@code repeats} times and a final boundary. */
    private static final class Source implements AutoCloseable {
        final ServerSocket ss;
        final Thread thread;

        Source(byte[] cycle, long repeats) throws IOException {
            ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] req = new byte[4096];
                    int got = 0;
                    while (got < 4 || !new String(req, 0, got, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        int n = in.read(req, got, req.length - got);
                        if (n < 0 || got + n >= req.length) {
                            break;
                        }
                        got += n;
                    }
                    OutputStream o = s.getOutputStream();
                    o.write(("HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=" + BOUNDARY
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    for (long i = 0; i < repeats; i++) {
                        o.write(cycle);
                    }
                    o.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    o.flush();
                } catch (IOException e) {
                    // the reader went away
                }
            }, "bench-source");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return ss.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            ss.close();
            thread.join(10_000);
        }
    }

    /**
     * GB/s and CPU time of a plain read of the whole response into a 64 KiB discard buffer (the client's
     * read size). With {@code likeClient} the socket is set up as MjpegClient sets up its own: a read
     * timeout (its stall detection; the JDK then reads through poll) and TCP_NODELAY.
     */
    private static Plain plainRead(byte[] cycle, long repeats, boolean likeClient) throws Exception {
        try (Source src = new Source(cycle, repeats); Socket s = new Socket(InetAddress.getLoopbackAddress(), src.port())) {
            if (likeClient) {
                s.setSoTimeout(10_000); // MjpegClient's default stall timeout
                s.setTcpNoDelay(true);
            }
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            byte[] discard = new byte[64 * 1024];
            long total = 0;
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int n; (n = in.read(discard)) >= 0; ) {
                total += n;
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            return new Plain(total / ((System.nanoTime() - t0) / 1e9) / 1e9, cpu / (total / 1024.0));
        }
    }

    /** MjpegClient with 8 buffers; this thread is the application dequeuing and enqueuing. */
    private static Result clientRead(byte[] cycle, long repeats, long expectedFrames) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Source src = new Source(cycle, repeats);
                MjpegClient client = MjpegClient.builder(URI.create("http://127.0.0.1:" + src.port() + "/"))
                        .backoff(Duration.ofSeconds(60), Duration.ofSeconds(60)).threadName("bench-reader").build()) {
            for (FrameBuffer b : client.requestBuffers(1 << 20, 8)) {
                client.enqueueBuffer(b);
            }
            long warm = expectedFrames / 10;
            long allocAtWarm = -1;
            long allocLast = -1;
            long framesAtWarm = 0;
            long framesLast = 0;
            long delivered = 0;
            long lastArrival = 0;
            long t0 = System.nanoTime();
            client.start();
            Thread reader = client.readerThread();
            while (true) {
                FrameBuffer b = client.dequeueBuffer(20, TimeUnit.MILLISECONDS);
                if (b != null) {
                    delivered++;
                    lastArrival = b.arrivalNanos();
                    client.enqueueBuffer(b);
                    // Sample the reader's allocation after warm-up and then every 256 frames.
                    if (delivered == warm || (delivered > warm && delivered % 256 == 0)) {
                        long seen = client.stats().totalFrames();
                        long alloc = mx.getThreadAllocatedBytes(reader.getId());
                        if (allocAtWarm < 0) {
                            allocAtWarm = alloc;
                            framesAtWarm = seen;
                        } else {
                            allocLast = alloc;
                            framesLast = seen;
                        }
                    }
                    continue;
                }
                SourceStats s = client.stats();
                if (s.totalFrames() >= expectedFrames && s.bufferQueue() == 0) {
                    break;
                }
                if (s.state() == org.mjpegwall.frame.SourceState.BACKOFF) {
                    break; // the stream ended early
                }
            }
            long allocAtEnd = allocLast;
            long framesAtEnd = framesLast;
            double seconds = (lastArrival - t0) / 1e9; // until the last frame arrived
            long readerCpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(reader.getId());
            SourceStats s = client.stats();
            double perFrame = allocAtEnd >= 0 && framesAtEnd > framesAtWarm
                    ? (double) (allocAtEnd - allocAtWarm) / (framesAtEnd - framesAtWarm) : Double.NaN;
            return new Result(s.bytes() / seconds / 1e9, s.totalFrames() / seconds, delivered, s.discardedFrames(),
                    perFrame, readerCpu / (s.bytes() / 1024.0));
        }
    }

    /** A camera-like JPEG: gradient, noise and text, encoded by ImageIO at its default quality. */
    static byte[] jpeg(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), w, h, new Color(200, 160, 60)));
        g.fillRect(0, 0, w, h);
        Random r = new Random(seed);
        for (int i = 0; i < w * h / 40; i++) {
            img.setRGB(r.nextInt(w), r.nextInt(h), r.nextInt());
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 12)));
        g.drawString("bench frame " + seed, w / 10, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
