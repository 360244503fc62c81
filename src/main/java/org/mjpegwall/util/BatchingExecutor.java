package org.mjpegwall.util;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands tasks to another executor in batches: at most one drain is queued there at a time, and it runs every task
 * submitted until it empties the queue, in submission order. For a delegate whose every hand-off costs a thread
 * wake-up, such as {@code Platform::runLater} (a post to the toolkit's event loop through its dispatcher thread):
 * sixteen cameras at 30 fps ask the FX thread for about a thousand small tasks a second, which arrive in bursts
 * between two pulses and then cost one wake-up per burst instead of one each.
 *
 * <p>A task that throws is logged by neither this class nor the drain: the exception propagates to the delegate
 * (as it would without batching) after the drain has re-armed itself, so the tasks behind it still run, in a new
 * drain. Thread-safe; {@link #execute} never blocks.
 */
public final class BatchingExecutor implements Executor {
    private final Executor delegate;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Runnable drain = this::drain;

    public BatchingExecutor(Executor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(Objects.requireNonNull(task, "task"));
        if (drainQueued.compareAndSet(false, true)) {
            try {
                delegate.execute(drain);
            } catch (RuntimeException e) {
                // Refused (the toolkit is gone): the task is not run, as with the delegate alone.
                tasks.remove(task);
                drainQueued.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        // Re-armed before running: a task submitted from here on queues a new drain if this one has already passed.
        drainQueued.set(false);
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (!tasks.isEmpty() && drainQueued.compareAndSet(false, true)) {
                    delegate.execute(drain);
                }
                throw e;
            }
        }
    }
}
