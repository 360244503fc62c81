package org.mjpegwall.motion;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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
 * A synthetic camera scene for motion tests: a fixed, textured room (gradient, furniture-like shapes),
 * sensor noise that differs every frame, an optional light level that changes over time, and objects
 * that move across it. Frames are rendered in colour and encoded as JPEG with the JDK, as a camera would.
 */
public final class Scene {
    /** Something that moves: a rectangle of a colour, at a position given by time; it stops moving after {@code stopAfter} seconds. */
    public record Mover(double fromSeconds, double toSeconds, int w, int h, Color color, double x0, double y0, double vx, double vy,
            double stopAfter) {
        public Mover(double fromSeconds, double toSeconds, int w, int h, Color color, double x0, double y0, double vx, double vy) {
            this(fromSeconds, toSeconds, w, h, color, x0, y0, vx, vy, Double.MAX_VALUE);
        }

        boolean visibleAt(double t) {
            return t >= fromSeconds && t < toSeconds;
        }
    }

    /** Brightness factor as a function of time (1 = as drawn). */
    interface Light {
        double at(double seconds);
    }

    final int width;
    final int height;
    private final BufferedImage room;
    private final int[] roomPixels;
    private final BufferedImage frame;
    private final int[] framePixels;
    private final List<Mover> movers = new ArrayList<>();
    private final Random random;
    private final int[] noise;
    private double noiseSigma = 6;
    private Light light = t -> 1;
    private double greyFrom = Double.MAX_VALUE;
    private double lampFrom = Double.MAX_VALUE;
    private double lampStrength;
    private final ImageWriter writer;
    private final ImageWriteParam param;

    public Scene(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.random = new Random(seed);
        room = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = room.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(70, 80, 100), width, height, new Color(170, 160, 140)));
        g.fillRect(0, 0, width, height);
        Random r = new Random(seed * 31 + 1);
        for (int k = 0; k < 14; k++) {
            g.setColor(new Color(40 + r.nextInt(180), 40 + r.nextInt(180), 40 + r.nextInt(180)));
            g.fillRect(r.nextInt(width), r.nextInt(height), 10 + r.nextInt(width / 5), 10 + r.nextInt(height / 5));
        }
        g.dispose();
        roomPixels = ((DataBufferInt) room.getRaster().getDataBuffer()).getData();
        frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        framePixels = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        noise = new int[8192];
        writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
    }

    Scene noise(double sigma) {
        this.noiseSigma = sigma;
        return this;
    }

    Scene light(Light l) {
        this.light = l;
        return this;
    }

    /** From {@code seconds} on, the camera switches to grey (IR night mode). */
    Scene greyFrom(double seconds) {
        this.greyFrom = seconds;
        return this;
    }

    /** From {@code seconds} on, a lamp on the left lights the room unevenly: ×(1 + strength) at the left edge, ×1 at the right. */
    Scene lampFrom(double seconds, double strength) {
        this.lampFrom = seconds;
        this.lampStrength = strength;
        return this;
    }

    Scene quality(float q) {
        param.setCompressionQuality(q);
        return this;
    }

    public Scene add(Mover m) {
        movers.add(m);
        return this;
    }

    /** Renders the frame at {@code seconds} and returns it as a JPEG. */
    public byte[] jpeg(double seconds) {
        render(seconds);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(frame, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Renders the frame at {@code seconds} straight into a grey thumbnail-sized image (no JPEG), for pure detector tests. */
    GreyImage thumbnail(double seconds) {
        render(seconds);
        int tw = (width + 7) / 8;
        int th = (height + 7) / 8;
        GreyImage g = new GreyImage(tw, th);
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int sum = 0;
                int n = 0;
                for (int y = ty * 8; y < Math.min(height, ty * 8 + 8); y++) {
                    for (int x = tx * 8; x < Math.min(width, tx * 8 + 8); x++) {
                        int rgb = framePixels[y * width + x];
                        sum += (77 * ((rgb >> 16) & 0xFF) + 150 * ((rgb >> 8) & 0xFF) + 29 * (rgb & 0xFF)) >> 8;
                        n++;
                    }
                }
                g.set(tx, ty, sum / n);
            }
        }
        return g;
    }

    private void render(double t) {
        System.arraycopy(roomPixels, 0, framePixels, 0, roomPixels.length);
        Graphics2D g = frame.createGraphics();
        for (Mover m : movers) {
            if (m.visibleAt(t)) {
                double dt = Math.min(t - m.fromSeconds(), m.stopAfter());
                g.setColor(m.color());
                g.fillRect((int) Math.round(m.x0() + m.vx() * dt), (int) Math.round(m.y0() + m.vy() * dt), m.w(), m.h());
            }
        }
        g.dispose();
        double gain = light.at(t);
        boolean grey = t >= greyFrom;
        // Fresh noise every frame, without a Gaussian per pixel: 8192 new values, spread with a random shift.
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (int) Math.round(random.nextGaussian() * noiseSigma);
        }
        int shift = random.nextInt(noise.length);
        boolean lamp = t >= lampFrom;
        for (int i = 0; i < framePixels.length; i++) {
            int rgb = framePixels[i];
            int n = noise[(i * 7 + shift) & (noise.length - 1)];
            double f = lamp ? gain * (1 + lampStrength * (1 - (double) (i % width) / width)) : gain;
            int r = (int) (((rgb >> 16) & 0xFF) * f) + n;
            int gr = (int) (((rgb >> 8) & 0xFF) * f) + n;
            int b = (int) ((rgb & 0xFF) * f) + n;
            if (grey) {
                int y = (r * 77 + gr * 150 + b * 29) >> 8;
                r = gr = b = y;
            }
            framePixels[i] = (clamp(r) << 16) | (clamp(gr) << 8) | clamp(b);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
