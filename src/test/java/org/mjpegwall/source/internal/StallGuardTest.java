package org.mjpegwall.source.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;

/** The stall timeout counted on the source's time, over a socket whose read timeout is only a tick. */
class StallGuardTest {
    /** Scripted reads: a number of bytes, or -1 for a read timeout, each after moving the fake time. */
    private static final class Ticks extends InputStream {
        final Deque<long[]> script = new ArrayDeque<>(); // {advanceMillis, result}
        final FakeTime time;
        int reads;

        Ticks(FakeTime time) {
            this.time = time;
        }

        Ticks then(long advanceMillis, long result) {
            script.add(new long[] {advanceMillis, result});
            return this;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws SocketTimeoutException {
            reads++;
            long[] step = script.remove();
            time.advanceBy(Duration.ofMillis(step[0]));
            if (step[1] < 0) {
                throw new SocketTimeoutException("Read timed out");
            }
            return (int) step[1];
        }
    }

    @Test
    void readsOnThroughTimeoutsShorterThanTheStall() throws Exception {
        // given: data, then three ticks of 3 s without data, then data (9 s quiet < 10 s)
        FakeTime time = new FakeTime();
        Ticks in = new Ticks(time).then(0, 5).then(3000, -1).then(3000, -1).then(3000, -1).then(0, 7);
        StallGuard guard = new StallGuard(in, time, Duration.ofSeconds(10));
        byte[] buf = new byte[16];
        // when / then
        assertEquals(5, guard.read(buf, 0, 16));
        assertEquals(7, guard.read(buf, 0, 16));
        assertEquals(5, in.reads);
    }

    @Test
    void failsOnceNoByteCameForTheStallTimeout() throws Exception {
        // given: data at 1 s, then ticks until 11 s
        FakeTime time = new FakeTime();
        Ticks in = new Ticks(time).then(1000, 5).then(4000, -1).then(4000, -1).then(1999, -1).then(1, -1).then(0, 9);
        StallGuard guard = new StallGuard(in, time, Duration.ofSeconds(10));
        byte[] buf = new byte[16];
        guard.read(buf, 0, 16);
        // when / then: 9.999 s after the data it still waits; at 10 s it gives up
        assertThrows(SocketTimeoutException.class, () -> guard.read(buf, 0, 16));
        assertEquals(Duration.ofSeconds(11), time.elapsed());
        assertEquals(5, in.reads);
    }

    @Test
    void countsFromWhenTheGuardWasMadeBeforeAnyData() {
        FakeTime time = new FakeTime();
        Ticks in = new Ticks(time).then(10_000, -1);
        StallGuard guard = new StallGuard(in, time, Duration.ofSeconds(10));
        assertThrows(SocketTimeoutException.class, () -> guard.read(new byte[4], 0, 4));
    }
}
