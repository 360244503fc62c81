package org.mjpegwall.motion;

import java.util.PriorityQueue;

/** Fake time for analysers: tasks run on the test's thread when the test advances the clock past them. */
final class FakeScheduler implements AnalysisScheduler {
    private record Task(long due, long order, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long order;
    private int scheduledCount;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        tasks.add(new Task(now + Math.max(0, delayNanos), order++, task));
        scheduledCount++;
    }

    /** Runs every task due up to {@code time}, in order, with the clock at each task's time; then sets the clock to {@code time}. */
    void advanceTo(long time) {
        while (!tasks.isEmpty() && tasks.peek().due <= time) {
            Task t = tasks.poll();
            now = Math.max(now, t.due);
            t.run.run();
        }
        now = Math.max(now, time);
    }

    int pending() {
        return tasks.size();
    }

    int scheduledCount() {
        return scheduledCount;
    }
}
