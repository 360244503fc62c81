package org.mjpegwall.motion;

/**
 * Time and threads for analysers: a monotonic clock and a way to run a task later. {@link MotionPool}
 * is the real one (a small thread pool shared by all cameras); tests pass a fake that owns time.
 */
public interface AnalysisScheduler {
    /** Monotonic time, on the same clock as {@link org.mjpegwall.frame.Frame#arrivalNanos()}. */
    long nanoTime();

    /**
     * Runs {@code task} once, after {@code delayNanos}, on a thread of the scheduler's.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
     */
    void schedule(Runnable task, long delayNanos);
}
