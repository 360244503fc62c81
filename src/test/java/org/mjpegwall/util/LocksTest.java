package org.mjpegwall.util;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "guarded by" checks fail a test run that touches guarded state without the lock. */
class LocksTest {
    @BeforeAll
    static void assertionsAreOn() {
        boolean on = false;
        assert on = true;
        assertTrue(on, "tests run with -ea, so every Locks check is active");
    }

    @Test
    void assertHeldPassesUnderTheLockAndFailsWithoutIt() {
        Object monitor = new Object();
        synchronized (monitor) {
            Locks.assertHeld(monitor);
        }
        assertThrows(AssertionError.class, () -> Locks.assertHeld(monitor));
    }

    @Test
    void assertHeldChecksAReentrantLock() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            Locks.assertHeld(lock);
        } finally {
            lock.unlock();
        }
        assertThrows(AssertionError.class, () -> Locks.assertHeld(lock));
    }

    @Test
    void assertNotHeldFailsUnderTheLock() {
        Object monitor = new Object();
        Locks.assertNotHeld(monitor);
        synchronized (monitor) {
            assertThrows(AssertionError.class, () -> Locks.assertNotHeld(monitor));
        }
    }
}
