package org.mjpegwall.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.Frame;

/** Test frames that say their own number, and a publisher thread that feeds a hub at a steady pace. */
final class NumberedFrames {
    private NumberedFrames() {
    }

    /** A frame of {@code size} bytes whose first bytes read "frame N;". */
    static Frame frame(long n, int size) {
        byte[] label = ("frame " + n + ";").getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[Math.max(size, label.length)];
        Arrays.fill(data, (byte) (n % 251));
        System.arraycopy(label, 0, data, 0, label.length);
        return new Frame(data, n, System.currentTimeMillis(), System.nanoTime());
    }

    /** The number a {@link #frame} carries. */
    static long number(byte[] data) {
        String s = new String(data, 0, Math.min(32, data.length), StandardCharsets.US_ASCII);
        return Long.parseLong(s.substring("frame ".length(), s.indexOf(';')));
    }

    /** Publishes {@code count} frames, one every {@code intervalMillis}, on its own thread. */
    static final class Publisher implements AutoCloseable {
        final List<Frame> published = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Publisher(FrameHub hub, int count, int size, long intervalMillis) {
            thread = new Thread(() -> {
                try {
                    for (int i = 1; i <= count; i++) {
                        Frame f = frame(i, size);
                        published.add(f);
                        hub.publish(f);
                        TimeUnit.MILLISECONDS.sleep(intervalMillis);
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, "test-publisher");
            thread.start();
        }

        boolean awaitDone(long seconds) throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
            return !thread.isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(5000);
        }
    }
}
