package org.mjpegwall.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the wall's TestFX tests: run on the FX thread, and poll with generous timeouts. */
public final class FxTesting {
    private FxTesting() {
    }

    /** Runs on the FX thread and returns the result. */
    public static <T> T fx(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX task failed", e);
        }
    }

    public static void fxRun(Runnable task) {
        fx(() -> {
            task.run();
            return null;
        });
    }

    /** Polls the condition on the FX thread until it holds, failing after {@code seconds}. */
    public static void waitUntil(int seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
