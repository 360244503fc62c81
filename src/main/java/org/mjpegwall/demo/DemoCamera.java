package org.mjpegwall.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthetic camera: draws a test pattern with the camera's name, the wall-clock time, a frame counter and a
 * moving square, and encodes it as JPEG. Consecutive frames differ, so a viewer can see the picture is live.
 *
 * <p>Cheap by design: the static background is drawn once, and only the bottom band that changes is
 * re-encoded for each frame (see {@link JpegRowSplicer}); images, pixel arrays and the JPEG writer are reused. Not thread-safe in its state, so {@link #render} is synchronized; use one instance per thread for
 * parallel rendering.
 */
public final class DemoCamera {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCamera.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final float QUALITY = 0.75f;
    private static final Color[] BARS = {
        new Color(192, 192, 192), new Color(192, 192, 0), new Color(0, 192, 192), new Color(0, 192, 0),
        new Color(192, 0, 192), new Color(192, 0, 0), new Color(0, 0, 192),
    };

    private final String name;
    private final int width;
    private final int height;
    private final BufferedImage image;
    private final byte[] pixels;
    private final byte[] background;
    private final Font textFont;
    private final int bandTop;
    private final BufferedImage strip;
    private final byte[] stripPixels;
    private final JpegRowSplicer splicer;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

    /**
     * @param name shown on every frame
     * @throws IllegalArgumentException if a dimension is below 64 or above 4096
     */
    public DemoCamera(String name, int width, int height) {
        this(name, width, height, true);
    }

    /** A camera that encodes every frame whole, as a baseline for measuring the band splicing. */
    public static DemoCamera withoutSplicing(String name, int width, int height) {
        return new DemoCamera(name, width, height, false);
    }

    private DemoCamera(String name, int width, int height, boolean splice) {
        this.name = Objects.requireNonNull(name, "name");
        if (width < 64 || height < 64 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("demo camera size must be between 64x64 and 4096x4096: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.textFont = new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 20));
        this.writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        int[] mcu = JpegRowSplicer.mcuSize(writer, param, image);
        // The changing band (time, counter, square) is the bottom quarter, rounded to whole MCU rows.
        this.bandTop = (height - height / 4) / mcu[1] * mcu[1];
        drawBackground();
        this.background = pixels.clone();
        this.strip = new BufferedImage(width, height - bandTop, BufferedImage.TYPE_3BYTE_BGR);
        this.stripPixels = ((DataBufferByte) strip.getRaster().getDataBuffer()).getData();
        JpegRowSplicer s = null;
        if (splice) {
            try {
                s = new JpegRowSplicer(writer, param, image, bandTop, mcu[0], mcu[1]);
            } catch (RuntimeException ex) {
                LOG.warn("demo camera {} falls back to encoding whole frames: {}", name, ex.toString());
            }
        }
        this.splicer = s;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Renders and encodes frame number {@code frameNumber} at the current wall-clock time. */
    public byte[] render(long frameNumber) {
        return render(frameNumber, LocalDateTime.now(), true);
    }

    /** Renders a frame; {@code splice} false encodes the whole image (the reference for tests). */
    synchronized byte[] render(long frameNumber, LocalDateTime time, boolean splice) {
        if (splice && splicer != null) {
            System.arraycopy(background, bandTop * width * 3, stripPixels, 0, stripPixels.length);
            Graphics2D g = strip.createGraphics();
            try {
                g.translate(0, -bandTop);
                drawDynamic(g, frameNumber, time);
            } finally {
                g.dispose();
            }
            return splicer.encode(strip);
        }
        System.arraycopy(background, 0, pixels, 0, pixels.length);
        Graphics2D g = image.createGraphics();
        try {
            drawDynamic(g, frameNumber, time);
        } finally {
            g.dispose();
        }
        return encode();
    }

    /** Whether frames are made by re-encoding only the changing rows (true for every normal size). */
    boolean splicing() {
        return splicer != null;
    }

    /** Draws everything that changes; it must stay below {@code bandTop}. */
    private void drawDynamic(Graphics2D g, long frameNumber, LocalDateTime time) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(textFont);
        g.setColor(Color.WHITE);
        int line = textFont.getSize() + textFont.getSize() / 3;
        g.drawString(time.format(TIME), width / 32, bandTop + line);
        g.drawString(String.format("frame %08d", frameNumber), width / 32, bandTop + 2 * line);
        // The square sweeps the bottom of the band once every 120 frames (4 s at 30 fps).
        int size = Math.max(8, height / 16);
        int travel = width - size;
        int pos = (int) (frameNumber % 120);
        int x = (int) ((long) travel * pos / 119);
        g.setColor(Color.ORANGE);
        g.fillRect(x, height - size - 2, size, size);
    }

    private byte[] encode() {
        out.reset();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException("JPEG encoding failed", ex);
        }
        return out.toByteArray();
    }

    private void drawBackground() {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int barsHeight = bandTop * 2 / 3;
            for (int i = 0; i < BARS.length; i++) {
                int x0 = width * i / BARS.length;
                int x1 = width * (i + 1) / BARS.length;
                g.setColor(BARS[i]);
                g.fillRect(x0, 0, x1 - x0, barsHeight);
            }
            for (int x = 0; x < width; x++) {
                int v = 255 * x / (width - 1);
                g.setColor(new Color(v, v, v));
                g.drawLine(x, barsHeight, x, bandTop - 1);
            }
            g.setColor(new Color(24, 24, 32));
            g.fillRect(0, bandTop, width, height - bandTop);
            g.setColor(new Color(255, 255, 255, 90));
            g.setStroke(new BasicStroke(1f));
            for (int x = width / 8; x < width; x += width / 8) {
                g.drawLine(x, 0, x, bandTop - 1);
            }
            g.setColor(Color.BLACK);
            g.drawOval(width / 2 - bandTop / 3, bandTop / 2 - bandTop / 3, bandTop * 2 / 3, bandTop * 2 / 3);
            Font nameFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 12));
            g.setFont(nameFont);
            int textWidth = g.getFontMetrics().stringWidth(name);
            int nx = Math.max(4, (width - textWidth) / 2);
            int ny = barsHeight / 2 + nameFont.getSize() / 3;
            g.setColor(new Color(0, 0, 0, 160));
            g.fillRoundRect(nx - 8, ny - nameFont.getSize(), textWidth + 16, nameFont.getSize() * 4 / 3, 10, 10);
            g.setColor(Color.WHITE);
            g.drawString(name, nx, ny);
        } finally {
            g.dispose();
        }
    }
}
