package org.mjpegwall.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fake-time fixture: sleeps end only when the test moves the time, and at exactly that time. */
class FakeTimeTest {
    @Test
    void aSleeperWakesWhenTheTimeReachesItsWakeUpAndNotBefore() throws Exception {
        // given: a thread that sleeps 5 s and notes the time it woke at
        FakeTime time = new FakeTime();
        AtomicLong wokeAt = new AtomicLong(-1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                time.sleep(Duration.ofSeconds(5).toNanos());
                wokeAt.set(time.nanoTime());
                woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        // when / then
        assertEquals(Duration.ofSeconds(5).toNanos(), time.awaitSleeper());
        time.advanceBy(Duration.ofMillis(4999));
        assertFalse(woke.await(20, TimeUnit.MILLISECONDS), "woke before its time");
        time.advanceBy(Duration.ofMillis(1));
        assertTrue(woke.await(10, TimeUnit.SECONDS));
        assertEquals(Duration.ofSeconds(5).toNanos(), wokeAt.get());
        t.join(1000);
    }

    @Test
    void advanceToNextWakeMovesToTheEarliestSleeper() throws Exception {
        FakeTime time = new FakeTime();
        Thread t = new Thread(() -> {
            try {
                time.sleep(Duration.ofMillis(1500).toNanos());
                time.sleep(Duration.ofMillis(500).toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertEquals(Duration.ofMillis(1500), time.advanceToNextWake());
        assertEquals(Duration.ofMillis(2000), time.advanceToNextWake());
        t.join(10_000);
        assertFalse(t.isAlive());
    }

    @Test
    void anInterruptEndsASleep() throws Exception {
        FakeTime time = new FakeTime();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                time.sleep(Duration.ofDays(1).toNanos());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        t.start();
        time.awaitSleeper();
        t.interrupt();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS));
    }

    @Test
    void wallClockFollowsTheFakeTimeAndTimeNeverGoesBack() {
        FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
        time.advanceBy(Duration.ofMillis(1500));
        assertEquals(Instant.parse("2026-03-01T12:00:01.500Z"), time.instant());
        assertThrows(IllegalArgumentException.class, () -> time.advanceTo(0));
    }

    @Test
    void awaitSeenByWaitsUntilTheThreadReadsTheNewTime() throws Exception {
        FakeTime time = new FakeTime();
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong read = new AtomicLong(-1);
        Thread t = new Thread(() -> {
            try {
                go.await();
                read.set(time.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        time.advanceBy(Duration.ofSeconds(3));
        go.countDown();
        time.awaitSeenBy(t);
        t.join(10_000); // the thread stores what it read just after reading it
        assertEquals(Duration.ofSeconds(3).toNanos(), read.get());
    }
}
