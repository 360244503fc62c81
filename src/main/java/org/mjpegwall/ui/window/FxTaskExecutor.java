package org.mjpegwall.ui.window;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.mjpegwall.ui.model.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's executor: one background thread for files and sockets, in order; results back with {@code runLater}.
 *
 * <p>Why it drops work quietly once closed ({@link TaskExecutor}'s contract): while the wall stops, a camera thread
 * or a timer may still hand in a result (a motion event, a finished file's message) after the I/O thread stopped
 * taking work or the toolkit ended. That is expected on every stop, so it is a debug line, not an exception in the
 * log.
 */
final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wall-io");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void runInBackground(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            if (!io.isShutdown()) {
                throw e;
            }
            LOG.debug("the wall is closing: background work dropped");
        }
    }

    @Override
    public void runOnUiThread(Runnable task) {
        try {
            Platform.runLater(task);
        } catch (IllegalStateException toolkitEnded) {
            LOG.debug("the wall has closed: {}", toolkitEnded.getMessage());
        }
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
