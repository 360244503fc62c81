package org.mjpegwall.motion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.mjpegwall.frame.decode.DecodePlan;
import org.mjpegwall.frame.decode.JpegDecoders;

/**
 * The libjpeg-turbo thumbnail decoder (with the DC decoder behind it) on untrusted bytes: a thumbnail of a sane
 * size, or {@link JpegFormatException} with a message; nothing else, and the native decoder stays usable. Seeds
 * (the DC decoder's: every sampling, restart markers, no Huffman tables, progressive) run in {@code mvn verify};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TurboThumbnailDecoderFuzzTest} fuzzes.
 */
class TurboThumbnailDecoderFuzzTest {
    private static final TurboThumbnailDecoder DECODER =
            new TurboThumbnailDecoder(JpegDecoders.open(), new DcThumbnailDecoder(null));
    private static GreyImage reused;

    @AfterAll
    static void close() {
        DECODER.close();
    }

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) throws java.io.IOException {
        try {
            GreyImage g = DECODER.decode(data, 0, data.length, reused);
            assertTrue(g.width() >= 1 && g.height() >= 1);
            assertTrue((long) g.width() * g.height() <= DecodePlan.MAX_SOURCE_PIXELS / 64 + 8192, "thumbnail size bounded");
            reused = g;
        } catch (JpegFormatException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
    }
}
