package org.mjpegwall.source;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/**
 * A camera cannot make the client run out of memory: a 64 MiB part is skipped (the stream goes on), a
 * part that never ends or a header line that never ends is a protocol error, the client keeps running,
 * and its reader thread allocates only a small fixed amount while the bytes stream through.
 */
class MjpegClientLimitsTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final int MIB = 1 << 20;
    /** Far below the 64 MiB that flows through: the working area, connection objects, a few strings. */
    private static final long ALLOCATION_BOUND = 8L * MIB;

    private static long allocatedBy(Thread t) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return mx.getThreadAllocatedBytes(t.getId());
    }

    /** Writes {@code n} MiB of filler bytes (no line breaks, no boundary) in 1 MiB writes. */
    private static void writeFiller(ScriptedServer.Exchange ex, int n) throws Exception {
        byte[] chunk = new byte[MIB];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < n; i++) {
            ex.write(chunk);
        }
        ex.flush();
    }

    private static ScriptedServer.Script thenStream(byte[] frame) {
        return ex -> {
            ex.respondMjpeg("b", multipart("b", true, frame));
            ex.stallUntilClosed();
        };
    }

    /** A client on fake time: the test ends its backoff when it has seen the error. */
    private static MjpegClient faked(ScriptedServer server, FakeTime time, int maxFrameSize) {
        return ClientHarness.faked(server.uri("/"), time, null).maxFrameSize(maxFrameSize).build();
    }

    private static void assertSurvives(MjpegClient client, FakeTime time, String expectedError) throws Exception {
        ClientHarness h = new ClientHarness(client, MIB, 4);
        client.start();
        try (h) {
            // when
            String error = ClientHarness.awaitBackoffError(client);
            time.advanceToNextWake();
            h.collect(1);
            // then: the client reported the limit, reconnected and delivered the next stream's frame
            assertArrayEquals(A, h.frames.get(0));
            assertEquals(expectedError, error);
            assertEquals(1, client.stats().reconnects());
            long allocated = allocatedBy(client.readerThread());
            assertTrue(allocated < ALLOCATION_BOUND, "reader thread allocated " + allocated + " bytes");
        }
    }

    @Test
    void partThatNeverEndsIsAProtocolErrorAtTheSkipLimitAndMemoryStaysBounded() throws Exception {
        // given: a 2 MiB frame limit (so a 16 MiB skip limit) and a part with no length and no boundary
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", ScriptedServer.partHead("b", -1));
            writeFiller(ex, 20);
        }, thenStream(A))) {
            assertSurvives(faked(server, time, 2 * MIB), time,
                    "protocol error: part larger than the 16 MiB skip limit (no boundary found)");
        }
    }

    @Test
    void partWithALengthBeyondTheSkipLimitAndNoBoundaryIsAProtocolError() throws Exception {
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", ScriptedServer.partHead("b", Integer.MAX_VALUE));
            writeFiller(ex, 20);
        }, thenStream(A))) {
            assertSurvives(faked(server, time, 2 * MIB), time,
                    "protocol error: part larger than the 16 MiB skip limit (no boundary found)");
        }
    }

    @Test
    void partOf64MiBUnderAHigherLimitIsDiscardedWithoutGrowingMemory() throws Exception {
        // given: a 128 MiB frame limit, 1 MiB buffers, and a 64 MiB part followed by a normal one
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", ScriptedServer.partHead("b", -1));
            writeFiller(ex, 64);
            ex.write("\r\n").write(multipart("b", true, A)).flush();
            ex.stallUntilClosed();
        })) {
            MjpegClient client = ClientHarness.fast(server.uri("/")).maxFrameSize(128 * MIB).build();
            ClientHarness h = new ClientHarness(client, MIB, 4);
            client.start();
            try (h) {
                // when
                h.collect(1);
                // then: the same connection goes on
                assertArrayEquals(A, h.frames.get(0));
                assertEquals(1, client.stats().discardedFrames());
                assertEquals(0, client.stats().reconnects());
                assertTrue(client.stats().bytes() > 64L * MIB);
                long allocated = allocatedBy(client.readerThread());
                assertTrue(allocated < ALLOCATION_BOUND, "reader thread allocated " + allocated + " bytes");
            }
        }
    }

    @Test
    void httpHeaderLineThatNeverEndsIsAProtocolError() throws Exception {
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.write("HTTP/1.1 200 OK\r\nX-Junk: ");
            writeFiller(ex, 64);
        }, thenStream(A))) {
            assertSurvives(faked(server, time, 32 * MIB), time,
                    "protocol error: HTTP header line longer than 8 KiB");
        }
    }

    @Test
    void partHeaderLineThatNeverEndsIsAProtocolError() throws Exception {
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", ScriptedServer.ascii("--b\r\nContent-Type: image/"));
            writeFiller(ex, 64);
        }, thenStream(A))) {
            assertSurvives(faked(server, time, 32 * MIB), time,
                    "protocol error: part header line longer than 8 KiB");
        }
    }
}
