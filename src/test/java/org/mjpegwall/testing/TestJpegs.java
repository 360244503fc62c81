package org.mjpegwall.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** JPEG-like and real JPEG test data, made on the spot: the one set of test frames for every package. */
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
        return encode(img);
    }

    /** A real JPEG filled with one colour, with a white bar at the top whose width shows {@code n}. */
    public static byte[] solid(int w, int h, Color color, int n) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, Math.min(w, (n % 10 + 1) * w / 10), Math.max(1, h / 8));
        g.dispose();
        return encode(img);
    }

    /** A real JPEG of an orange disc on dark grey; make copies unique with {@link #numbered}. */
    public static byte[] image(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(img);
    }

    /** The image with a COM segment "frame N" after SOI: still a valid JPEG, with unique bytes. */
    public static byte[] numbered(byte[] image, long n) {
        // Odd and even lengths both occur, which exercises the AVI pad byte.
        byte[] text = ("frame " + n).getBytes(StandardCharsets.US_ASCII);
        int len = text.length + 2;
        byte[] out = new byte[image.length + 2 + len];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(image, 2, out, 6 + text.length, image.length - 2);
        return out;
    }

    /** The picture as a JPEG, written by ImageIO. */
    static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The frame without its DHT segments (those before the first scan), as many USB webcams send their frames. */
    public static byte[] withoutHuffmanTables(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int i = 2;
        while (i < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                out.write(jpeg, i, jpeg.length - i);
                break;
            }
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker != 0xC4) {
                out.write(jpeg, i, len + 2);
            }
            i += len + 2;
        }
        return out.toByteArray();
    }
}
