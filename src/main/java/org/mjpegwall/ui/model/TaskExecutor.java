package org.mjpegwall.ui.model;

import java.util.concurrent.TimeUnit;

/**
 * Where the wall's controllers run work: file and network work in the background, results back on
 * the UI thread. The window gives them one backed by a worker thread and {@code Platform.runLater};
 * tests give them one that runs everything at once on the calling thread (as JabRef's
 * {@code CurrentThreadTaskExecutor}), so a save or import flow is a plain unit test.
 *
 * <p>The contract every implementation keeps, tests' too: work handed in after {@link #shutdown()} (or UI work
 * posted after the UI has ended) is dropped, never thrown. Why: while the wall stops, a camera thread or a timer
 * may still hand in a result (a motion event, a retention tick); that is expected on every stop, so the callers
 * need no catch of their own.
 */
public interface TaskExecutor {
    /**
     * Runs blocking work (files, sockets, joining threads) off the UI thread, in submission order; after
     * {@link #shutdown()}, drops it without running it and without throwing.
     */
    void runInBackground(Runnable task);

    /** Runs a task on the UI thread (later, when called from it); once the UI has ended, drops it without throwing. */
    void runOnUiThread(Runnable task);

    /** Background work submitted so far still runs; what is handed in from now on is dropped. */
    void shutdown();

    /** Waits until the background work submitted before {@link #shutdown()} is done. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;
}
