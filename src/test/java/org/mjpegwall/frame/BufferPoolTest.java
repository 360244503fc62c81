package org.mjpegwall.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** BufferPool: py-mjpeg's buffer rules, the same for every source, and buffers that never get lost. */
class BufferPoolTest {
    @Test
    void aFilledBufferGoesFromTheProducerToTheApplicationAndBack() throws Exception {
        // given
        BufferPool pool = new BufferPool();
        List<FrameBuffer> buffers = pool.request(100, 2);
        buffers.forEach(pool::enqueue);
        pool.seal();
        // when: the producer fills one
        FrameBuffer b = pool.poll();
        b.data()[0] = 42;
        b.complete(1, 0, 0, 0);
        pool.publish(b);
        // then
        assertEquals(1, pool.readyCount());
        FrameBuffer got = pool.dequeue(1, TimeUnit.SECONDS);
        assertSame(b, got);
        assertEquals(42, got.data()[0]);
        assertEquals(0, pool.readyCount());
        // when the application gives it back, it is free again
        pool.enqueue(got);
        assertTrue(pool.poll() != null && pool.poll() != null, "both buffers free");
        assertNull(pool.poll(), "out of buffers: the producer must discard");
    }

    @Test
    void refusesBuffersFromElsewhereAndTwiceEnqueuedOnes() {
        BufferPool pool = new BufferPool();
        FrameBuffer mine = pool.request(10, 1).get(0);
        assertThrows(IllegalArgumentException.class, () -> pool.enqueue(new FrameBuffer(10)));
        pool.enqueue(mine);
        assertThrows(IllegalStateException.class, () -> pool.enqueue(mine));
    }

    @Test
    void refusesRequestsOnceSealedButKeepsWhatWasRequestedBefore() {
        // given
        BufferPool pool = new BufferPool();
        List<FrameBuffer> first = pool.request(10, 1);
        List<FrameBuffer> second = pool.request(10, 20, 1);
        first.forEach(pool::enqueue);
        second.forEach(pool::enqueue);
        // when
        pool.seal();
        // then
        assertThrows(IllegalStateException.class, () -> pool.request(10, 1));
        assertEquals(List.of(10, 20), List.of(pool.poll().maxLength(), pool.poll().maxLength()),
                "the buffers of both requests are free, in the order they were enqueued");
        assertThrows(IllegalArgumentException.class, () -> pool.request(10, 0));
    }

    @Test
    void aProducerAndAnApplicationOnTwoThreadsLoseNoBuffer() throws Exception {
        // given: 4 buffers, a producer that fills whatever is free, an application that hands each back
        BufferPool pool = new BufferPool();
        List<FrameBuffer> all = pool.request(16, 4);
        all.forEach(pool::enqueue);
        pool.seal();
        int frames = 20_000;
        Thread producer = new Thread(() -> {
            int sent = 0;
            while (sent < frames) {
                FrameBuffer b = pool.poll();
                if (b == null) {
                    Thread.onSpinWait();
                    continue;
                }
                b.complete(0, sent++, 0, 0);
                pool.publish(b);
            }
        });
        producer.start();
        // when
        long expected = 0;
        for (int i = 0; i < frames; i++) {
            FrameBuffer b = pool.dequeue(10, TimeUnit.SECONDS);
            // then: every frame in order, none lost or duplicated
            assertEquals(expected++, b.sequence());
            pool.enqueue(b);
        }
        producer.join(10_000);
        Set<FrameBuffer> free = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FrameBuffer b; (b = pool.poll()) != null; ) {
            free.add(b);
        }
        assertEquals(4, free.size());
        assertTrue(free.containsAll(all));
    }
}
