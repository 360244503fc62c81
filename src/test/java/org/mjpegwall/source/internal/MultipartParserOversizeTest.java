package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.source.internal.ParserHarness;
import org.mjpegwall.source.internal.WireReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.ascii;
import static org.mjpegwall.testing.ScriptedServer.concat;
import static org.mjpegwall.testing.ScriptedServer.multipart;
import static org.mjpegwall.testing.ScriptedServer.partHead;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.testing.TestJpegs;

/** Parts over the frame limit are skipped and the stream goes on; growing buffers follow the frames. */
class MultipartParserOversizeTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final int MIB = 1 << 20;
    private static final byte[] END = ascii("--b--\r\n");

    /** A part of {@code size} filler bytes ('a': no line breaks, no boundary) with or without a length. */
    private static byte[] filler(int size, boolean contentLength) {
        byte[] f = new byte[size];
        java.util.Arrays.fill(f, (byte) 'a');
        return concat(partHead("b", contentLength ? size : -1), f, ascii("\r\n"));
    }

    @Test
    void skipsAPartOverTheFrameLimitAndReadsTheNextOne() throws IOException {
        for (boolean cl : new boolean[] {true, false}) {
            // given: a 1 MiB frame limit and a 3 MiB part between two frames
            byte[] body = concat(multipart("b", cl, A), filler(3 * MIB, cl), multipart("b", cl, A), END);
            ParserHarness h = new ParserHarness(body, "b", 4096, 2, MIB, 0);
            // when
            h.readAll();
            // then: both frames, and the big part reported with its size
            assertEquals(2, h.frames.size(), "content-length " + cl);
            assertArrayEquals(A, h.frames.get(1));
            assertEquals(List.of(3L * MIB), h.skipped, "content-length " + cl);
        }
    }

    @Test
    void skipsAPartWhoseContentLengthIsBeyondTheSkipLimitUpToTheNextBoundary() throws IOException {
        // given: a length no camera could mean, followed soon by a boundary
        byte[] body = concat(ascii("--b\r\nContent-Length: 99999999999\r\n\r\nshort"), ascii("\r\n"),
                multipart("b", true, A));
        ParserHarness h = new ParserHarness(body, "b", 4096, 2, 32 * MIB, 0);
        // when
        h.readAll();
        // then
        assertEquals(1, h.frames.size());
        assertEquals(List.of(5L), h.skipped);
    }

    @Test
    void aPartWithNoBoundaryBeyondTheSkipLimitIsAProtocolError() {
        // given: a part with no length that never ends (an endless stream of filler)
        ParserHarness h = new ParserHarness(new byte[0], "b", 4096, 2, MIB, 0);
        MultipartParser parser = new MultipartParser(new WireReader(new SequenceInputStream(
                new java.io.ByteArrayInputStream(ascii("--b\r\n\r\n")), endless())), "b", MIB);
        // when
        ProtocolException e = assertThrows(ProtocolException.class, () -> parser.readPart(h));
        // then
        assertEquals("part larger than the 8 MiB skip limit (no boundary found)", e.getMessage());
        assertEquals(8L * MIB, parser.skipLimit());
    }

    @Test
    void growingBuffersHoldFramesUpToTheirMaximum() throws IOException {
        for (boolean cl : new boolean[] {true, false}) {
            // given: buffers of 4 KiB that may grow to 2 MiB; frames of 3 KB, 1.5 MB and 3 MB
            byte[] big = TestJpegs.fake(1_500_000, 2);
            byte[] huge = TestJpegs.fake(3_000_000, 3);
            List<FrameBuffer> pool = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                pool.add(new FrameBuffer(4096, 2 * MIB));
            }
            ParserHarness h = new ParserHarness(concat(multipart("b", cl, A, big, huge, A), END), "b", pool, 32 * MIB,
                    5000);
            // when
            h.readAll();
            // then: the frames that fit whole, the 3 MB one skipped, no buffer beyond its maximum
            assertEquals(3, h.frames.size(), "content-length " + cl);
            assertArrayEquals(big, h.frames.get(1));
            assertArrayEquals(A, h.frames.get(2));
            assertEquals(List.of((long) huge.length), h.skipped);
            for (FrameBuffer b : pool) {
                assertTrue(b.length() <= 2 * MIB, b.toString());
            }
            assertTrue(pool.stream().anyMatch(b -> b.length() >= big.length), "no buffer grew: " + pool);
        }
    }

    @Test
    void aGrowingBufferKeepsWhatItHeldWhenItGrows() {
        // given
        FrameBuffer b = new FrameBuffer(4, 100);
        b.data()[3] = 42;
        // when
        boolean grown = b.ensureCapacity(50);
        // then: grown with headroom, within the maximum, bytes kept; beyond the maximum it refuses
        assertTrue(grown);
        assertTrue(b.length() >= 50 && b.length() <= 100, b.toString());
        assertEquals(42, b.data()[3]);
        assertEquals(false, b.ensureCapacity(101));
        assertTrue(b.ensureCapacity(100));
        assertEquals(100, b.length());
    }

    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                return len;
            }
        };
    }
}
