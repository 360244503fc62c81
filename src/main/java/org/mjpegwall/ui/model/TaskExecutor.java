package org.mjpegwall.ui.model;

import java.util.concurrent.TimeUnit;

/**
 * Where the wall's controllers run work: file and network work in the background, results back on
 * the UI thread. The window gives them one backed by a worker thread and {@code Platform.runLater};
 * tests give them one that runs everything at once on the calling thread (as JabRef's
 * {@code CurrentThreadTaskExecutor}), so a save or import flow is a plain unit test.
 */
public interface TaskExecutor {
    /** Runs blocking work (files, sockets, joining threads) off the UI thread, in submission order. */
    void runInBackground(Runnable task);

    /** Runs a task on the UI thread (later, when called from it). */
    void runOnUiThread(Runnable task);

    /** Background work submitted so far still runs; nothing new is accepted. */
    void shutdown();

    /** Waits until the background work submitted before {@link #shutdown()} is done. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;
}
