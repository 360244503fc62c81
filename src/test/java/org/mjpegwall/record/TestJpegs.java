package org.mjpegwall.record;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real JPEG frames for tests: one encoded image, made unique per frame by a JPEG comment segment. */
final class TestJpegs {
    private TestJpegs() {
    }

    /** Encodes a small test image with ImageIO. */
    static byte[] image(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image with a COM segment "frame N" after SOI: still a valid JPEG, with unique bytes. */
    static byte[] numbered(byte[] image, long n) {
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
}
