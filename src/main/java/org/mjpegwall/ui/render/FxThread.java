package org.mjpegwall.ui.render;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** The JavaFX thread for the benchmarks that drive the toolkit from their own thread ({@code bench-decode}, {@code bench-wall}). */
public final class FxThread {
    private FxThread() {
    }

    /** Starts the toolkit (or finds it running) and keeps it running when the last window closes. */
    public static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        PrismTuning.apply(); // the wall's settings: the benchmarks measure the wall as it runs
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    /** Runs the task on the FX thread and waits (up to 30 s) for its result or its failure. */
    public static <T> T onFx(Supplier<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
