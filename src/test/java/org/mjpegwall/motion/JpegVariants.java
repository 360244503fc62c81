package org.mjpegwall.motion;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/** JPEGs of one picture in the encodings cameras use, written with the JDK's encoder, and their expected thumbnails. */
final class JpegVariants {
    private JpegVariants() {
    }

    /** Chroma sampling of the luminance component (chroma is 1×1): 4:4:4 = 1×1, 4:2:2 = 2×1, 4:2:0 = 2×2. */
    enum Sampling {
        S444(1, 1), S422(2, 1), S420(2, 2), S440(1, 2);

        final int h;
        final int v;

        Sampling(int h, int v) {
            this.h = h;
            this.v = v;
        }
    }

    /** A picture with gradients, shapes of several colours and sensor-like noise. */
    static BufferedImage picture(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 90), w, h, new Color(230, 200, 150)));
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < 12; k++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 5 + r.nextInt(Math.max(1, w / 3)), 5 + r.nextInt(Math.max(1, h / 3)));
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * 4);
                img.setRGB(x, y, (clamp(((rgb >> 16) & 0xFF) + n) << 16) | (clamp(((rgb >> 8) & 0xFF) + n) << 8)
                        | clamp((rgb & 0xFF) + n));
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, Sampling sampling, int restartInterval, boolean progressive, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode sof = (IIOMetadataNode) markers.getElementsByTagName("sof").item(0);
            if (sampling != null && img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                for (Node c = sof.getFirstChild(); c != null; c = c.getNextSibling()) {
                    IIOMetadataNode spec = (IIOMetadataNode) c;
                    boolean luma = "1".equals(spec.getAttribute("componentId"));
                    spec.setAttribute("HsamplingFactor", String.valueOf(luma ? sampling.h : 1));
                    spec.setAttribute("VsamplingFactor", String.valueOf(luma ? sampling.v : 1));
                }
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(restartInterval));
                markers.insertBefore(dri, sof);
            }
            meta.setFromTree(format, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thumbnail the DC decoder should give: the mean BT.601 luma of each 8×8 block of the decoded picture. */
    static GreyImage expectedThumbnail(byte[] jpeg) {
        BufferedImage img;
        try {
            img = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int tw = (img.getWidth() + 7) / 8;
        int th = (img.getHeight() + 7) / 8;
        GreyImage out = new GreyImage(tw, th);
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                double sum = 0;
                int n = 0;
                for (int y = ty * 8; y < Math.min(img.getHeight(), ty * 8 + 8); y++) {
                    for (int x = tx * 8; x < Math.min(img.getWidth(), tx * 8 + 8); x++) {
                        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) { // getRGB would gamma-convert
                            sum += img.getRaster().getSample(x, y, 0);
                            n++;
                            continue;
                        }
                        int rgb = img.getRGB(x, y);
                        sum += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                        n++;
                    }
                }
                out.set(tx, ty, (int) Math.round(sum / n));
            }
        }
        return out;
    }

    static BufferedImage grey(BufferedImage rgb) {
        BufferedImage g = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(rgb, 0, 0, null);
        gr.dispose();
        return g;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
