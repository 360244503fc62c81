package org.mjpegwall.frame.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import org.mjpegwall.testing.TestJpegs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mjpegwall.frame.Jpeg;

/**
 * Both decoders, libjpeg-turbo and the ImageIO fallback, against the same reference (ImageIO's full decode,
 * block-averaged for the scaled sizes), and against bad frames.
 */
class JpegDecoderTest {
    private JpegDecoder decoder;

    static Stream<String> decoders() {
        return Stream.of("libjpeg-turbo", "ImageIO");
    }

    static Stream<Arguments> decodersAndScales() {
        return decoders().flatMap(d -> Stream.of(1, 2, 4, 8).map(s -> Arguments.of(d, s)));
    }

    private JpegDecoder open(String name) {
        if (name.equals("ImageIO")) {
            decoder = JpegDecoders.openJava();
        } else {
            requireTurbo();
            decoder = JpegDecoders.open();
        }
        assertEquals(name, decoder.name());
        return decoder;
    }

    /**
     * Skips a libjpeg-turbo case where the library is missing or switched off, but fails under CI (CI=true),
     * where {@code .ci/run} installs it, so a missing install step cannot turn into a silent skip.
     */
    static void requireTurbo() {
        boolean forcedOff = System.getProperty(JpegDecoders.DECODER_PROPERTY) != null;
        if (!JpegDecoders.turboAvailable() && !forcedOff && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("libjpeg-turbo must load under CI: " + JpegDecoders.unavailableReason());
        }
        assumeTrue(JpegDecoders.turboAvailable(), "libjpeg-turbo: " + JpegDecoders.unavailableReason());
    }

    /** Decodes all of {@code jpeg} to be drawn within {@code maxWidth} × {@code maxHeight} (0: full size). */
    private static Decoded decodeWhole(JpegDecoder dec, byte[] jpeg, int maxWidth, int maxHeight, PixelLayout layout)
            throws JpegDecodeException {
        return dec.decode(jpeg, 0, jpeg.length, maxWidth, maxHeight, layout, new OutputBuffer());
    }

    @AfterEach
    void close() {
        if (decoder != null) {
            decoder.close();
        }
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesFullSizeLikeTheReference(String name) throws Exception {
        // given a photo-like 640x480 frame
        byte[] jpeg = TestFrames.photo(640, 480);
        OutputBuffer out = new OutputBuffer();
        // when it is decoded at full size
        Decoded d = open(name).decode(jpeg, 0, jpeg.length, 0, 0, PixelLayout.BGRA, out);
        // then every pixel is the reference's, alpha opaque
        assertEquals(new DecodePlan(640, 480, 1, 640, 480, 2560, PixelLayout.BGRA), d.plan());
        TestFrames.Difference diff = TestFrames.bgraDifference(d, TestFrames.reference(jpeg, 1));
        assertTrue(diff.mean() <= 0.5 && diff.p99() <= 2, diff.toString());
        for (int i = 3; i < d.plan().bytes(); i += 4) {
            assertEquals((byte) 0xFF, d.pixels().get(i), "alpha at " + i);
        }
        assertEquals(null, d.warning());
    }

    @ParameterizedTest
    @MethodSource("decodersAndScales")
    void decodesAtEveryScaleFactorLikeTheAveragedReference(String name, int scale) throws Exception {
        // given a frame whose size is not a multiple of 8, asked for at exactly 1/scale of its size
        byte[] jpeg = TestFrames.photo(333, 201);
        int w = (333 + scale - 1) / scale;
        int h = (201 + scale - 1) / scale;
        // when it is decoded
        Decoded d = decodeWhole(open(name), jpeg, w, h, PixelLayout.BGRA);
        // then the decoder scaled by that factor, and the pixels are the reference's averages
        assertEquals(scale, d.plan().scale());
        assertEquals(w, d.width());
        assertEquals(h, d.height());
        assertEquals(w * 4, d.stride());
        TestFrames.Difference diff = TestFrames.bgraDifference(d, TestFrames.reference(jpeg, scale));
        assertTrue(diff.mean() <= 2.0 && diff.p99() <= 16, diff.toString());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesAtTheSmallestScaleThatCoversTheTile(String name) throws Exception {
        // given a 640x480 frame shown in a 240x180 tile
        byte[] jpeg = TestFrames.photo(640, 480);
        // when it is decoded for that tile
        Decoded d = decodeWhole(open(name), jpeg, 240, 180, PixelLayout.BGRA);
        // then it is decoded at 1/2 (320x240 covers 240x180; 1/4 would be 160x120, too small)
        assertEquals(2, d.plan().scale());
        assertEquals(320, d.width());
        assertEquals(240, d.height());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesGreyAtOneEighthForMotionAnalysis(String name) throws Exception {
        // given a colour frame
        byte[] jpeg = TestFrames.photo(640, 480);
        // when it is decoded to grey at 1/8
        Decoded d = decodeWhole(open(name), jpeg, 80, 60, PixelLayout.GRAY);
        // then one byte per pixel holds the luma of the averaged reference
        assertEquals(new DecodePlan(640, 480, 8, 80, 60, 80, PixelLayout.GRAY), d.plan());
        assertEquals(80 * 60, d.pixels().limit());
        TestFrames.Difference diff = TestFrames.grayDifference(d, TestFrames.reference(jpeg, 8));
        assertTrue(diff.mean() <= 2.0 && diff.p99() <= 8, diff.toString());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesGreyscaleJpegsToBgra(String name) throws Exception {
        // given a one-component (greyscale) JPEG
        byte[] jpeg = TestFrames.grey(160, 120);
        // when it is decoded to BGRA
        Decoded d = decodeWhole(open(name), jpeg, 0, 0, PixelLayout.BGRA);
        // then blue, green and red are equal and match the reference
        for (int i = 0; i < d.plan().bytes(); i += 4) {
            assertEquals(d.pixels().get(i), d.pixels().get(i + 1));
            assertEquals(d.pixels().get(i), d.pixels().get(i + 2));
        }
        TestFrames.Difference diff = TestFrames.bgraDifference(d, TestFrames.reference(jpeg, 1));
        assertTrue(diff.mean() <= 0.5, diff.toString());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesProgressiveFrames(String name) throws Exception {
        // given a progressive JPEG
        byte[] jpeg = TestFrames.progressive(320, 240);
        // when it is decoded at half size
        Decoded d = decodeWhole(open(name), jpeg, 160, 120, PixelLayout.BGRA);
        // then it matches the reference
        TestFrames.Difference diff = TestFrames.bgraDifference(d, TestFrames.reference(jpeg, 2));
        assertTrue(diff.mean() <= 2.0 && diff.p99() <= 16, diff.toString());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesFramesWithoutHuffmanTablesAsWithTheStandardTables(String name) throws Exception {
        // given a frame as many USB webcams send it: no DHT segment (its tables were the standard ones)
        byte[] original = TestFrames.photo(320, 240);
        byte[] stripped = TestJpegs.withoutHuffmanTables(original);
        assertFalse(Jpeg.hasHuffmanTables(stripped, 0, stripped.length));
        byte[] fixed = Jpeg.withStandardHuffmanTables(stripped, 0, stripped.length);
        JpegDecoder dec = open(name);
        // when the table-less frame, and the frame with the standard tables inserted, are decoded
        Decoded d = decodeWhole(dec, stripped, 0, 0, PixelLayout.BGRA);
        Decoded withTables = decodeWhole(dec, fixed, 0, 0, PixelLayout.BGRA);
        // then both give exactly the same pixels, which are the original's
        assertEquals(null, d.warning());
        assertEquals(withTables.pixels(), d.pixels());
        TestFrames.Difference diff = TestFrames.bgraDifference(d, TestFrames.reference(original, 1));
        assertTrue(diff.mean() <= 0.5 && diff.p99() <= 2, diff.toString());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesFromTheMiddleOfAnArray(String name) throws Exception {
        // given a frame in the middle of a larger buffer, as the client's frame buffers hold it
        byte[] jpeg = TestFrames.photo(320, 240);
        byte[] buffer = new byte[jpeg.length + 100];
        System.arraycopy(jpeg, 0, buffer, 37, jpeg.length);
        JpegDecoder dec = open(name);
        // when the range is decoded
        Decoded inside = dec.decode(buffer, 37, jpeg.length, 0, 0, PixelLayout.BGRA, new OutputBuffer());
        Decoded alone = decodeWhole(dec, jpeg, 0, 0, PixelLayout.BGRA);
        // then it is the same picture
        assertEquals(alone.pixels(), inside.pixels());
        assertThrows(IndexOutOfBoundsException.class,
                () -> dec.decode(buffer, 200, jpeg.length, 0, 0, PixelLayout.BGRA, new OutputBuffer()));
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void reusesTheOutputBufferWhileFramesKeepTheirSize(String name) throws Exception {
        // given one output buffer
        JpegDecoder dec = open(name);
        OutputBuffer out = new OutputBuffer();
        byte[] big = TestFrames.photo(640, 480);
        byte[] small = TestFrames.photo(320, 240);
        ByteBuffer first = dec.decode(big, 0, big.length, 0, 0, PixelLayout.BGRA, out).pixels();
        // when many frames of that size, then smaller ones, are decoded into it
        for (int i = 0; i < 20; i++) {
            assertSame(first, dec.decode(big, 0, big.length, 0, 0, PixelLayout.BGRA, out).pixels());
        }
        Decoded d = dec.decode(small, 0, small.length, 0, 0, PixelLayout.BGRA, out);
        // then the memory was allocated once, and the smaller picture's limit is its own size
        assertEquals(1, out.allocations());
        assertSame(first, d.pixels());
        assertEquals(320 * 240 * 4, d.pixels().limit());
        assertTrue(first.isDirect());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void refusesAHugeStatedSizeBeforeAllocating(String name) {
        // given a small frame whose header states 60000x60000 pixels
        byte[] jpeg = TestFrames.withStatedSize(TestFrames.photo(64, 48), 60000, 60000);
        OutputBuffer out = new OutputBuffer();
        // when it is decoded
        JpegDecodeException e = assertThrows(JpegDecodeException.class,
                () -> open(name).decode(jpeg, 0, jpeg.length, 0, 0, PixelLayout.BGRA, out));
        // then it is refused in words, with no output memory allocated
        assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
        assertEquals(0, out.allocations());
        assertEquals(0, out.buffer().capacity());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void scalesDownAFrameTooBigToDecodeAtFullSize(String name) throws Exception {
        // given a frame stating 9000x5000 pixels (more than 8K UHD, less than twice that)
        byte[] jpeg = TestFrames.withStatedSize(TestFrames.photo(64, 48), 9000, 5000);
        // when it is asked for at full size
        JpegDecoder dec = open(name);
        Decoded d;
        try {
            d = decodeWhole(dec, jpeg, 0, 0, PixelLayout.BGRA);
        } catch (JpegDecodeException e) {
            // ImageIO may refuse a scan that runs out long before 5000 rows; the size was still accepted
            assertFalse(e.getMessage().contains("9000x5000"), e.getMessage());
            return;
        }
        // then it is decoded at 1/2, within the output limit, with the missing data reported
        assertEquals(2, d.plan().scale());
        assertEquals(4500 * 2500 * 4, d.pixels().limit());
        assertNotNull(d.warning());
    }

    @ParameterizedTest
    @ValueSource(strings = {"libjpeg-turbo", "ImageIO"})
    void reportsGarbageInWordsAndDecodesTheNextFrame(String name) throws Exception {
        JpegDecoder dec = open(name);
        OutputBuffer out = new OutputBuffer();
        byte[] random = new byte[5000];
        new Random(1).nextBytes(random);
        byte[][] bad = {new byte[0], {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "not a JPEG at all".getBytes(),
            random, TestFrames.withStatedSize(TestFrames.photo(64, 48), 0, 48),
            TestFrames.copyOf(TestFrames.photo(64, 48), 40)};
        for (byte[] b : bad) {
            // when a bad frame is decoded
            JpegDecodeException e = assertThrows(JpegDecodeException.class,
                    () -> dec.decode(b, 0, b.length, 0, 0, PixelLayout.BGRA, out), "frame of " + b.length);
            // then the reason is given in words
            assertTrue(e.getMessage() != null && e.getMessage().length() > 10, e.getMessage());
        }
        // and the decoder still decodes a good frame exactly
        byte[] good = TestFrames.photo(320, 240);
        Decoded d = dec.decode(good, 0, good.length, 0, 0, PixelLayout.BGRA, out);
        assertTrue(TestFrames.bgraDifference(d, TestFrames.reference(good, 1)).mean() <= 0.5);
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void refusesAFrameWithoutAFrameHeaderAfterAGoodOneInsteadOfDecodingItAtTheOldSize(String name) throws Exception {
        // given a decoder that decoded a good frame
        JpegDecoder dec = open(name);
        OutputBuffer out = new OutputBuffer();
        byte[] good = TestFrames.photo(320, 240);
        dec.decode(good, 0, good.length, 0, 0, PixelLayout.BGRA, out);
        // when a JPEG start and bytes that hold no frame header come (libjpeg reads them as a tables-only stream)
        byte[] noFrame = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        // then it is refused, in words
        JpegDecodeException e = assertThrows(JpegDecodeException.class,
                () -> dec.decode(noFrame, 0, noFrame.length, 0, 0, PixelLayout.BGRA, out));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesATruncatedFrameWithAWarning(String name) throws Exception {
        // given the first half of a frame (a camera that dropped the connection mid-frame)
        byte[] jpeg = TestFrames.photo(320, 240);
        byte[] half = TestFrames.copyOf(jpeg, jpeg.length / 2);
        // when it is decoded
        Decoded d = decodeWhole(open(name), half, 0, 0, PixelLayout.BGRA);
        // then the top of the picture is there, and the decoder says the frame ended early
        assertTrue(d.warning() != null && d.warning().length() > 10, d.warning());
        int[] ref = TestFrames.reference(jpeg, 1);
        for (int x = 0; x < 320; x++) { // the first row, blue
            assertEquals(ref[x] & 0xFF, d.pixels().get(x * 4) & 0xFF, 2.0);
        }
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void survivesCorruptedFrames(String name) throws Exception {
        // given frames with random bytes overwritten, cut or repeated
        JpegDecoder dec = open(name);
        OutputBuffer out = new OutputBuffer();
        byte[] good = TestFrames.photo(160, 120);
        Random r = new Random(7);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            byte[] b = good.clone();
            int changes = 1 + r.nextInt(8);
            for (int c = 0; c < changes; c++) {
                b[r.nextInt(Math.min(b.length, i % 2 == 0 ? 700 : b.length))] = (byte) r.nextInt(256);
            }
            int len = i % 5 == 0 ? r.nextInt(b.length) : b.length;
            // when each is decoded
            try {
                Decoded d = dec.decode(b, 0, len, r.nextInt(200), r.nextInt(200), PixelLayout.values()[i % 2], out);
                // then a decoded picture stays within its stated size and the limits
                assertTrue(d.pixels().limit() == d.plan().bytes() && d.plan().bytes() <= out.buffer().capacity());
                assertTrue((long) d.plan().sourceWidth() * d.plan().sourceHeight() <= DecodePlan.MAX_SOURCE_PIXELS);
                decoded++;
            } catch (JpegDecodeException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                refused++;
            }
        }
        // and the decoder still decodes a good frame exactly
        Decoded d = dec.decode(good, 0, good.length, 0, 0, PixelLayout.BGRA, out);
        assertTrue(TestFrames.bgraDifference(d, TestFrames.reference(good, 1)).mean() <= 0.5);
        assertTrue(decoded > 0 && refused > 0, decoded + " decoded, " + refused + " refused");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void refusesToDecodeOnceClosed(String name) {
        JpegDecoder dec = open(name);
        dec.close();
        byte[] jpeg = TestFrames.photo(64, 48);
        assertThrows(IllegalStateException.class,
                () -> decodeWhole(dec, jpeg, 0, 0, PixelLayout.BGRA));
        decoder = null;
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesTheSameFrameToTheSameBytesEveryTime(String name) throws Exception {
        JpegDecoder dec = open(name);
        byte[] jpeg = TestFrames.photo(320, 240);
        byte[] first = bytes(decodeWhole(dec, jpeg, 100, 100, PixelLayout.BGRA));
        OutputBuffer reused = new OutputBuffer();
        dec.decode(TestFrames.grey(320, 240), 0, TestFrames.grey(320, 240).length, 0, 0, PixelLayout.BGRA, reused);
        assertArrayEquals(first, bytes(dec.decode(jpeg, 0, jpeg.length, 100, 100, PixelLayout.BGRA, reused)));
    }

    private static byte[] bytes(Decoded d) {
        byte[] b = new byte[d.plan().bytes()];
        d.pixels().get(0, b);
        return b;
    }
}
