package org.mjpegwall.ui.model;

import java.util.concurrent.TimeUnit;

/**
 * Runs background and UI work at once on the calling thread (as JabRef's test executor): flows become plain calls.
 * After {@link #shutdown()} background work is dropped, as {@link TaskExecutor} promises.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private volatile boolean shutdown;

    @Override
    public void runInBackground(Runnable task) {
        if (!shutdown) {
            task.run();
        }
    }

    @Override
    public void runOnUiThread(Runnable task) {
        task.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    boolean isShutdown() {
        return shutdown;
    }
}
