package org.mjpegwall.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@code bench-soak}: viewers that come and go on the server under test, as people and browsers
 * do, so that what the server keeps per connection shows as growth. Driven by lines on stdin: {@code RUN},
 * {@code PAUSE} (every viewer leaves; answers {@code PAUSED}), {@code STATS} (answers {@code STATS ...}), {@code QUIT}.
 *
 * <p>Each viewer thread repeats: pick a camera, then mostly watch its stream for 0.5 to 4 s; sometimes take a
 * snapshot, read {@code /status}, or send half a request and wait 2 s. Half of the streams end with a reset, the
 * rest with a normal close, and a few stop reading for a while first.
 */
public final class SoakViewers {
    private final URI base;
    private final int cameras;
    private final List<Thread> threads = new ArrayList<>();
    private final Object lock = new Object();
    private boolean running; // guarded by lock
    private int busy; // guarded by lock
    private final AtomicLong streams = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong halfOpen = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private SoakViewers(URI base, int cameras) {
        this.base = base;
        this.cameras = cameras;
    }

    /** {@code SoakViewers BASE_URI CAMERAS VIEWERS}. */
    public static void main(String[] args) throws Exception {
        SoakViewers soak = new SoakViewers(URI.create(args[0]), Integer.parseInt(args[1]));
        int viewers = Integer.parseInt(args[2]);
        for (int i = 0; i < viewers; i++) {
            Thread t = new Thread(soak::viewer, "soak-viewer-" + i);
            t.setDaemon(true);
            soak.threads.add(t);
            t.start();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("QUIT")) {
            switch (line) {
                case "RUN" -> soak.setRunning(true);
                case "PAUSE" -> {
                    soak.setRunning(false);
                    soak.awaitIdle();
                    System.out.println("PAUSED");
                }
                case "STATS" -> System.out.printf(Locale.ROOT, "STATS %d %d %d %d %d%n", soak.streams.get(),
                        soak.bytes.get(), soak.snapshots.get(), soak.halfOpen.get(), soak.errors.get());
                default -> System.out.println("ERROR unknown command " + line);
            }
            System.out.flush();
        }
    }

    private void setRunning(boolean run) {
        synchronized (lock) {
            running = run;
            lock.notifyAll();
        }
    }

    private void awaitIdle() throws InterruptedException {
        synchronized (lock) {
            while (busy > 0) {
                lock.wait();
            }
        }
    }

    private void viewer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            synchronized (lock) {
                while (!running) {
                    try {
                        lock.wait();
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
                busy++;
            }
            try {
                int camera = 1 + random.nextInt(cameras);
                int dice = random.nextInt(100);
                if (dice < 80) {
                    watch(camera, 500 + random.nextInt(3500), random.nextBoolean(), random.nextInt(10) == 0);
                } else if (dice < 90) {
                    get("/camera/" + camera + "/snapshot.jpg");
                    snapshots.incrementAndGet();
                } else if (dice < 95) {
                    get("/status");
                } else {
                    halfARequest(camera);
                }
            } catch (IOException | RuntimeException ex) {
                errors.incrementAndGet();
            } catch (InterruptedException ex) {
                return;
            } finally {
                synchronized (lock) {
                    busy--;
                    lock.notifyAll();
                }
            }
        }
    }

    private boolean stillRunning() {
        synchronized (lock) {
            return running;
        }
    }

    private Socket connect(String request) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(10_000);
        OutputStream o = s.getOutputStream();
        o.write(request.getBytes(StandardCharsets.US_ASCII));
        o.flush();
        return s;
    }

    private void watch(int camera, long millis, boolean reset, boolean stallFirst) throws IOException, InterruptedException {
        try (Socket s = connect("GET /camera/" + camera + "/stream.mjpg HTTP/1.1\r\nHost: soak\r\n\r\n")) {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            if (stallFirst) {
                TimeUnit.MILLISECONDS.sleep(millis / 2); // a viewer whose reading stalls for a while
            }
            while (System.nanoTime() < end && stillRunning()) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                bytes.addAndGet(n);
            }
            streams.incrementAndGet();
            if (reset) {
                s.setSoLinger(true, 0);
            }
        }
    }

    private void get(String path) throws IOException {
        try (Socket s = connect("GET " + path + " HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n")) {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes.addAndGet(n);
            }
        }
    }

    private void halfARequest(int camera) throws IOException, InterruptedException {
        try (Socket s = connect("GET /camera/" + camera + "/str")) {
            halfOpen.incrementAndGet();
            TimeUnit.SECONDS.sleep(2);
        }
    }
}
