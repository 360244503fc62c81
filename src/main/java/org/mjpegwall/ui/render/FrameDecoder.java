package org.mjpegwall.ui.render;

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
 * <p>Threads: at most one decode per decoder is in flight ({@link #startDecode()} to {@link #poll()}, on the
 * FX thread); the worker writes {@code pixels} only meanwhile, and the FX thread reads them only after the
 * worker published its {@link Decoded} through the volatile {@code done} field. The renderer's
 * bookkeeping ({@link #markVisible}, {@link #noteShown}) is FX thread only too.
 */
public final class FrameDecoder {
    private static final WritablePixelFormat<java.nio.ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    /** A finished decode: pixels in the decoder's buffer, or {@code ok == false} for a corrupt frame. */
    record Decoded(boolean ok, int width, int height, int sourceWidth, int sourceHeight, long arrivalNanos,
            long decodeNanos) {
        static Decoded failed(long arrivalNanos) {
            return new Decoded(false, 0, 0, 0, 0, arrivalNanos, 0);
        }

        /** The same result, with the time the decode took. */
        Decoded timed(long nanos) {
            return new Decoded(ok, width, height, sourceWidth, sourceHeight, arrivalNanos, nanos);
        }
    }

    /** Largest image the focus view decodes at full size: 8K UHD (7680×4320); larger frames are scaled down. */
    static final long MAX_FULL_PIXELS = 7680L * 4320;

    private final long maxFullPixels;
    private WritableImage image;
    private byte[] pixels = new byte[0];
    private int sourceWidth;
    private int sourceHeight;
    private long allocations;
    private boolean busy; // FX thread only
    private boolean shown; // FX thread only: a frame was applied since the last pulse
    private long shownArrival; // FX thread only: that frame's arrival time
    private long visiblePulse = -1; // FX thread only: the last pulse that found this decoder's tile visible
    private volatile Decoded done;

    public FrameDecoder() {
        this(MAX_FULL_PIXELS);
    }

    /** A decoder whose full-resolution decodes are limited to {@code maxFullPixels} (tests use a small limit). */
    public FrameDecoder(long maxFullPixels) {
        this.maxFullPixels = maxFullPixels;
    }

    /** The image the tile shows; {@code null} before the first good frame. */
    public WritableImage image() {
        return image;
    }

    /** Width of the last frame shown, as the camera sent it; 0 before the first. */
    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    /** How often the image was (re)allocated; stays constant while the size does. */
    public long allocations() {
        return allocations;
    }

    /** Whether a decode is in flight (from {@link #startDecode()} until {@link #poll()} took its result). */
    boolean isBusy() {
        return busy;
    }

    /** A frame goes to the decode pool (FX thread); one at a time. */
    void startDecode() {
        if (busy) {
            throw new IllegalStateException("a decode is in flight already");
        }
        busy = true;
    }

    /** The decode could not even be handed to the pool (it is shutting down). */
    void cancelDecode() {
        busy = false;
    }

    /** Publishes a worker's result for the FX thread. */
    void complete(Decoded d) {
        done = d;
    }

    /** Takes the finished decode, if any (FX thread); the decoder is free for the next frame then. */
    Decoded poll() {
        Decoded d = done;
        if (d != null) {
            done = null;
            busy = false;
        }
        return d;
    }

    /** The renderer found this decoder's tile visible in pulse {@code pulse}. */
    void markVisible(long pulse) {
        visiblePulse = pulse;
    }

    /** Whether the tile was visible in pulse {@code pulse} (the latest): only then is it worth decoding for. */
    boolean visibleIn(long pulse) {
        return visiblePulse == pulse;
    }

    /** A frame that arrived at {@code arrivalNanos} was applied to the image; counted as displayed at the next pulse. */
    void noteShown(long arrivalNanos) {
        shown = true;
        shownArrival = arrivalNanos;
    }

    /** Whether a frame was applied since the last {@link #takeShown()}. */
    boolean hasShown() {
        return shown;
    }

    /** The arrival time of the frame applied since the last call, and forgets it. */
    long takeShown() {
        shown = false;
        return shownArrival;
    }

    /**
     * Decodes {@code len} bytes of {@code data} to fit {@code maxW}×{@code maxH} device pixels (0 for
     * full resolution), never larger than the frame itself, into this decoder's pixel buffer. Any thread.
     */
    Decoded decodePixels(byte[] data, int len, int maxW, int maxH, long arrivalNanos) {
        Jpeg.Size size = Jpeg.size(data, 0, len);
        if (size == null || size.width() <= 0 || size.height() <= 0) {
            return Decoded.failed(arrivalNanos);
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
            return Decoded.failed(arrivalNanos);
        }
        int dw = (int) decoded.getWidth();
        int dh = (int) decoded.getHeight();
        if (pixels.length != dw * dh * 4) {
            pixels = new byte[dw * dh * 4];
        }
        decoded.getPixelReader().getPixels(0, 0, dw, dh, BGRA, pixels, 0, dw * 4);
        return new Decoded(true, dw, dh, w, h, arrivalNanos, 0);
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
        return apply(decodePixels(data, len, maxW, maxH, 0));
    }
}
