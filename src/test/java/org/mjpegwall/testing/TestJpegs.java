package org.mjpegwall.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** JPEG-like and real JPEG test data. */
public final class TestJpegs {
    private TestJpegs() {
    }

    /**
     * A fake frame of {@code size} bytes: SOI, pseudo-random bytes from {@code seed} with no 0xFF (so no
     * markers), and EOI. The parser never decodes, so this is enough for wire tests.
     */
    public static byte[] fake(int size, long seed) {
        if (size < 4) {
            throw new IllegalArgumentException("size >= 4");
        }
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        for (int i = 0; i < size; i++) {
            if (b[i] == (byte) 0xFF) {
                b[i] = 0x7F;
            }
        }
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[size - 2] = (byte) 0xFF;
        b[size - 1] = (byte) 0xD9;
        return b;
    }

    /** A real baseline JPEG made with ImageIO: a {@code w}×{@code h} picture with a colour from {@code seed}. */
    public static byte[] real(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB((seed % 16) / 16f, 0.8f, 0.9f)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("frame " + seed, 5, h / 2);
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
