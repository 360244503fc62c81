package org.mjpegwall.util;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a "guarded by" comment into a check: a guarded method calls {@link #assertHeld} first, and a
 * run with assertions enabled (as every test run is: surefire passes {@code -ea}) fails at the first
 * access made without the lock. Modelled on okhttp's {@code assertThreadHoldsLock()}. Without
 * {@code -ea} the checks cost nothing.
 */
public final class Locks {
    private Locks() {
    }

    /** Asserts that the calling thread holds {@code monitor}'s lock ({@code synchronized (monitor)}). */
    public static void assertHeld(Object monitor) {
        assert Thread.holdsLock(monitor) : Thread.currentThread().getName() + " does not hold the lock of " + monitor;
    }

    /** Asserts that the calling thread holds {@code lock}. */
    public static void assertHeld(ReentrantLock lock) {
        assert lock.isHeldByCurrentThread() : Thread.currentThread().getName() + " does not hold " + lock;
    }

    /**
     * Asserts that the calling thread does not hold {@code monitor}'s lock: for methods that block, do I/O
     * or call out, which must never run under it.
     */
    public static void assertNotHeld(Object monitor) {
        assert !Thread.holdsLock(monitor) : Thread.currentThread().getName() + " holds the lock of " + monitor;
    }
}
