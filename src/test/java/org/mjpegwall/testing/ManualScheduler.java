package org.mjpegwall.testing;

import java.util.PriorityQueue;
import org.mjpegwall.motion.AnalysisScheduler;

/**
 * Motion analysis on fake time: an {@link AnalysisScheduler} whose clock is a {@link FakeTime} and whose
 * tasks run on the test's thread when the test calls {@link #runDue()}, so a wall's analysers are
 * driven frame by frame without threads.
 */
public final class ManualScheduler implements AnalysisScheduler {
    private record Task(long due, long order, Runnable run) {
    }

    private final FakeTime time;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long order;

    public ManualScheduler(FakeTime time) {
        this.time = time;
    }

    @Override
    public long nanoTime() {
        return time.nanoTime();
    }

    @Override
    public synchronized void schedule(Runnable task, long delayNanos) {
        tasks.add(new Task(time.nanoTime() + Math.max(0, delayNanos), order++, task));
    }

    /** Runs every task due by now, in order (tasks they schedule for now run too); returns how many ran. */
    public int runDue() {
        int n = 0;
        while (true) {
            Task t;
            synchronized (this) {
                if (tasks.isEmpty() || tasks.peek().due > time.nanoTime()) {
                    return n;
                }
                t = tasks.poll();
            }
            t.run.run();
            n++;
        }
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
