package org.mjpegwall.frame;

import org.mjpegwall.frame.Jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.TestJpegs;

/** The JPEG helper: Huffman table detection and insertion, and decoding of table-less webcam frames. */
class JpegTest {
    @Test
    void imageIoJpegHasHuffmanTables() {
        byte[] jpeg = TestJpegs.real(64, 48, 1);
        assertTrue(Jpeg.hasHuffmanTables(jpeg, 0, jpeg.length));
    }

    @Test
    void detectsMissingHuffmanTables() {
        byte[] stripped = TestJpegs.withoutHuffmanTables(TestJpegs.real(64, 48, 1));
        assertFalse(Jpeg.hasHuffmanTables(stripped, 0, stripped.length));
    }

    @Test
    void decodesJpegWithoutHuffmanTablesToTheSamePixels() throws IOException {
        // given: an ImageIO JPEG (standard tables) and the same bytes with its DHT segments removed
        byte[] original = TestJpegs.real(64, 48, 5);
        byte[] stripped = TestJpegs.withoutHuffmanTables(original);
        assertTrue(stripped.length < original.length);
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(original));
        // when
        BufferedImage decoded = Jpeg.decode(stripped, 0, stripped.length);
        // then
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(expected.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void insertsTablesOnlyWhenMissingAndHonoursTheRange() {
        byte[] original = TestJpegs.real(32, 32, 2);
        assertSame(original, Jpeg.withStandardHuffmanTables(original, 0, original.length));
        byte[] padded = new byte[original.length + 10];
        System.arraycopy(original, 0, padded, 5, original.length);
        assertArrayEquals(original, Jpeg.withStandardHuffmanTables(padded, 5, original.length));
        byte[] stripped = TestJpegs.withoutHuffmanTables(original);
        byte[] fixed = Jpeg.withStandardHuffmanTables(stripped, 0, stripped.length);
        assertTrue(Jpeg.hasHuffmanTables(fixed, 0, fixed.length));
        assertEquals(stripped.length + 4 + 2 * (1 + 16 + 12) + 2 * (1 + 16 + 162), fixed.length);
    }

    @Test
    void decodeRejectsGarbageWithAnIoException() {
        byte[] junk = TestJpegs.fake(500, 3);
        assertThrows(IOException.class, () -> Jpeg.decode(junk, 0, junk.length));
        assertThrows(IOException.class, () -> Jpeg.decode(new byte[] {1, 2, 3}, 0, 3));
    }

    @Test
    void aFrameHeaderTooShortToHoldASizeHasNoSize() {
        // given an SOF segment of length 4, followed by bytes that would read as a size (found by the fuzzer)
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xCA, 0, 4, 0, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xDA, 0x5C, 0, (byte) 0xFF, 1, (byte) 0xFF, 1, (byte) 0xFF, 0x60, 0};
        // then no size is read from outside the segment
        assertEquals(null, Jpeg.size(jpeg, 0, jpeg.length));
    }
}
