package org.mjpegwall.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.server.FrameHub;
import org.mjpegwall.server.MjpegServer;

/**
 * The child JVM of {@code bench-relay}: serves the upstream camera and runs the viewers, driven by lines on stdin
 * ({@code UPSTREAM fps w h}, {@code VIEWERS url n warmup seconds}, {@code QUIT}).
 */
public final class RelayLoadGenerator {
    private RelayLoadGenerator() {
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
                        publisher = PacedPublisher.start(hub, PacedPublisher.prerender(new ServeSupport.Size(Integer.parseInt(a[2]), Integer.parseInt(a[3])), fps), fps);
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
        List<BenchViewer> list = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                BenchViewer v = new BenchViewer(stream);
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
            for (BenchViewer v : list) {
                v.close();
            }
            for (BenchViewer v : list) {
                v.thread.join(5000);
            }
        }
    }
}
