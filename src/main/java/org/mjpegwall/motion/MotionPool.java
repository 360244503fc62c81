package org.mjpegwall.motion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small thread pool that analyses every camera: a couple of daemon threads named
 * {@code motion-analysis-N}, whatever the number of cameras (each analysis takes about a millisecond,
 * so sixteen cameras at five per second keep one thread a few percent busy).
 */
public final class MotionPool implements AnalysisScheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** A pool of {@code threads} threads (1..16). */
    public MotionPool(int threads) {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("threads must be 1..16: " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "motion-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the display and the recorder come first
            this.threads.add(t);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.prestartAllCoreThreads();
    }

    /** Half the processors, at least one and at most four threads. */
    public static MotionPool withDefaultSize() {
        return new MotionPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2)));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** CPU time used by the pool's threads so far, in nanoseconds; -1 if the JVM cannot tell. */
    public long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (Thread t : threads) {
            long c = mx.getThreadCpuTime(t.getId());
            if (c > 0) {
                sum += c;
            }
        }
        return sum;
    }

    /** Stops the threads; analyses in progress finish within a second. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
