package org.mjpegwall.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tasks reach the delegate in batches, in order, and none is lost or run twice. */
class BatchingExecutorTest {
    /** A delegate that only queues: the test decides when its tasks run, as the FX thread would between events. */
    private static final class Held implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();
        boolean refuse;

        @Override
        public void execute(Runnable r) {
            if (refuse) {
                throw new RejectedExecutionException("toolkit gone");
            }
            queued.add(r);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void tasksSubmittedBeforeTheDelegateRunsShareOneHandOffAndRunInOrder() {
        // given
        Held fx = new Held();
        BatchingExecutor batches = new BatchingExecutor(fx);
        List<Integer> ran = new ArrayList<>();
        // when five tasks come before the delegate gets to run
        for (int i = 0; i < 5; i++) {
            int n = i;
            batches.execute(() -> ran.add(n));
        }
        // then one hand-off carries them all, in order
        assertEquals(1, fx.queued.size());
        fx.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        // and the next task is handed off anew
        batches.execute(() -> ran.add(5));
        assertEquals(1, fx.queued.size());
        fx.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
    }

    @Test
    void aTaskSubmittedByARunningTaskRunsToo() {
        // given
        Held fx = new Held();
        BatchingExecutor batches = new BatchingExecutor(fx);
        List<String> ran = new ArrayList<>();
        // when a task submits another (the renderer's follow-up work does)
        batches.execute(() -> {
            ran.add("first");
            batches.execute(() -> ran.add("second"));
        });
        fx.runAll();
        // then both ran, once each
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void aFailingTaskDoesNotStrandTheTasksBehindIt() {
        // given
        Held fx = new Held();
        BatchingExecutor batches = new BatchingExecutor(fx);
        List<String> ran = new ArrayList<>();
        batches.execute(() -> {
            throw new IllegalStateException("boom");
        });
        batches.execute(() -> ran.add("after"));
        // when the batch runs, the failure reaches the delegate as it would without batching
        assertThrows(IllegalStateException.class, () -> fx.queued.poll().run());
        // then a new hand-off runs the rest
        assertEquals(1, fx.queued.size());
        fx.runAll();
        assertEquals(List.of("after"), ran);
    }

    @Test
    void aRefusedHandOffThrowsAndTheNextTaskTriesAgain() {
        // given a delegate that refuses (the toolkit has exited)
        Held fx = new Held();
        fx.refuse = true;
        BatchingExecutor batches = new BatchingExecutor(fx);
        AtomicInteger ran = new AtomicInteger();
        // when, then
        assertThrows(RejectedExecutionException.class, () -> batches.execute(ran::incrementAndGet));
        fx.refuse = false;
        batches.execute(ran::incrementAndGet);
        fx.runAll();
        assertEquals(1, ran.get(), "the refused task is not run later behind the caller's back");
    }

    @Test
    void noTaskIsLostOrRunTwiceUnderConcurrentSubmission() throws Exception {
        // given a single-threaded delegate, like the FX thread, and four submitting threads
        ExecutorService fx = Executors.newSingleThreadExecutor();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        try {
            BatchingExecutor batches = new BatchingExecutor(fx);
            int perThread = 20_000;
            int[] counts = new int[4 * perThread]; // written on the delegate's one thread only
            CountDownLatch done = new CountDownLatch(4 * perThread);
            // when
            for (int t = 0; t < 4; t++) {
                int base = t * perThread;
                producers.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int n = base + i;
                        batches.execute(() -> {
                            counts[n]++;
                            done.countDown();
                        });
                    }
                });
            }
            // then every task ran exactly once
            assertEquals(true, done.await(60, TimeUnit.SECONDS), "all tasks ran");
            fx.submit(() -> { }).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < counts.length; i++) {
                assertEquals(1, counts[i], "task " + i);
            }
        } finally {
            producers.shutdownNow();
            fx.shutdownNow();
        }
    }
}
