package org.mjpegwall.motion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import org.mjpegwall.testing.TestJpegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.demo.DemoCamera;

class DcThumbnailDecoderTest {
    private final DcThumbnailDecoder strict = new DcThumbnailDecoder(null);

    @ParameterizedTest(name = "{0}, {1}x{2}, restart every {3} MCUs")
    @CsvSource({
        "S420, 640, 480, 0", "S422, 640, 480, 0", "S444, 640, 480, 0", "S440, 320, 240, 0",
        "S420, 333, 197, 0", "S444, 101, 37, 0", "S420, 640, 480, 1", "S422, 320, 240, 7", "S444, 100, 60, 5",
    })
    void thumbnailIsTheMeanOfEachBlock(JpegVariants.Sampling sampling, int w, int h, int restart) throws IOException {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(w, h, 7), sampling, restart, false, 0.8f);

        // when
        GreyImage thumb = strict.decode(jpeg, 0, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb);
    }

    @Test
    void readsGreyJpegs() throws IOException {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.grey(JpegVariants.picture(200, 150, 3)), null, 3, false, 0.9f);

        // when
        GreyImage thumb = strict.decode(jpeg, 0, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb);
    }

    @Test
    void readsFramesWithoutHuffmanTablesWithTheStandardOnes() throws IOException {
        // given a webcam-style frame: no DHT segment
        byte[] full = JpegVariants.encode(JpegVariants.picture(320, 240, 5), JpegVariants.Sampling.S422, 0, false, 0.75f);
        byte[] jpeg = TestJpegs.withoutHuffmanTables(full);
        assertFalse(Jpeg.hasHuffmanTables(jpeg, 0, jpeg.length));

        // when
        GreyImage thumb = strict.decode(jpeg, 0, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(full), thumb);
    }

    @Test
    void readsTheDemoCamerasFrames() throws IOException {
        // given
        byte[] jpeg = new DemoCamera("demo", 640, 480).render(3);

        // when
        GreyImage thumb = strict.decode(jpeg, 0, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb);
    }

    @Test
    void decodesARangeInsideALargerArray() throws IOException {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(64, 48, 1), JpegVariants.Sampling.S420, 0, false, 0.8f);
        byte[] padded = new byte[jpeg.length + 20];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(jpeg, 0, padded, 10, jpeg.length);

        // when
        GreyImage thumb = strict.decode(padded, 10, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb);
    }

    @Test
    void writesIntoTheImageItIsGiven() throws IOException {
        // given
        byte[] big = JpegVariants.encode(JpegVariants.picture(640, 480, 1), JpegVariants.Sampling.S420, 0, false, 0.8f);
        byte[] small = JpegVariants.encode(JpegVariants.picture(320, 240, 2), JpegVariants.Sampling.S420, 0, false, 0.8f);
        GreyImage image = strict.decode(big, 0, big.length, null);
        byte[] array = image.pixels();

        // when
        GreyImage again = strict.decode(small, 0, small.length, image);

        // then
        assertSame(image, again);
        assertSame(array, again.pixels(), "a smaller picture reuses the array");
        assertEquals(40, again.width());
        assertEquals(30, again.height());
    }

    @Test
    void progressiveGoesToTheFallbackAndGivesTheSameThumbnail() throws IOException {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(320, 240, 9), JpegVariants.Sampling.S420, 0, true, 0.8f);

        // when
        JpegFormatException refused = assertThrows(UnsupportedJpegException.class, () -> strict.decode(jpeg, 0, jpeg.length, null));
        GreyImage thumb = new DcThumbnailDecoder().decode(jpeg, 0, jpeg.length, null);

        // then
        assertThat(refused.getMessage(), containsString("progressive"));
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb, 4.0);
    }

    @Test
    void progressiveGreyGoesToTheFallbackWithoutAColourConversion() throws IOException {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.grey(JpegVariants.picture(160, 120, 9)), null, 0, true, 0.8f);

        // when
        GreyImage thumb = new DcThumbnailDecoder().decode(jpeg, 0, jpeg.length, null);

        // then
        assertMatches(JpegVariants.expectedThumbnail(jpeg), thumb, 4.0);
    }

    @Test
    void aFrameCutShortIsRefusedNotPassedOnAsAPicture() {
        // given a frame that lost its last third on the wire
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(320, 240, 4), JpegVariants.Sampling.S420, 0, false, 0.8f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);

        // when
        JpegFormatException e = assertThrows(JpegFormatException.class, () -> strict.decode(cut, 0, cut.length, null));

        // then
        assertThat(e.getMessage(), containsString("cut short"));
    }

    @Test
    void aFrameCutShortWithRestartMarkersIsRefused() {
        // given
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(320, 240, 4), JpegVariants.Sampling.S420, 4, false, 0.8f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);

        // when / then
        assertThrows(JpegFormatException.class, () -> strict.decode(cut, 0, cut.length, null));
    }

    @Test
    void aMissingRestartMarkerIsRefused() {
        // given: the first RST0 (FF D0) replaced with another marker number
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(160, 120, 4), JpegVariants.Sampling.S420, 2, false, 0.8f);
        int at = indexOf(jpeg, (byte) 0xD0);
        jpeg[at] = (byte) 0xD3;

        // when
        JpegFormatException e = assertThrows(JpegFormatException.class, () -> strict.decode(jpeg, 0, jpeg.length, null));

        // then
        assertThat(e.getMessage(), containsString("restart marker 0 missing"));
    }

    @Test
    void oversizedFrameHeaderIsRefusedBeforeAnyAllocation() {
        // given a frame header claiming 65535 x 65535
        byte[] jpeg = JpegVariants.encode(JpegVariants.picture(16, 16, 1), JpegVariants.Sampling.S420, 0, false, 0.8f);
        int sof = indexOf(jpeg, (byte) 0xC0);
        jpeg[sof + 4] = jpeg[sof + 5] = jpeg[sof + 6] = jpeg[sof + 7] = (byte) 0xFF;

        // when
        JpegFormatException e = assertThrows(JpegFormatException.class, () -> strict.decode(jpeg, 0, jpeg.length, null));

        // then
        assertThat(e.getMessage(), containsString("too large"));
    }

    @Test
    void notAJpegSaysSo() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        JpegFormatException e = assertThrows(JpegFormatException.class, () -> new DcThumbnailDecoder().decode(png, 0, png.length, null));
        assertThat(e.getMessage(), containsString("not a JPEG"));
    }

    /** Index of the marker byte after the first 0xFF that precedes {@code code} in the headers or data. */
    private static int indexOf(byte[] b, byte code) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == (byte) 0xFF && b[i + 1] == code) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static void assertMatches(GreyImage expected, GreyImage actual) {
        assertMatches(expected, actual, 2.0);
    }

    private static void assertMatches(GreyImage expected, GreyImage actual, double meanTolerance) {
        assertEquals(expected.width(), actual.width(), "width");
        assertEquals(expected.height(), actual.height(), "height");
        double sum = 0;
        int worst = 0;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                int d = Math.abs(expected.get(x, y) - actual.get(x, y));
                sum += d;
                worst = Math.max(worst, d);
            }
        }
        double mean = sum / (expected.width() * expected.height());
        assertThat("mean difference per block", mean, lessThan(meanTolerance));
        assertThat("largest difference of a block", worst, lessThan(24));
    }
}
