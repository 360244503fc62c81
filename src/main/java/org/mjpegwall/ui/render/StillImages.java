package org.mjpegwall.ui.render;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.mjpegwall.frame.decode.Decoded;
import org.mjpegwall.frame.decode.JpegDecodeException;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;

/**
 * A single JPEG as a JavaFX {@link Image}, for pictures shown once (the camera manager's test preview): decoded by
 * {@link JpegDecoders} (libjpeg-turbo, or ImageIO when it is missing) at the DCT factor that covers the size shown.
 * Any thread: the image is not in a scene yet.
 */
public final class StillImages {
    private StillImages() {
    }

    /**
     * The picture of {@code jpeg} to be drawn within {@code maxWidth}×{@code maxHeight} (0 for full size), or
     * {@code null} when it is not a decodable JPEG. Frames without Huffman tables decode too.
     */
    public static Image decode(byte[] jpeg, int maxWidth, int maxHeight) {
        try (JpegDecoder decoder = JpegDecoders.open()) {
            Decoded d = decoder.decode(jpeg, 0, jpeg.length, maxWidth, maxHeight, PixelLayout.BGRA, new OutputBuffer());
            WritableImage image = new WritableImage(d.width(), d.height());
            image.getPixelWriter().setPixels(0, 0, d.width(), d.height(), PixelFormat.getByteBgraPreInstance(),
                    d.pixels(), d.stride());
            return image;
        } catch (JpegDecodeException e) {
            return null;
        }
    }
}
