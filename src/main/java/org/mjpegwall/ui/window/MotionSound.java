package org.mjpegwall.ui.window;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short sound when motion starts on a camera set to make one: two 880 Hz tones of 0.12 s, made in
 * memory and played with the JDK's {@code javax.sound.sampled} (no media library, no sound file), on a
 * thread of its own; without a sound device, the system bell. A sound asked for while one plays is
 * dropped, so a burst of events makes one sound, not a queue of them.
 */
final class MotionSound implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MotionSound.class);
    private static final float RATE = 22_050;

    private final ExecutorService player = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "motion-sound");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final byte[] tone = tone();
    private volatile boolean deviceFailed;

    @Override
    public void run() {
        player.execute(this::play);
    }

    private void play() {
        if (!deviceFailed) {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(tone, 0, tone.length);
                line.drain();
                return;
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                deviceFailed = true; // said once; the bell from now on
                LOG.info("no sound device ({}); motion sounds use the system bell", e.toString());
            }
        }
        try {
            java.awt.Toolkit.getDefaultToolkit().beep();
        } catch (RuntimeException | Error e) {
            LOG.debug("no system bell either", e);
        }
    }

    /** Two short tones with soft edges (no click), 16-bit little-endian mono. */
    private static byte[] tone() {
        int beep = (int) (RATE * 0.12);
        int gap = (int) (RATE * 0.08);
        int samples = 2 * beep + gap;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int k = i < beep ? i : i - beep - gap;
            double v = 0;
            if (k >= 0 && k < beep) {
                double edge = Math.min(1, Math.min(k, beep - k) / (RATE * 0.01));
                v = 0.35 * edge * Math.sin(2 * Math.PI * 880 * k / RATE);
            }
            short s = (short) Math.round(v * Short.MAX_VALUE);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    void close() {
        player.shutdownNow();
    }
}
