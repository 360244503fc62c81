package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.ParserHarness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mjpegwall.frame.FrameBuffer;

/**
 * Fuzzes the multipart parser with any stream: it ends or fails with an {@link IOException} in words,
 * every frame it delivers is bytes of the stream within the limits, and every buffer it took goes back
 * to the pool exactly once. The frame limit is small (2 KiB) so that skipping, growing and the
 * wrong-length paths are reached with small inputs; inputs over 16 KiB are not tried (read a byte at a time,
 * they made a run crawl: 645 inputs in 10 minutes when the limit was 32 KiB and its seed 80 KB).
 *
 * <p>Input: one byte of options (header boundary or not; fixed, growing or no buffers; read sizes;
 * multipart or a snapshot body), the header boundary up to the first line feed when there is one,
 * then the stream. Seeds:
 * {@code src/test/resources/org/mjpegwall/source/internal/MultipartParserFuzzTestInputs/parsesAnyStream/}.
 */
class MultipartParserFuzzTest {
    private static final int MAX_FRAME = 2 * 1024;
    private static final int MAX_INPUT = 16 * 1024;

    @FuzzTest(maxDuration = "10m")
    void parsesAnyStream(byte[] input) {
        if (input.length == 0 || input.length > MAX_INPUT) {
            return;
        }
        // given
        int options = input[0] & 0xff;
        int at = 1;
        String boundary = null;
        if ((options & 1) != 0) {
            int lf = indexOf(input, (byte) '\n', at);
            int end = lf < 0 ? input.length : lf;
            boundary = new String(input, at, end - at, StandardCharsets.ISO_8859_1);
            at = Math.min(input.length, end + 1);
        }
        byte[] body = Arrays.copyOfRange(input, at, input.length);
        List<FrameBuffer> buffers = new ArrayList<>();
        switch ((options >> 1) & 3) {
            case 0 -> { } // out of buffers: every frame discarded
            case 1 -> buffers.add(new FrameBuffer(1024));
            case 2 -> { buffers.add(new FrameBuffer(64)); buffers.add(new FrameBuffer(64, MAX_FRAME)); }
            default -> { buffers.add(new FrameBuffer(16, 4096)); buffers.add(new FrameBuffer(MAX_FRAME * 2)); }
        }
        int maxRead = new int[] {0, 1, 3, 7, 64, 500, 4096, 70_000}[(options >> 3) & 7];
        ParserHarness h = new ParserHarness(body, boundary, buffers, MAX_FRAME, maxRead);
        boolean snapshot = (options & 0x40) != 0;
        // when
        try {
            if (snapshot) {
                h.parser.readWholeBody(h, (options & 0x80) != 0 ? body.length : -1);
            } else {
                h.readAll();
            }
        } catch (IOException e) {
            assertNotNull(e.getMessage(), "an error without words: " + e);
        }
        // then: every buffer is back in the pool once, and within its maximum
        assertEquals(buffers.size(), h.pool.size(), "buffers lost or returned twice");
        for (FrameBuffer b : buffers) {
            assertTrue(h.pool.stream().filter(p -> p == b).count() == 1, "buffer returned twice or lost");
            assertTrue(b.length() <= b.maxLength(), b.toString());
        }
        // every delivered frame is within the limit and is bytes that came in the stream
        for (byte[] f : h.frames) {
            assertTrue(f.length > 0 && f.length <= MAX_FRAME, "frame of " + f.length + " bytes");
            assertTrue(contains(body, f), "a frame that is not in the stream");
        }
        for (long size : h.skipped) {
            assertTrue(size > 0, "skipped a part of " + size + " bytes");
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
