package org.mjpegwall.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small JPEGs made on the spot for tests. */
public final class TestJpegs {
    private TestJpegs() {
    }

    /** A JPEG filled with one colour, with a white bar at the top whose width shows {@code n}. */
    public static byte[] solid(int w, int h, Color color, int n) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, Math.min(w, (n % 10 + 1) * w / 10), Math.max(1, h / 8));
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
