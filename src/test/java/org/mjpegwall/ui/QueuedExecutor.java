package org.mjpegwall.ui;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor whose tasks wait until the test runs them: shows what is in flight at each step. */
public final class QueuedExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    public synchronized int queued() {
        return tasks.size();
    }

    /** Runs the tasks queued now, in order, on the calling thread (those they queue wait); returns how many ran. */
    public int runQueued() {
        int n = queued();
        for (int i = 0; i < n; i++) {
            next().run();
        }
        return n;
    }

    private synchronized Runnable next() {
        return tasks.poll();
    }
}
