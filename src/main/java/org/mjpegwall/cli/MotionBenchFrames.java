package org.mjpegwall.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Camera-like JPEGs for {@code bench-motion}: a furnished room (gradient, shapes, text), fresh sensor
 * noise in every frame, and a person-sized shape walking across, encoded at quality 75 (4:2:0) as
 * most cameras do; or the JPEG files of a folder (for example frames cut from a real camera with ffmpeg).
 */
final class MotionBenchFrames {
    private MotionBenchFrames() {
    }

    static List<byte[]> generate(int width, int height, int count, long seed) {
        Random random = new Random(seed);
        BufferedImage room = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = room.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(60, 70, 95), width, height, new Color(180, 165, 140)));
        g.fillRect(0, 0, width, height);
        for (int k = 0; k < 30; k++) {
            g.setColor(new Color(30 + random.nextInt(200), 30 + random.nextInt(200), 30 + random.nextInt(200)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 8 + random.nextInt(width / 5), 8 + random.nextInt(height / 5));
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 24)));
        g.drawString("CAM 07  2026-11-30", width / 40, height / 14);
        g.dispose();
        int[] roomPx = ((DataBufferInt) room.getRaster().getDataBuffer()).getData();
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        int[] noise = new int[8192];
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
        List<byte[]> frames = new ArrayList<>();
        int personW = Math.max(8, width / 16);
        int personH = Math.max(16, height / 4);
        try {
            for (int i = 0; i < count; i++) {
                System.arraycopy(roomPx, 0, px, 0, px.length);
                Graphics2D f = frame.createGraphics();
                f.setColor(new Color(35, 35, 45));
                int x = (int) ((long) i * (width + personW) / count) - personW;
                f.fillRect(x, height / 2, personW, personH);
                f.dispose();
                for (int k = 0; k < noise.length; k++) {
                    noise[k] = (int) Math.round(random.nextGaussian() * 3);
                }
                int shift = random.nextInt(noise.length);
                for (int p = 0; p < px.length; p++) {
                    int n = noise[(p * 7 + shift) & (noise.length - 1)];
                    int rgb = px[p];
                    px[p] = (clamp(((rgb >> 16) & 0xFF) + n) << 16) | (clamp(((rgb >> 8) & 0xFF) + n) << 8)
                            | clamp((rgb & 0xFF) + n);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4);
                try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(frame, null, null), param);
                }
                frames.add(out.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return frames;
    }

    /** The {@code .jpg}/{@code .jpeg} files of a folder in name order (at most {@code max}, each at most 16 MB). */
    static List<byte[]> fromFolder(Path dir, int max) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, "*.{jpg,jpeg,JPG,JPEG}")) {
            list.forEach(files::add);
        }
        files.sort(null);
        List<byte[]> frames = new ArrayList<>();
        for (Path p : files.subList(0, Math.min(max, files.size()))) {
            if (Files.size(p) <= 16 << 20) {
                frames.add(Files.readAllBytes(p));
            }
        }
        return frames;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
