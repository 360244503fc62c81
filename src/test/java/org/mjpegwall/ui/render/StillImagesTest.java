package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.TestJpegs;
import org.testfx.api.FxToolkit;

/** The one JPEG-to-Image helper for still pictures (the camera manager's test preview). */
class StillImagesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static int red(Image img) {
        return (img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) (img.getHeight() * 0.75)) >> 16) & 0xFF;
    }

    @Test
    void decodesAtTheFactorThatCoversTheSizeShown() {
        // given a 1920x1080 red frame
        byte[] jpeg = TestJpegs.solid(1920, 1080, Color.RED, 0);
        // when it is made a picture to be shown within 640x480
        Image img = StillImages.decode(jpeg, 640, 480);
        // then it is 960x540 (1/2; 1/4 would be smaller than shown) and red
        assertEquals("960x540", (int) img.getWidth() + "x" + (int) img.getHeight());
        assertTrue(red(img) > 200);
        // and 0x0 asks for the full size
        assertEquals(1920, StillImages.decode(jpeg, 0, 0).getWidth());
    }

    @Test
    void decodesWebcamFramesWithoutHuffmanTables() {
        // given
        byte[] tableLess = TestJpegs.withoutHuffmanTables(TestJpegs.solid(320, 240, Color.RED, 0));
        // when
        Image img = StillImages.decode(tableLess, 640, 480);
        // then
        assertEquals(320, img.getWidth());
        assertTrue(red(img) > 200);
    }

    @Test
    void garbageIsNoPicture() {
        // given bytes that are no JPEG, and a JPEG start with nothing after it
        // when / then
        assertNull(StillImages.decode("not a picture".getBytes(), 640, 480));
        assertNull(StillImages.decode(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6, 7, 8}, 640, 480));
    }
}
