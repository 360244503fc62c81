package org.mjpegwall.ui.window;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.mjpegwall.ui.model.TaskExecutor;

/** The wall's executor: one background thread for files and sockets, in order; results back with {@code runLater}. */
final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wall-io");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void runInBackground(Runnable task) {
        io.execute(task);
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
