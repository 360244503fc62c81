package org.mjpegwall.ui;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Decodes JPEG frames into one reused {@link WritableImage}, at the size the image is drawn.
 *
 * <p>Why decode through {@code new Image(stream, w, h, true, false)}: the JavaFX JPEG loader scales
 * inside the decoder (DCT scaling), so a 640×480 frame shown in a 320×240 tile costs about a quarter
 * of a full decode. The result is copied into the tile's image, which is reallocated only when the
 * size changes, so the scene graph keeps one image per tile.
 */
final class FrameDecoder {
    private static final javafx.scene.image.WritablePixelFormat<java.nio.ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    private WritableImage image;
    private byte[] pixels = new byte[0];
    private int sourceWidth;
    private int sourceHeight;
    private long allocations;

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

    /**
     * Decodes {@code len} bytes of {@code data} to fit {@code maxW}×{@code maxH} device pixels (0 for
     * full resolution), never larger than the frame itself.
     *
     * @return {@code false} when the frame is not a decodable JPEG; the previous image stays
     */
    boolean decode(byte[] data, int len, int maxW, int maxH) {
        long dims = JpegInfo.dimensions(data, len);
        if (dims < 0) {
            return false;
        }
        int w = (int) (dims >>> 32);
        int h = (int) dims;
        byte[] jpeg = data;
        int jpegLen = len;
        if (!Huffman.hasTables(data, len)) {
            jpeg = Huffman.withStandardTables(data, len);
            jpegLen = jpeg.length;
        }
        boolean full = maxW <= 0 || maxH <= 0 || (maxW >= w && maxH >= h);
        Image decoded;
        try {
            decoded = full
                    ? new Image(new ByteArrayInputStream(jpeg, 0, jpegLen))
                    : new Image(new ByteArrayInputStream(jpeg, 0, jpegLen), maxW, maxH, true, false);
        } catch (RuntimeException e) {
            return false;
        }
        if (decoded.isError() || decoded.getWidth() < 1 || decoded.getHeight() < 1 || decoded.getPixelReader() == null) {
            return false;
        }
        int dw = (int) decoded.getWidth();
        int dh = (int) decoded.getHeight();
        if (image == null || (int) image.getWidth() != dw || (int) image.getHeight() != dh) {
            image = new WritableImage(dw, dh);
            pixels = new byte[dw * dh * 4];
            allocations++;
        }
        decoded.getPixelReader().getPixels(0, 0, dw, dh, BGRA, pixels, 0, dw * 4);
        image.getPixelWriter().setPixels(0, 0, dw, dh, BGRA, pixels, 0, dw * 4);
        sourceWidth = w;
        sourceHeight = h;
        return true;
    }
}
