package org.mjpegwall.ui.render;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import org.mjpegwall.frame.Jpeg;

/**
 * The fallback when libjpeg-turbo cannot be loaded: decodes with JavaFX's {@code Image} at the size drawn, and
 * copies the pixels into one reused {@link WritableImage} on the FX thread.
 *
 * <p>Why {@code new Image(stream, w, h, true, false)}: the JavaFX JPEG loader scales inside the decoder by a power
 * of two (then the rest in Java), so a 640×480 frame shown in a 320×240 tile costs about a quarter of a full
 * decode. The worker writes {@code pixels} only while its decode is in flight, and the FX thread reads them only
 * after the worker published its result through {@link FrameDecoder}'s volatile field; {@code setPixels} copies,
 * so the screen never shows the array being written.
 */
final class FxImagePixels implements TilePixels {
    private static final WritablePixelFormat<java.nio.ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    private final long maxFullPixels;
    private byte[] pixels = new byte[0];
    private WritableImage image; // FX thread only
    private long allocations; // FX thread only

    /** @param maxFullPixels the most pixels a full-resolution decode may have; larger frames are scaled down */
    FxImagePixels(long maxFullPixels) {
        this.maxFullPixels = maxFullPixels;
    }

    @Override
    public FrameDecoder.Decoded decode(byte[] data, int len, int maxW, int maxH, long arrivalNanos, boolean exact) {
        Jpeg.Size size = Jpeg.size(data, 0, len);
        if (size == null || size.width() <= 0 || size.height() <= 0) {
            return FrameDecoder.Decoded.failed(arrivalNanos);
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
            return FrameDecoder.Decoded.failed(arrivalNanos);
        }
        int dw = (int) decoded.getWidth();
        int dh = (int) decoded.getHeight();
        if (pixels.length != dw * dh * 4) {
            pixels = new byte[dw * dh * 4];
        }
        decoded.getPixelReader().getPixels(0, 0, dw, dh, BGRA, pixels, 0, dw * 4);
        return new FrameDecoder.Decoded(true, dw, dh, w, h, arrivalNanos, 0);
    }

    @Override
    public boolean apply(FrameDecoder.Decoded d, long synced) {
        if (!d.ok()) {
            return false;
        }
        if (image == null || (int) image.getWidth() != d.width() || (int) image.getHeight() != d.height()) {
            image = new WritableImage(d.width(), d.height());
            allocations++;
        }
        image.getPixelWriter().setPixels(0, 0, d.width(), d.height(), BGRA, pixels, 0, d.width() * 4);
        return true;
    }

    @Override
    public boolean writable(long synced) {
        return true; // setPixels copied the pixels: the array is the worker's again at once
    }

    @Override
    public Image image() {
        return image;
    }

    @Override
    public long allocations() {
        return allocations;
    }

    @Override
    public boolean coversDrawnSizeAtFullResolution() {
        return false;
    }
}
