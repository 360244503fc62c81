package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wall's executor keeps {@link org.mjpegwall.ui.model.TaskExecutor}'s contract: work handed in after the shutdown
 * is dropped, never thrown, while the work handed in before still runs, in order.
 */
class FxTaskExecutorTest {
    @Test
    void backgroundWorkHandedInAfterShutdownIsDroppedNotThrownAndEarlierWorkStillRuns() throws Exception {
        // given an executor whose I/O thread is busy with a first task, a second queued behind it, then shut down
        FxTaskExecutor tasks = new FxTaskExecutor();
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        tasks.runInBackground(() -> {
            awaitQuietly(release);
            ran.add("first");
        });
        tasks.runInBackground(() -> ran.add("second"));
        tasks.shutdown();

        // when more work is handed in after the shutdown
        assertDoesNotThrow(() -> tasks.runInBackground(() -> ran.add("late")));
        release.countDown();

        // then the work from before the shutdown ran, in order, and the late work never ran
        assertTrue(tasks.awaitTermination(10, TimeUnit.SECONDS), "the I/O thread ended");
        assertEquals(List.of("first", "second"), ran);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
