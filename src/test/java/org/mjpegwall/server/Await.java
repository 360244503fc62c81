package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, and fails the test if it is not reached in time. */
final class Await {
    private Await() {
    }

    static void until(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertTrue(condition.getAsBoolean(), what + " within " + seconds + " s");
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
