package org.mjpegwall.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.mjpegwall.util.TimeSource;

/**
 * Time that moves only when the test moves it, modelled on okhttp's {@code TaskFaker}: a component that
 * takes this {@link TimeSource} reads the test's time, and its {@link #sleep} returns only once the test
 * advanced past the wake-up time. Backoff, poll and stall waits then cost no real time, and every event
 * happens at an exact, repeatable time.
 *
 * <pre>{@code
 * FakeTime time = new FakeTime();
 * MjpegClient client = MjpegClient.builder(uri).time(time).build();
 * client.start();
 * time.advanceToNextWake();             // the first backoff is over: the client connects again
 * assertEquals(Duration.ofMillis(500), time.elapsed());
 * }</pre>
 *
 * <p>Threads that do real work between sleeps (a socket read) are not under its control: a test waits
 * for them with {@link #awaitSleeper()} (a thread is asleep on this time) or {@link #awaitSeenBy} (a
 * thread has read the time since the last advance). Those waits are bounded in real time, so a test that
 * expects a sleep that never comes fails instead of hanging. Thread-safe.
 */
public final class FakeTime implements TimeSource {
    /** How long the waits for other threads may take in real time before the test fails. */
    private static final Duration REAL_LIMIT = Duration.ofSeconds(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long epochMillisAtZero;
    // guarded by lock
    private long now;
    private long generation; // counts advances
    private final List<Sleeper> sleepers = new ArrayList<>();
    private final Map<Thread, Long> seen = new HashMap<>(); // the generation each thread last read

    private static final class Sleeper {
        final long wakeAt;
        boolean woken;

        Sleeper(long wakeAt) {
            this.wakeAt = wakeAt;
        }
    }

    /** Time zero is 2026-01-01T00:00:00Z on the wall clock. */
    public FakeTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** @param start the wall-clock time at time zero */
    public FakeTime(Instant start) {
        this.epochMillisAtZero = start.toEpochMilli();
    }

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            seen.put(Thread.currentThread(), generation);
            changed.signalAll();
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long currentTimeMillis() {
        return epochMillisAtZero + TimeUnit.NANOSECONDS.toMillis(nanoTime());
    }

    /** The time since zero. */
    public Duration elapsed() {
        lock.lock();
        try {
            return Duration.ofNanos(now);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the test advances the time by {@code nanos}; interruptible. */
    @Override
    public void sleep(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (nanos <= 0) {
                return;
            }
            Sleeper s = new Sleeper(now + nanos);
            sleepers.add(s);
            changed.signalAll();
            try {
                while (!s.woken) {
                    changed.await();
                }
            } finally {
                sleepers.remove(s);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves the time forward by {@code d}, waking every sleeper whose time has come. */
    public void advanceBy(Duration d) {
        lock.lock();
        try {
            advanceTo(now + d.toNanos());
        } finally {
            lock.unlock();
        }
    }

    /** Moves the time to {@code nanos} since zero (never back), waking every sleeper whose time has come. */
    public void advanceTo(long nanos) {
        lock.lock();
        try {
            if (nanos < now) {
                throw new IllegalArgumentException("time never goes back: " + nanos + " < " + now);
            }
            now = nanos;
            generation++;
            for (Sleeper s : List.copyOf(sleepers)) {
                if (s.wakeAt <= now) {
                    s.woken = true;
                    sleepers.remove(s); // gone at once, so awaitSleeper() waits for the next sleep
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits (in real time, bounded) until some thread sleeps on this time, and returns when it wakes
     * (nanoseconds since zero); the earliest, if several sleep.
     */
    public long awaitSleeper() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + REAL_LIMIT.toNanos();
            while (sleepers.isEmpty()) {
                awaitChange(deadline, "a thread to sleep on the fake time (at " + Duration.ofNanos(now) + ")");
            }
            long first = Long.MAX_VALUE;
            for (Sleeper s : sleepers) {
                first = Math.min(first, s.wakeAt);
            }
            return first;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a sleeper, moves the time to its wake-up and returns the new time since zero. */
    public Duration advanceToNextWake() {
        long wake = awaitSleeper();
        advanceTo(wake);
        return Duration.ofNanos(wake);
    }

    /** Waits (in real time, bounded) until {@code thread} has read the time since the last advance. */
    public void awaitSeenBy(Thread thread) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + REAL_LIMIT.toNanos();
            while (seen.getOrDefault(thread, -1L) != generation) {
                awaitChange(deadline, thread.getName() + " to read the fake time " + Duration.ofNanos(now));
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("timed out waiting for " + what);
        }
        try {
            changed.awaitNanos(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what);
        }
    }

    @Override
    public String toString() {
        return "FakeTime[" + elapsed() + "]";
    }

    /** Fake time shows times of day in UTC, so a test's expected "14:02" holds on every machine. */
    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }
}
