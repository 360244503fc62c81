package org.mjpegwall.frame;

import org.mjpegwall.frame.Jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the JPEG header helpers (frame size, Huffman table check and insertion) with any bytes, on the
 * whole array and on an inner range: they never throw, never read outside the range, and inserting the
 * standard tables is done at most once. Seeds:
 * {@code src/test/resources/org/mjpegwall/client/JpegFuzzTestInputs/headerHelpersAcceptAnyBytes/}.
 */
class JpegFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void headerHelpersAcceptAnyBytes(byte[] input) {
        check(input, 0, input.length);
        if (input.length >= 2) {
            // the same bytes inside a larger array: nothing outside [off, off + len) may matter
            byte[] padded = new byte[input.length + 8];
            Arrays.fill(padded, (byte) 0xFF);
            System.arraycopy(input, 0, padded, 3, input.length);
            assertEquals(Jpeg.size(input, 0, input.length), Jpeg.size(padded, 3, input.length));
            assertEquals(Jpeg.hasHuffmanTables(input, 0, input.length), Jpeg.hasHuffmanTables(padded, 3, input.length));
            assertTrue(Arrays.equals(Jpeg.withStandardHuffmanTables(input, 0, input.length),
                    Jpeg.withStandardHuffmanTables(padded, 3, input.length)), "result depends on bytes outside the range");
            check(input, 1, input.length - 2);
        }
    }

    private static void check(byte[] data, int off, int len) {
        // when
        Jpeg.Size size = Jpeg.size(data, off, len);
        boolean hasTables = Jpeg.hasHuffmanTables(data, off, len);
        byte[] fixed = Jpeg.withStandardHuffmanTables(data, off, len);
        // then
        if (size != null) {
            assertTrue(size.width() >= 0 && size.width() <= 0xFFFF && size.height() >= 0 && size.height() <= 0xFFFF);
        }
        if (hasTables) {
            assertTrue(Arrays.equals(fixed, 0, fixed.length, data, off, off + len), "a frame with tables is changed");
        } else {
            assertTrue(fixed.length > len, "tables missing but none inserted");
            assertTrue(Jpeg.hasHuffmanTables(fixed, 0, fixed.length), "inserted tables are not found");
            assertEquals(size, Jpeg.size(fixed, 0, fixed.length), "inserting tables changed the frame size");
            assertEquals(fixed.length, Jpeg.withStandardHuffmanTables(fixed, 0, fixed.length).length, "tables inserted twice");
        }
    }
}
