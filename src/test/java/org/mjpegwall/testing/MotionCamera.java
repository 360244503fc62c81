package org.mjpegwall.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted MJPEG camera on 127.0.0.1 for recording-on-motion tests: a still, textured room, and in frames
 * {@code motionFrom..motionTo} (inclusive) a white square jumping to a new place every frame. Every frame's bytes
 * are unique (a numbered COM segment, {@link TestJpegs#numbered}), so a recording's frames can be traced to the
 * frames sent, and it remembers when each frame was sent ({@link System#nanoTime()}, the clock of every JVM on
 * the machine). Frames go out one interval after the previous one (never in a burst, so a slow machine does not
 * make the analyser skip frames); after the last frame the connection stays open.
 */
public final class MotionCamera implements AutoCloseable {
    private final byte[][] frames;
    private final long[] sentNanos;
    private final AtomicInteger sent = new AtomicInteger();
    private final ScriptedServer server;

    private MotionCamera(int fps, int count, int motionFrom, int motionTo) throws IOException {
        BufferedImage room = room(320, 240);
        byte[] still = TestJpegs.encode(room);
        frames = new byte[count][];
        for (int n = 0; n < count; n++) {
            byte[] image = still;
            if (n >= motionFrom && n <= motionTo) {
                BufferedImage img = room(320, 240);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(20 + (n * 67) % 240, 20 + (n * 41) % 160, 48, 48);
                g.dispose();
                image = TestJpegs.encode(img);
            }
            frames[n] = TestJpegs.numbered(image, n);
        }
        sentNanos = new long[count];
        Arrays.fill(sentNanos, -1);
        long interval = 1_000_000_000L / fps;
        server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: multipart/x-mixed-replace; boundary=frame");
            for (int n = 0; n < count; n++) {
                ex.write(ScriptedServer.partHead("frame", frames[n].length)).write(frames[n]).write("\r\n").flush();
                sentNanos[n] = System.nanoTime();
                sent.set(n + 1);
                ex.pause(Duration.ofNanos(interval));
            }
            ex.stallUntilClosed();
        });
    }

    /** Starts serving {@code count} frames at {@code fps}, with motion in frames {@code motionFrom..motionTo}. */
    public static MotionCamera start(int fps, int count, int motionFrom, int motionTo) throws IOException {
        return new MotionCamera(fps, count, motionFrom, motionTo);
    }

    public URI uri() {
        return server.uri("/stream.mjpg");
    }

    /** Frame {@code n}'s bytes, exactly as sent. */
    public byte[] frame(int n) {
        return frames[n];
    }

    /** How many frames were sent so far. */
    public int sent() {
        return sent.get();
    }

    /** When frame {@code n} was sent ({@link System#nanoTime()}), or -1. */
    public long sentNanos(int n) {
        return sentNanos[n];
    }

    /** The frame number a frame of this camera carries (its COM segment "frame N"). */
    public static int number(byte[] jpeg) {
        int len = ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF)) - 2;
        String text = new String(jpeg, 6, len, StandardCharsets.US_ASCII);
        return Integer.parseInt(text.substring("frame ".length()));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static BufferedImage room(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y += 8) {
            g.setColor(new Color(60 + y / 4, 70 + y / 5, 80));
            g.fillRect(0, y, w, 8);
        }
        g.setColor(new Color(120, 90, 60));
        g.fillRect(30, 150, 120, 60); // a table
        g.setColor(new Color(40, 40, 50));
        g.fillRect(200, 40, 80, 120); // a door
        g.dispose();
        return img;
    }
}
