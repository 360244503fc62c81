package org.mjpegwall.record;

import java.nio.file.Path;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.TestJpegs;

/**
 * A child JVM for {@link CrashSafetyTest}: records numbered frames at a steady rate, in real time,
 * printing "accepted N" after each frame, until it is killed.
 */
public final class RecordingChild {
    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int fps = Integer.parseInt(args[1]);
        byte[] image = TestJpegs.image(64, 48);
        Recorder rec = Recorder.start(RecordingOptions.forCamera(dir, "crash"), new RecordingRegistry());
        long interval = 1_000_000_000L / fps;
        long next = System.nanoTime();
        for (long n = 0; n < 100_000; n++) {
            long now = System.nanoTime();
            if (next > now) {
                Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
            }
            next += interval;
            rec.accept(new Frame(TestJpegs.numbered(image, n), n, System.currentTimeMillis(), System.nanoTime()));
            System.out.println("accepted " + (n + 1));
            System.out.flush();
        }
    }
}
