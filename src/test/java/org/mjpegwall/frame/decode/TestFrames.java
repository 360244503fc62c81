package org.mjpegwall.frame.decode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.mjpegwall.demo.PhotoFrames;

/** JPEG variants for the decoder's tests, and the reference they are compared with. */
final class TestFrames {
    private static final Map<String, byte[]> PHOTOS = new HashMap<>();

    private TestFrames() {
    }

    /** A photo-like 4:2:0 baseline frame (made once per size). */
    static synchronized byte[] photo(int w, int h) {
        return PHOTOS.computeIfAbsent(w + "x" + h, k -> PhotoFrames.make(w, h, 1).get(0)).clone();
    }

    /** A greyscale (one component) frame. */
    static byte[] grey(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLACK, w, h, Color.WHITE));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return write(img, false);
    }

    /** A progressive frame of the photo. */
    static byte[] progressive(int w, int h) throws IOException {
        return write(ImageIO.read(new ByteArrayInputStream(photo(w, h))), true);
    }

    private static byte[] write(BufferedImage img, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
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

    /** The frame with the size in its SOF header replaced (the scan data stays as it was). */
    static byte[] withStatedSize(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (true) {
            int marker = b[i + 1] & 0xff;
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
            i += 2 + len;
        }
    }

    /**
     * The reference picture: ImageIO's full decode (the JDK's own libjpeg), each {@code scale}×{@code scale}
     * block averaged, as ARGB ints.
     */
    static int[] reference(byte[] jpeg, int scale) throws IOException {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        int fw = full.getWidth();
        int fh = full.getHeight();
        int w = (fw + scale - 1) / scale;
        int h = (fh + scale - 1) / scale;
        int[] px = new int[fw * fh];
        if (full.getType() == BufferedImage.TYPE_BYTE_GRAY) { // getRGB would convert linear grey to sRGB
            int[] grey = full.getRaster().getPixels(0, 0, fw, fh, (int[]) null);
            for (int i = 0; i < px.length; i++) {
                px[i] = grey[i] * 0x010101;
            }
        } else {
            full.getRGB(0, 0, fw, fh, px, 0, fw);
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int sy = y * scale; sy < Math.min(fh, (y + 1) * scale); sy++) {
                    for (int sx = x * scale; sx < Math.min(fw, (x + 1) * scale); sx++) {
                        int p = px[sy * fw + sx];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out[y * w + x] = 0xFF000000 | (r + n / 2) / n << 16 | (g + n / 2) / n << 8 | (b + n / 2) / n;
            }
        }
        return out;
    }

    /** How far a decoded BGRA picture is from the reference, per colour channel. */
    record Difference(double mean, int p99) {
    }

    static Difference bgraDifference(Decoded d, int[] reference) {
        int[] histogram = new int[256];
        long sum = 0;
        int n = 0;
        for (int i = 0; i < d.width() * d.height(); i++) {
            int y = i / d.width();
            int o = y * d.stride() + (i % d.width()) * 4;
            int[] got = {d.pixels().get(o + 2) & 0xFF, d.pixels().get(o + 1) & 0xFF, d.pixels().get(o) & 0xFF};
            int[] want = {reference[i] >> 16 & 0xFF, reference[i] >> 8 & 0xFF, reference[i] & 0xFF};
            for (int c = 0; c < 3; c++) {
                int diff = Math.abs(got[c] - want[c]);
                histogram[diff]++;
                sum += diff;
                n++;
            }
        }
        return new Difference((double) sum / n, percentile99(histogram, n));
    }

    static Difference grayDifference(Decoded d, int[] reference) {
        int[] histogram = new int[256];
        long sum = 0;
        for (int i = 0; i < reference.length; i++) {
            int p = reference[i];
            int luma = (77 * (p >> 16 & 0xFF) + 150 * (p >> 8 & 0xFF) + 29 * (p & 0xFF) + 128) >> 8;
            int y = i / d.width();
            int diff = Math.abs((d.pixels().get(y * d.stride() + i % d.width()) & 0xFF) - luma);
            histogram[diff]++;
            sum += diff;
        }
        return new Difference((double) sum / reference.length, percentile99(histogram, reference.length));
    }

    private static int percentile99(int[] histogram, int n) {
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= n * 0.99) {
                return i;
            }
        }
        return 255;
    }

    static byte[] copyOf(byte[] b, int len) {
        return Arrays.copyOf(b, len);
    }
}
