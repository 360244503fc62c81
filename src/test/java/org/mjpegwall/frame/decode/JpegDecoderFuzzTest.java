package org.mjpegwall.frame.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;

/**
 * Untrusted bytes into both decoders. libjpeg-turbo is C and Jazzer cannot see inside it, so this guards our
 * side: every size read from the header is bounded, the output never exceeds its buffer, a bad frame is a
 * {@link JpegDecodeException} in words (nothing else escapes), and nothing crashes the JVM.
 *
 * <p>Seeds: {@code src/test/resources/org/mjpegwall/frame/decode/JpegDecoderFuzzTestInputs/<method>/}, small
 * JPEGs of each kind (baseline 4:2:0, 4:2:2 and 4:4:4, without Huffman tables, progressive, greyscale, with
 * restart markers). Fuzz with {@code JAZZER_FUZZ=1 mvn -B -ntp test -Dtest='JpegDecoderFuzzTest#turbo'}.
 */
class JpegDecoderFuzzTest {
    private static JpegDecoder turbo;
    private static JpegDecoder java;
    private static final OutputBuffer OUT = new OutputBuffer();

    @FuzzTest(maxDuration = "10m")
    void turbo(byte[] data) {
        if (!JpegDecoders.turboAvailable()) {
            return; // JpegDecodersTest says why; the ImageIO target still runs
        }
        if (turbo == null) {
            turbo = JpegDecoders.open();
        }
        decodeTwice(turbo, data);
    }

    @FuzzTest(maxDuration = "10m")
    void imageIo(byte[] data) {
        if (java == null) {
            java = JpegDecoders.openJava();
        }
        decodeTwice(java, data);
    }

    /** Full size to BGRA, then, when that worked, a third of the size to grey. */
    private static void decodeTwice(JpegDecoder decoder, byte[] data) {
        Decoded full = decode(decoder, data, 0, 0, PixelLayout.BGRA);
        if (full != null) {
            decode(decoder, data, full.plan().sourceWidth() / 3, full.plan().sourceHeight() / 3, PixelLayout.GRAY);
        }
    }

    private static Decoded decode(JpegDecoder decoder, byte[] data, int w, int h, PixelLayout layout) {
        Decoded d;
        try {
            d = decoder.decode(data, 0, data.length, w, h, layout, OUT);
        } catch (JpegDecodeException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a reason in words");
            return null;
        }
        DecodePlan p = d.plan();
        assertTrue((long) p.sourceWidth() * p.sourceHeight() <= DecodePlan.MAX_SOURCE_PIXELS, p.toString());
        assertTrue((long) p.width() * p.height() <= DecodePlan.MAX_OUTPUT_PIXELS, p.toString());
        assertEquals(DecodePlan.scaled(p.sourceWidth(), p.scale()), p.width(), p.toString());
        assertEquals(DecodePlan.scaled(p.sourceHeight(), p.scale()), p.height(), p.toString());
        assertEquals(p.width() * layout.bytesPerPixel(), p.stride());
        assertEquals(p.bytes(), d.pixels().limit());
        assertTrue(d.pixels().capacity() >= p.bytes());
        return d;
    }

    @AfterAll
    static void closeDecoders() {
        if (turbo != null) {
            turbo.close();
            turbo = null;
        }
        if (java != null) {
            java.close();
            java = null;
        }
    }
}
