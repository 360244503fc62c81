package org.mjpegwall.ui;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import org.mjpegwall.frame.Jpeg;

/**
 * Decodes JPEG frames for one tile into one reused {@link WritableImage}, at the size the image is drawn.
 *
 * <p>Why decode through {@code new Image(stream, w, h, true, false)}: the JavaFX JPEG loader scales
 * inside the decoder (DCT scaling), so a 640×480 frame shown in a 320×240 tile costs about a quarter
 * of a full decode. The decoding itself ({@link #decodePixels}) may run on a worker thread; only the
 * cheap pixel copy ({@link #apply}) runs on the FX thread. The image is reallocated only when its size
 * changes, so the scene graph keeps one image per tile.
 *
 * <p>Threads: at most one decode per decoder is in flight ({@code busy}, FX thread only); the worker
 * writes {@code pixels} only while busy, and the FX thread reads them only after the worker published
 * its {@link Decoded} through the volatile {@code done} field.
 */
final class FrameDecoder {
    private static final WritablePixelFormat<java.nio.ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    /** A finished decode: pixels in the decoder's buffer, or {@code ok == false} for a corrupt frame. */
    record Decoded(boolean ok, int width, int height, int sourceWidth, int sourceHeight, long arrivalNanos,
            long decodeNanos) {
    }

    /** Largest image the focus view decodes at full size: 8K UHD (7680×4320); larger frames are scaled down. */
    static final long MAX_FULL_PIXELS = 7680L * 4320;

    private final long maxFullPixels;
    private WritableImage image;
    private byte[] pixels = new byte[0];
    private int sourceWidth;
    private int sourceHeight;
    private long allocations;
    boolean busy; // FX thread only
    long shownArrival; // FX thread only: arrival time of the frame applied since the last pulse, or 0
    long visiblePulse; // FX thread only: the last pulse that found this decoder's tile visible
    private volatile Decoded done;

    FrameDecoder() {
        this(MAX_FULL_PIXELS);
    }

    /** A decoder whose full-resolution decodes are limited to {@code maxFullPixels} (tests use a small limit). */
    FrameDecoder(long maxFullPixels) {
        this.maxFullPixels = maxFullPixels;
    }

    /** The image the tile shows; {@code null} before the first good frame. */
    WritableImage image() {
        return image;
    }

    int sourceWidth() {
        return sourceWidth;
    }

    int sourceHeight() {
        return sourceHeight;
    }

    /** How often the image was (re)allocated; stays constant while the size does. */
    long allocations() {
        return allocations;
    }

    /** Publishes a worker's result for the FX thread. */
    void complete(Decoded d) {
        done = d;
    }

    /** Takes the finished decode, if any (FX thread). */
    Decoded poll() {
        Decoded d = done;
        if (d != null) {
            done = null;
            busy = false;
        }
        return d;
    }

    /**
     * Decodes {@code len} bytes of {@code data} to fit {@code maxW}×{@code maxH} device pixels (0 for
     * full resolution), never larger than the frame itself, into this decoder's pixel buffer. Any thread.
     */
    Decoded decodePixels(byte[] data, int len, int maxW, int maxH, long arrivalNanos) {
        long t0 = System.nanoTime();
        Jpeg.Size size = Jpeg.size(data, 0, len);
        if (size == null || size.width() <= 0 || size.height() <= 0) {
            return new Decoded(false, 0, 0, 0, 0, arrivalNanos, System.nanoTime() - t0);
        }
        int w = size.width();
        int h = size.height();
        byte[] jpeg = data;
        int jpegLen = len;
        if (!Jpeg.hasHuffmanTables(data, 0, len)) {
            jpeg = Jpeg.withStandardHuffmanTables(data, 0, len);
            jpegLen = jpeg.length;
        }
        if (maxW <= 0 || maxH <= 0) {
            if ((long) w * h > maxFullPixels) {
                // "Full resolution" of a huge frame would take gigabytes (a 12000×12000 frame is 576 MB
                // per copy): decode it at the largest size that still fits the limit.
                double f = Math.sqrt((double) maxFullPixels / ((double) w * h));
                maxW = Math.max(1, (int) (w * f));
                maxH = Math.max(1, (int) (h * f));
            }
        }
        boolean full = maxW <= 0 || maxH <= 0 || (maxW >= w && maxH >= h);
        Image decoded;
        try {
            decoded = full
                    ? new Image(new ByteArrayInputStream(jpeg, 0, jpegLen))
                    : new Image(new ByteArrayInputStream(jpeg, 0, jpegLen), maxW, maxH, true, false);
        } catch (RuntimeException e) {
            decoded = null;
        }
        if (decoded == null || decoded.isError() || decoded.getWidth() < 1 || decoded.getHeight() < 1
                || decoded.getPixelReader() == null) {
            return new Decoded(false, 0, 0, 0, 0, arrivalNanos, System.nanoTime() - t0);
        }
        int dw = (int) decoded.getWidth();
        int dh = (int) decoded.getHeight();
        if (pixels.length != dw * dh * 4) {
            pixels = new byte[dw * dh * 4];
        }
        decoded.getPixelReader().getPixels(0, 0, dw, dh, BGRA, pixels, 0, dw * 4);
        return new Decoded(true, dw, dh, w, h, arrivalNanos, System.nanoTime() - t0);
    }

    /** Copies a finished decode into the tile's image (FX thread); false for a corrupt frame. */
    boolean apply(Decoded d) {
        if (!d.ok()) {
            return false;
        }
        if (image == null || (int) image.getWidth() != d.width() || (int) image.getHeight() != d.height()) {
            image = new WritableImage(d.width(), d.height());
            allocations++;
        }
        image.getPixelWriter().setPixels(0, 0, d.width(), d.height(), BGRA, pixels, 0, d.width() * 4);
        sourceWidth = d.sourceWidth();
        sourceHeight = d.sourceHeight();
        return true;
    }

    /** Decodes and applies on the calling (FX) thread. */
    boolean decode(byte[] data, int len, int maxW, int maxH) {
        return apply(decodePixels(data, len, maxW, maxH, System.nanoTime()));
    }
}
