package org.mjpegwall.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling for tests that talk to real sockets or threads: waits for a condition and fails with a message
 * naming it if it is not reached in time. Never a fixed sleep: the wait ends as soon as the condition holds.
 */
public final class Await {
    /** The limit of {@link #until(String, BooleanSupplier)}: generous, since a loaded build machine is slow. */
    public static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /** Waits up to {@link #LIMIT} for {@code condition}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, LIMIT.toSeconds(), condition);
    }

    /** Waits up to {@code seconds} for {@code condition}. */
    public static void until(String what, long seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                if (condition.getAsBoolean()) {
                    return;
                }
                throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    /** Waits up to {@link #LIMIT} for {@code supplier} to give a value other than {@code null}, and returns it. */
    public static <T> T value(String what, Supplier<T> supplier) {
        Object[] box = new Object[1];
        until(what, () -> (box[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }
}
