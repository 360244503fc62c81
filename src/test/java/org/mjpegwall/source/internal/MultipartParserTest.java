package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.source.internal.ParserHarness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.ascii;
import static org.mjpegwall.testing.ScriptedServer.concat;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.TestJpegs;

/** The multipart parser fed from bytes: every wire variant real cameras send. */
class MultipartParserTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(5000, 2);
    private static final byte[] C = TestJpegs.fake(70_000, 3); // larger than one read chunk

    /** Parts for the frames, then the closing delimiter (so the last part without a length ends). */
    private static byte[] mp(String boundary, boolean contentLength, byte[]... frames) {
        return concat(multipart(boundary, contentLength, frames), ascii("--" + boundary + "--\r\n"));
    }

    private static void assertFrames(ParserHarness h, byte[]... expected) {
        assertEquals(expected.length, h.frames.size(), "frame count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], h.frames.get(i), "frame " + i);
        }
    }

    /** Reads of whole buffers, of 1..7 bytes and of 1..1000 bytes: boundaries split anywhere. */
    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1000})
    void readsFramesWithContentLength(int maxRead) throws IOException {
        // given
        byte[] body = mp("frame", true, A, B, C);
        // when
        ParserHarness h = ParserHarness.parse(body, "frame", maxRead);
        // then
        assertFrames(h, A, B, C);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1000})
    void readsFramesWithoutContentLengthByScanningForTheBoundary(int maxRead) throws IOException {
        byte[] body = mp("frame", false, A, B, C);
        ParserHarness h = ParserHarness.parse(body, "frame", maxRead);
        assertFrames(h, A, B, C);
    }

    @Test
    void acceptsQuotedBoundaryWithLeadingDashesInHeader() throws IOException {
        // given: header says boundary="--myb", body lines are "--myb"
        byte[] body = concat(ascii("--myb\r\nContent-Type: image/jpeg\r\n\r\n"), A, ascii("\r\n--myb\r\n\r\n"), B,
                ascii("\r\n--myb\r\n"));
        // when
        ParserHarness h = ParserHarness.parse(body, "--myb", 0);
        // then
        assertFrames(h, A, B);
    }

    @Test
    void takesBoundaryFromBodyWhenHeaderDiffers() throws IOException {
        byte[] body = mp("real", false, A, B, C);
        ParserHarness h = ParserHarness.parse(body, "advertised", 0);
        assertFrames(h, A, B, C);
        assertEquals("--real", h.parser.delimiter());
    }

    @Test
    void takesBoundaryFromFirstDashLineWhenHeaderHasNone() throws IOException {
        byte[] body = mp("ipcam", false, A, B);
        ParserHarness h = ParserHarness.parse(body, null, 5);
        assertFrames(h, A, B);
    }

    @Test
    void readsFirstPartWithoutBoundaryLineBeforeIt() throws IOException {
        // given: the body starts with part headers; the boundary comes only between parts
        byte[] body = concat(ascii("Content-Type: image/jpeg\r\n\r\n"), A, ascii("\r\n"), mp("b", false, B));
        // when
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        // then
        assertFrames(h, A, B);
    }

    @Test
    void readsFirstPartWithoutBoundaryLineOrHeaderBoundaryWhenLengthGiven() throws IOException {
        byte[] body = concat(ascii("Content-Length: " + A.length + "\r\n\r\n"), A, ascii("\r\n"), mp("x", false, B));
        ParserHarness h = ParserHarness.parse(body, null, 3);
        assertFrames(h, A, B);
    }

    @Test
    void resyncsWhenContentLengthTooShort() throws IOException {
        // given: the first part claims 100 bytes fewer than it has
        byte[] body = concat(ascii("--b\r\nContent-Length: " + (A.length - 100) + "\r\n\r\n"), A, ascii("\r\n"),
                mp("b", true, B));
        // when
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        // then: scanning on to the boundary recovers the whole frame
        assertFrames(h, A, B);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1000})
    void keepsBothFramesWhenContentLengthTooLong(int maxRead) throws IOException {
        for (int extra : new int[] {3, 30, 2000}) {
            // given: the first part claims more bytes than it has, eating into the next part (or beyond it)
            byte[] body = concat(ascii("--b\r\nContent-Length: " + (A.length + extra) + "\r\n\r\n"), A, ascii("\r\n"),
                    mp("b", true, B, C));
            // when
            ParserHarness h = ParserHarness.parse(body, "b", maxRead);
            // then: the part ends at the boundary found inside the stated length, and the next part is read
            assertFrames(h, A, B, C);
        }
    }

    @Test
    void keepsTheNextFrameWhenContentLengthTooLongWithBareLineFeeds() throws IOException {
        // given: LF only, and a length too long by the whole next part
        byte[] body = concat(ascii("--b\nContent-Length: " + (A.length + 40 + B.length) + "\n\n"), A, ascii("\n"),
                ascii("--b\nContent-Type: image/jpeg\n\n"), B, ascii("\n--b\n\n"), C, ascii("\n--b--\n"));
        // when
        ParserHarness h = ParserHarness.parse(body, "b", 7);
        // then
        assertFrames(h, A, B, C);
    }

    @Test
    void dropsFrameCutShortAndKeepsTheNextOnes() throws IOException {
        // given: part 1 says it has A's length but only half arrives before the next boundary
        byte[] half = java.util.Arrays.copyOf(A, A.length / 2);
        byte[] body = concat(ascii("--b\r\nContent-Length: " + A.length + "\r\n\r\n"), half, ascii("\r\n"),
                mp("b", true, B, C));
        // when
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        // then: the cut frame is gone, no frame contains its bytes
        assertFrames(h, B, C);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1000})
    void dropsFrameCutShortButKeepsBothNeighbours(int maxRead) throws IOException {
        // given: A, then a part whose JPEG stops half-way although its length promised all of it, then B, C
        byte[] half = java.util.Arrays.copyOf(A, A.length / 2);
        byte[] body = concat(multipart("b", true, A), ascii("--b\r\nContent-Length: " + A.length + "\r\n\r\n"), half,
                ascii("\r\n"), mp("b", true, B, C));
        // when
        ParserHarness h = ParserHarness.parse(body, "b", maxRead);
        // then
        assertFrames(h, A, B, C);
    }

    @Test
    void dropsFrameCutShortWithoutContentLength() throws IOException {
        // given: no lengths; a part whose JPEG stops half-way. Without a length the parser cannot know,
        // so it delivers bytes exactly up to the boundary; the following frames are intact.
        byte[] half = java.util.Arrays.copyOf(A, A.length / 2);
        byte[] body = mp("b", false, half, B);
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, half, B);
    }

    @Test
    void acceptsContentLengthPaddedOrRepeatedOrInAnyCase() throws IOException {
        byte[] body = concat(
                ascii("--b\r\ncontent-length:    " + A.length + "   \r\n\r\n"), A, ascii("\r\n"),
                ascii("--b\r\nCONTENT-LENGTH: " + B.length + "\r\nContent-Length: " + B.length + "\r\n\r\n"), B,
                ascii("\r\n"),
                ascii("--b\r\nContent-length: " + C.length + ", " + C.length + "\r\nX-Timestamp: 1\r\n\r\n"), C,
                ascii("\r\n--b--\r\n"));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A, B, C);
    }

    @Test
    void scansWhenRepeatedContentLengthsDisagree() throws IOException {
        byte[] body = concat(ascii("--b\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n"), A, ascii("\r\n"),
                mp("b", true, B));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A, B);
    }

    @Test
    void acceptsBareLineFeedsAndBlankLinesBeforeBoundary() throws IOException {
        byte[] body = concat(ascii("\n\n--b\nContent-Type: image/jpg\n\n"), A, ascii("\n\n\r\n\n--b\ncontent-type: "
                + "image/jpeg; charset=binary\ncontent-length: " + B.length + "\n\n"), B, ascii("\n\n\n--b\n\n"), C,
                ascii("\n--b\n"));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        // Without a length, blank lines before the boundary belong to the part: all but the last line
        // break stay in A's bytes (a JPEG decoder ignores bytes after its end marker).
        assertEquals(3, h.frames.size());
        assertArrayEquals(concat(A, ascii("\n\n\r\n")), h.frames.get(0));
        assertArrayEquals(B, h.frames.get(1));
        assertArrayEquals(C, h.frames.get(2));
    }

    @Test
    void acceptsPartsWithoutContentType() throws IOException {
        byte[] body = concat(ascii("--b\r\n\r\n"), A, ascii("\r\n--b\r\nContent-Length: " + B.length + "\r\n\r\n"), B,
                ascii("\r\n--b\r\n"), C, ascii("\r\n--b\r\n"));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A, B, C);
    }

    @Test
    void skipsZeroLengthParts() throws IOException {
        byte[] body = concat(ascii("--b\r\nContent-Length: 0\r\n\r\n\r\n--b\r\n\r\n\r\n"), multipart("b", false, A),
                ascii("--b\r\nContent-Type: image/jpeg\r\n\r\n--b\r\n\r\n"), B, ascii("\r\n--b\r\n"));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A, B);
        assertEquals(0, h.discarded);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void resyncsOnNextBoundaryAfterGarbageBetweenParts(boolean contentLength) throws IOException {
        byte[] garbage = concat(ascii("garbage\r\n-- not it\r\n"), TestJpegs.fake(20_000, 9), ascii("\r\n\r\n"));
        byte[] body = concat(multipart("b", contentLength, A), garbage, mp("b", contentLength, B, C));
        ParserHarness h = ParserHarness.parse(body, "b", 13);
        if (contentLength) {
            assertFrames(h, A, B, C);
        } else {
            // without lengths, garbage before the next boundary is indistinguishable from A's tail
            assertEquals(3, h.frames.size());
            byte[] withGarbage = concat(A, ascii("\r\n"), garbage);
            // the line break before the boundary is not part of the frame
            assertArrayEquals(java.util.Arrays.copyOf(withGarbage, withGarbage.length - 2), h.frames.get(0));
            assertArrayEquals(B, h.frames.get(1));
        }
    }

    @Test
    void exifThumbnailDoesNotCutFrameShort() throws IOException {
        // given: a JPEG whose APP1 segment holds a whole thumbnail JPEG (FFD8 … FFD9) before the image data
        byte[] thumb = TestJpegs.fake(600, 7);
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, 0x02, 0x66}, ascii("Exif\0\0"), thumb);
        byte[] withExif = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app1, java.util.Arrays.copyOfRange(A, 2, A.length));
        byte[] body = mp("b", false, withExif, B);
        // when
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        // then
        assertFrames(h, withExif, B);
    }

    @Test
    void skipsFrameLargerThanItsBufferAndKeepsGoing() throws IOException {
        for (boolean cl : new boolean[] {true, false}) {
            // given: 4 KiB buffers; B is 5000 bytes
            ParserHarness h = new ParserHarness(mp("b", cl, A, B, A), "b", 4096, 2, 1 << 20, 0);
            // when
            h.readAll();
            // then
            assertFrames(h, A, A);
            assertEquals(List.of((long) B.length), h.skipped, "content-length " + cl);
            assertEquals(0, h.discarded);
        }
    }

    @Test
    void discardsFramesWhenOutOfBuffers() throws IOException {
        ParserHarness h = new ParserHarness(mp("b", false, A, B, C), "b", 1 << 20, 0, 1 << 20, 0);
        h.readAll();
        assertEquals(0, h.frames.size());
        assertEquals(3, h.discarded);
    }

    @Test
    void endsAtClosingDelimiter() throws IOException {
        byte[] body = concat(multipart("b", true, A), ascii("--b--\r\n"), multipart("b", true, B));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a bound on the old endless loop, not a speed check
    void endsWhenTheStreamEndsInGarbageShorterThanTheDelimiter() throws IOException {
        // given: the body's first line ("--x-…") becomes the delimiter, and the stream closes with the
        // header's boundary instead (found by fuzzing: the parser searched the same tail forever)
        byte[] body = concat(ascii("--x-a-long-body-boundary-line-that-the-parser-learns\r\n"
                + "--b\r\nContent-Length: " + A.length + "\r\n\r\n"), A, ascii("\r\n--b--\r\n"));
        for (int maxRead : new int[] {0, 1, 7, 64}) {
            ParserHarness h = new ParserHarness(body, "b", 1 << 20, 2, 1 << 20, maxRead);
            // when
            h.readAll();
            // then
            assertFrames(h, A);
        }
    }

    @Test
    void aTooShortLengthFollowedByALineBreakKeepsTheLineBreakInTheFrame() throws IOException {
        // given: a JPEG with a line feed 100 bytes in, sent with a Content-Length that ends just before it
        // (found by fuzzing: the line feed was taken for a blank line and cut out of the frame)
        byte[] jpeg = concat(java.util.Arrays.copyOf(A, 100), ascii("\n"), java.util.Arrays.copyOfRange(A, 100, A.length));
        byte[] body = concat(ascii("--b\r\nContent-Length: 100\r\n\r\n"), jpeg, ascii("\r\n--b\r\n"
                + "Content-Length: " + B.length + "\r\n\r\n"), B, ascii("\r\n"));
        for (int maxRead : new int[] {0, 1, 7, 64}) {
            ParserHarness h = new ParserHarness(body, "b", 1 << 20, 2, 1 << 20, maxRead);
            // when
            h.readAll();
            // then: the frame is every byte between its headers and the boundary
            assertFrames(h, jpeg, B);
        }
    }

    @Test
    void reportsEndOfStreamInsideAFrame() {
        byte[] body = concat(ascii("--b\r\nContent-Length: 100\r\n\r\n"), java.util.Arrays.copyOf(A, 50));
        ParserHarness h = new ParserHarness(body, "b", 1 << 20, 2, 1 << 20, 0);
        assertThrows(EOFException.class, h::readAll);
        assertTrue(h.frames.isEmpty());
        assertEquals(2, h.pool.size(), "the buffer went back to the pool");
    }

    @Test
    void rejectsHeaderLineLongerThanLimit() {
        byte[] body = concat(ascii("--b\r\nX-Long: "), new byte[20_000]);
        ParserHarness h = new ParserHarness(body, "b", 1 << 20, 2, 1 << 20, 0);
        ProtocolException e = assertThrows(ProtocolException.class, h::readAll);
        assertEquals("part header line longer than 8 KiB", e.getMessage());
    }

    @Test
    void rejectsHeaderBlockLongerThanLimit() {
        StringBuilder sb = new StringBuilder("--b\r\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("X-Header-").append(i).append(": ").append("v".repeat(100)).append("\r\n");
        }
        ParserHarness h = new ParserHarness(ascii(sb.toString()), "b", 1 << 20, 2, 1 << 20, 0);
        ProtocolException e = assertThrows(ProtocolException.class, h::readAll);
        assertEquals("part headers longer than 64 KiB", e.getMessage());
    }


    @Test
    void rejectsStreamWithNoBoundaryAnywhere() {
        byte[] body = concat(ascii("Content-Type: image/jpeg\r\n\r\n"), A);
        ParserHarness h = new ParserHarness(body, null, 1 << 20, 2, 1 << 20, 0);
        ProtocolException e = assertThrows(ProtocolException.class, h::readAll);
        assertTrue(e.getMessage().contains("no Content-Length and no boundary"), e.getMessage());
    }

    @Test
    void readsPartWhoseJpegFollowsBoundaryWithoutHeaders() throws IOException {
        byte[] body = concat(ascii("--b\r\n"), A, ascii("\r\n--b\r\n"), B, ascii("\r\n--b\r\n"));
        ParserHarness h = ParserHarness.parse(body, "b", 0);
        assertFrames(h, A, B);
    }

    @Test
    void parsesContentLengthValues() {
        assertEquals(123, MultipartParser.parseLengthValue(ascii(": 123"), 0, 5));
        assertEquals(123, MultipartParser.parseLengthValue(ascii(" :123 , 123 "), 0, 12));
        assertEquals(-2, MultipartParser.parseLengthValue(ascii(": 12, 13"), 0, 8));
        assertEquals(-2, MultipartParser.parseLengthValue(ascii(": abc"), 0, 5));
        assertEquals(-1, MultipartParser.parseLengthValue(ascii("-Foo: 1"), 0, 7));
    }

    @Test
    void snapshotBodyReadsToEndOfStreamWithoutLength() throws IOException {
        ParserHarness h = new ParserHarness(A, null, 1 << 20, 1, 1 << 20, 11);
        h.parser.readWholeBody(h, -1);
        assertFrames(h, A);
        ParserHarness h2 = new ParserHarness(concat(A, B), null, 1 << 20, 1, 1 << 20, 11);
        h2.parser.readWholeBody(h2, A.length);
        assertFrames(h2, A);
    }

    @Test
    void anEmptySnapshotIsAnErrorInWordsNotAnEmptyFrame() {
        // given a still-image answer with Content-Length: 0 (found by MultipartParserFuzzTest)
        ParserHarness h = new ParserHarness(new byte[0], null, 1 << 20, 1, 1 << 20, 11);
        // when / then
        java.net.ProtocolException e = assertThrows(java.net.ProtocolException.class,
                () -> h.parser.readWholeBody(h, 0));
        assertTrue(e.getMessage().contains("empty image"), e.getMessage());
        assertTrue(h.frames.isEmpty());
        assertEquals(1, h.pool.size(), "the buffer stays in the pool");
    }

    /**
     * Frames of random sizes (0 to 150 KB) full of near-misses of the delimiter ("\r\n--fram" + other
     * byte, "--frame" not at a line start), without Content-Length, with CRLF or bare LF, read in pieces
     * of every size: each frame comes out byte for byte, and a frame larger than its buffer is discarded.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1000, 70_000, 200_000})
    void scanFindsEveryBoundaryWhateverTheReadSizes(int maxRead) throws IOException {
        for (String eol : new String[] {"\r\n", "\n"}) {
            // given
            java.util.Random random = new java.util.Random(maxRead * 31L + eol.length());
            List<byte[]> frames = new java.util.ArrayList<>();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            int bufferLength = 100_000;
            for (int i = 0; i < 60; i++) {
                int size = i % 10 == 9 ? 120_000 + random.nextInt(30_000) : random.nextInt(90_000);
                byte[] f = new byte[size];
                random.nextBytes(f);
                for (int j = 0; j + 12 < size; j += 1 + random.nextInt(4000)) {
                    byte[] miss = ascii(random.nextBoolean() ? eol + "--fram" + (char) ('a' + random.nextInt(4)) : "x--frame");
                    System.arraycopy(miss, 0, f, j, miss.length);
                }
                for (int j = 0; j + 7 < size; j++) { // no accidental delimiter line
                    if (f[j] == '\n' && f[j + 1] == '-' && f[j + 2] == '-' && f[j + 3] == 'f' && f[j + 4] == 'r'
                            && f[j + 5] == 'a' && f[j + 6] == 'm' && f[j + 7] == 'e') {
                        f[j + 7] = 'E';
                    }
                }
                if (size > 0 && f[size - 1] == '\n') {
                    f[size - 1] = 'x'; // a trailing line feed would read as part of the line break
                }
                if (size > 0 && f[size - 1] == '\r') {
                    f[size - 1] = 'x';
                }
                frames.add(f);
                body.writeBytes(ascii("--frame" + eol + "Content-Type: image/jpeg" + eol + eol));
                body.writeBytes(f);
                body.writeBytes(ascii(eol));
            }
            body.writeBytes(ascii("--frame--" + eol));
            // when
            ParserHarness h = new ParserHarness(body.toByteArray(), "frame", bufferLength, 2, 32 << 20, maxRead);
            h.readAll();
            // then
            List<byte[]> kept = frames.stream().filter(f -> f.length > 0 && f.length <= bufferLength).toList();
            long tooLarge = frames.stream().filter(f -> f.length > bufferLength).count();
            assertEquals(kept.size(), h.frames.size(), "frames with " + eol.length() + "-byte line ends");
            for (int i = 0; i < kept.size(); i++) {
                assertArrayEquals(kept.get(i), h.frames.get(i), "frame " + i);
            }
            assertEquals(tooLarge, h.skipped.size());
        }
    }
}
