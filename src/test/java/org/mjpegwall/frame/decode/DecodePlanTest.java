package org.mjpegwall.frame.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The choice of DCT scale and the size limits, without a decoder. */
class DecodePlanTest {
    private static final int[] ALL = {1, 2, 4, 8};

    private static int scale(int w, int h, int maxW, int maxH) throws JpegDecodeException {
        return DecodePlan.of(w, h, maxW, maxH, PixelLayout.BGRA, ALL).scale();
    }

    @Test
    void picksTheSmallestScaleWhosePictureCoversTheDrawnSize() throws Exception {
        assertEquals(2, scale(640, 480, 240, 180));
        assertEquals(2, scale(640, 480, 320, 240));
        assertEquals(1, scale(640, 480, 321, 241));
        assertEquals(4, scale(640, 480, 160, 120));
        assertEquals(8, scale(640, 480, 80, 60));
        assertEquals(8, scale(640, 480, 10, 10));
        assertEquals(4, scale(1920, 1080, 480, 270));
        assertEquals(1, scale(1920, 1080, 1920, 1080));
    }

    @Test
    void coversTheSideThatLimitsAPictureDrawnInABoxOfAnotherShape() throws Exception {
        // 640x480 drawn within 480x200 is 267x200: 1/2 (320x240) covers it, 1/4 (160x120) does not
        assertEquals(2, scale(640, 480, 480, 200));
        // 1920x1080 drawn within 300x600 is 300x169: 1/4 (480x270) covers it, 1/8 (240x135) does not
        assertEquals(4, scale(1920, 1080, 300, 600));
    }

    @Test
    void neverEnlargesAndDecodesFullSizeWhenAskedForNoSize() throws Exception {
        assertEquals(1, scale(640, 480, 4000, 3000));
        assertEquals(1, scale(640, 480, 0, 0));
        assertEquals(1, scale(640, 480, 0, 100));
    }

    @Test
    void roundsScaledSizesUpAsLibjpegDoes() throws Exception {
        DecodePlan p = DecodePlan.of(333, 201, 42, 26, PixelLayout.GRAY, ALL);
        assertEquals(new DecodePlan(333, 201, 8, 42, 26, 42, PixelLayout.GRAY), p);
        assertEquals(42 * 26, p.bytes());
    }

    @Test
    void usesOnlyTheScalesTheLibraryOffers() throws Exception {
        assertEquals(2, DecodePlan.of(640, 480, 80, 60, PixelLayout.BGRA, new int[] {1, 2}).scale());
        assertEquals(1, DecodePlan.of(640, 480, 80, 60, PixelLayout.BGRA, new int[] {1, 3, 16}).scale());
        assertEquals(8, DecodePlan.of(640, 480, 80, 60, PixelLayout.BGRA, new int[] {8, 2, 1, 4}).scale());
    }

    @Test
    void scalesDownWhatIsTooBigToDecodeAtFullSize() throws Exception {
        DecodePlan p = DecodePlan.of(10000, 6000, 0, 0, PixelLayout.BGRA, ALL);
        assertEquals(2, p.scale());
        assertTrue((long) p.width() * p.height() <= DecodePlan.MAX_OUTPUT_PIXELS);
        assertEquals(1, scale(7680, 4320, 0, 0));
    }

    @Test
    void refusesEmptyAndHugeSizesInWords() {
        JpegDecodeException empty = assertThrows(JpegDecodeException.class, () -> scale(0, 480, 0, 0));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        JpegDecodeException huge = assertThrows(JpegDecodeException.class, () -> scale(65535, 65535, 100, 100));
        assertTrue(huge.getMessage().contains("65535x65535"), huge.getMessage());
        assertThrows(JpegDecodeException.class, () -> scale(16000, 5000, 0, 0));
    }

    @Test
    void refusesAFullDecodeThatNoOfferedScaleBringsUnderTheLimit() {
        assertThrows(JpegDecodeException.class,
                () -> DecodePlan.of(10000, 6000, 0, 0, PixelLayout.BGRA, new int[] {1}));
    }
}
