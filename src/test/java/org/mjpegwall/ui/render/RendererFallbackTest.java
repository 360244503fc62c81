package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;

import java.awt.Color;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.TestJpegs;

/**
 * Every renderer case with the fallback forced: tiles decoded by JavaFX's {@code Image}, as when libjpeg-turbo
 * cannot be loaded. The tiles still fill, with the same exact counts.
 */
class RendererFallbackTest extends RendererCases {
    @Override
    TileDecoding decoding() {
        return TileDecoding.javaFx();
    }

    @Test
    void theFallbackDecodesWithJavaFxWithoutPixelBuffers() {
        // given the fallback
        // when a tile is made
        FrameDecoder decoder = decoding.newTile();
        // then it decodes through JavaFX's Image into one WritableImage
        assertFalse(decoding.pixelBuffered());
        assertFalse(decoder.pixelBuffered());
    }

    @Test
    void fullResolutionOfAHugeFrameIsScaledToTheLimitKeepingItsShape() {
        // given a decoder whose full-resolution limit is 200×150 pixels, and a 800×600 frame (16× that)
        FrameDecoder decoder = new FrameDecoder(200L * 150);
        byte[] jpeg = TestJpegs.solid(800, 600, Color.GREEN, 0);
        // when decoded at "full resolution"
        boolean ok = fx(() -> decoder.decode(jpeg, jpeg.length, 0, 0));
        // then it is shown, no larger than the limit, same aspect ratio, and the source size is still known
        assertTrue(ok);
        Image img = fx(decoder::image);
        assertNotNull(img);
        assertTrue(img.getWidth() * img.getHeight() <= 200 * 150, img.getWidth() + "x" + img.getHeight());
        assertEquals(4.0 / 3.0, img.getWidth() / img.getHeight(), 0.05);
        assertEquals(800, fx(decoder::sourceWidth));
        // and a frame within the limit is still decoded at full size
        byte[] small = TestJpegs.solid(160, 120, Color.GREEN, 0);
        assertTrue(fx(() -> decoder.decode(small, small.length, 0, 0)));
        assertEquals(160, fx(() -> decoder.image().getWidth()));
    }
}
