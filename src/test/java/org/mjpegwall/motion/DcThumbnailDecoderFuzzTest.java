package org.mjpegwall.motion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The DC decoder on untrusted bytes: it returns a thumbnail of a sane size or throws
 * {@link JpegFormatException} with a message; nothing else (no other exception, no hang, no huge
 * allocation). The committed seeds (small JPEGs of every kind it reads, and a progressive one it
 * refuses) run in {@code mvn verify}; {@code JAZZER_FUZZ=1 mvn test -Dtest=DcThumbnailDecoderFuzzTest} fuzzes.
 */
class DcThumbnailDecoderFuzzTest {
    private final DcThumbnailDecoder decoder = new DcThumbnailDecoder(null);
    private GreyImage reused;

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) throws java.io.IOException {
        try {
            GreyImage g = decoder.decode(data, 0, data.length, reused);
            assertTrue(g.width() >= 1 && g.height() >= 1);
            assertTrue((long) g.width() * g.height() <= JpegHeader.MAX_PIXELS / 64 + 8192, "thumbnail size bounded");
            reused = g;
        } catch (JpegFormatException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
    }
}
