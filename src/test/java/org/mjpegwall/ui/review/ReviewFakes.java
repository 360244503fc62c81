package org.mjpegwall.ui.review;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.mjpegwall.ui.model.TaskExecutor;

/**
 * The review's surroundings in tests: a background thread with results on the FX thread. Dialogs are
 * {@code ui.model.FakeDialogService}; running at once is {@code ui.model.CurrentThreadTaskExecutor}.
 */
final class ReviewFakes {
    private ReviewFakes() {
    }

    /**
     * Background work on a real thread (so the FX thread is never blocked), UI work on the FX thread; work handed in
     * after {@link #shutdown()} is dropped, as {@link TaskExecutor} promises.
     */
    static final class FxTasks implements TaskExecutor {
        private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "review-test-io");
            t.setDaemon(true);
            return t;
        });

        @Override
        public void runInBackground(Runnable task) {
            try {
                io.execute(task);
            } catch (RejectedExecutionException shutDown) {
                // dropped, as TaskExecutor promises
            }
        }

        @Override
        public void runOnUiThread(Runnable task) {
            Platform.runLater(task);
        }

        @Override
        public void shutdown() {
            io.shutdown();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return io.awaitTermination(timeout, unit);
        }
    }
}
