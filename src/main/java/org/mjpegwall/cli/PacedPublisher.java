package org.mjpegwall.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.demo.DemoCamera;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.server.FrameHub;

/** A benchmark's camera: pre-rendered demo frames published into a hub at a steady rate, rendering nothing live. */
final class PacedPublisher {
    private PacedPublisher() {
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

    /** Publishes {@code frames} in a loop at {@code fps} on a daemon thread, until interrupted. */
    static Thread start(FrameHub hub, List<byte[]> frames, double fps) {
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
}
