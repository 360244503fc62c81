package org.mjpegwall.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pre-encoded, photo-like JPEG frames for benchmarks: a street scene (sky gradient, buildings with lit windows,
 * a road, a car that moves from frame to frame, a time stamp) with sensor-like noise, at quality 0.85 and 4:2:0,
 * so a frame costs a decoder what a camera's frame costs (the demo camera's flat test pattern decodes far
 * faster). Made once, then replayed: serving them costs next to nothing, so a benchmark measures the viewer.
 */
public final class PhotoFrames {
    private static final float QUALITY = 0.85f;

    private PhotoFrames() {
    }

    /**
     * {@code count} different frames of {@code width}×{@code height}, the same for the same arguments.
     *
     * @throws IllegalArgumentException if a dimension is below 16 or above 8192, or count is not 1..64
     */
    public static List<byte[]> make(int width, int height, int count) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192 || count < 1 || count > 64) {
            throw new IllegalArgumentException("frames must be 16..8192 pixels a side, 1..64 of them");
        }
        BufferedImage scene = scene(width, height);
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(encode(frame(scene, i, count)));
        }
        return List.copyOf(frames);
    }

    private static BufferedImage scene(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = h * 11 / 20;
        g.setPaint(new GradientPaint(0, 0, new Color(70, 120, 200), 0, horizon, new Color(200, 215, 230)));
        g.fillRect(0, 0, w, horizon);
        g.setPaint(new GradientPaint(0, horizon, new Color(90, 95, 85), 0, h, new Color(50, 52, 48)));
        g.fillRect(0, horizon, w, h - horizon);
        Random r = new Random(42);
        for (int x = -w / 40; x < w; ) {
            int bw = w / 14 + r.nextInt(w / 10 + 1);
            int bh = horizon / 3 + r.nextInt(horizon / 2 + 1);
            int shade = 90 + r.nextInt(100);
            g.setColor(new Color(shade, shade - 10 + r.nextInt(20), shade - 20 + r.nextInt(30)));
            g.fillRect(x, horizon - bh, bw, bh);
            int win = Math.max(3, w / 160);
            for (int wy = horizon - bh + win * 2; wy < horizon - win * 2; wy += win * 3) {
                for (int wx = x + win; wx < x + bw - win * 2; wx += win * 3) {
                    g.setColor(r.nextInt(3) == 0 ? new Color(250, 220, 140) : new Color(40, 50, 60));
                    g.fillRect(wx, wy, win * 2, win * 2);
                }
            }
            x += bw + r.nextInt(w / 40 + 1);
        }
        g.setColor(new Color(230, 230, 220));
        for (int x = 0; x < w; x += w / 12) {
            g.fillRect(x, h * 17 / 20, w / 24, Math.max(2, h / 120));
        }
        g.dispose();
        return img;
    }

    private static BufferedImage frame(BufferedImage scene, int index, int count) {
        int w = scene.getWidth();
        int h = scene.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.drawImage(scene, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int carW = w / 6;
        int carH = h / 10;
        int carX = (int) ((long) (w + carW) * index / count) - carW;
        int carY = h * 3 / 4 - carH / 2;
        g.setColor(new Color(170, 30, 35));
        g.fillRoundRect(carX, carY, carW, carH, carH / 2, carH / 2);
        g.setColor(new Color(150, 190, 220));
        g.fillRect(carX + carW / 5, carY + carH / 8, carW * 3 / 5, carH / 3);
        g.setColor(Color.BLACK);
        g.fillOval(carX + carW / 8, carY + carH * 3 / 4, carH / 2, carH / 2);
        g.fillOval(carX + carW * 5 / 8, carY + carH * 3 / 4, carH / 2, carH / 2);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, h / 24)));
        g.drawString(String.format("CAM 01  2026-01-01 12:00:%02d.%03d", index / 30, index * 33 % 1000), w / 40, h / 14);
        g.dispose();
        addNoise(((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 1000 + index);
        return img;
    }

    /** Sensor-like noise (about ±6 levels), which is most of what makes a camera's JPEG cost to decode. */
    private static void addNoise(byte[] bgr, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < bgr.length; i++) {
            int v = (bgr[i] & 0xFF) + (int) Math.round(r.nextGaussian() * 4);
            bgr[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    private static byte[] encode(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
