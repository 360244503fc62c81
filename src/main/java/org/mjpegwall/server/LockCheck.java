package org.mjpegwall.server;

/**
 * Turns a "guarded by" comment into a check: with assertions on ({@code -ea}, as in every test run) a method
 * that needs a lock fails at once when called without it, and one that must not run under a lock (I/O, big
 * allocations, thread starts) fails when called with it. okhttp's {@code assertThreadHoldsLock} is the model.
 * Without {@code -ea} both are a field read.
 */
final class LockCheck {
    private static final boolean ENABLED = LockCheck.class.desiredAssertionStatus();

    private LockCheck() {
    }

    /** @throws AssertionError if assertions are on and this thread does not hold {@code lock} */
    static void assertHeld(Object lock) {
        if (ENABLED && !Thread.holdsLock(lock)) {
            throw new AssertionError("thread " + Thread.currentThread().getName() + " must hold lock " + lock);
        }
    }

    /** @throws AssertionError if assertions are on and this thread holds {@code lock} */
    static void assertNotHeld(Object lock) {
        if (ENABLED && Thread.holdsLock(lock)) {
            throw new AssertionError("thread " + Thread.currentThread().getName() + " must not hold lock " + lock);
        }
    }
}
