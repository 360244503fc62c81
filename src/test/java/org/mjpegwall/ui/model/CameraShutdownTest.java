package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mjpegwall.record.RecordingRegistry;
import org.mjpegwall.record.RecordingStatus;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.FakeTime;

/**
 * The wall's last step: files first, then cameras, then the session's end; each wait bounded on the injected time,
 * and a limit reached said in words, naming what did not finish. No test here waits for a limit in real time.
 */
class CameraShutdownTest {
    private final FakeTime time = new FakeTime();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** Holds back a close that "hangs" until the test ends. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void end() {
        release.countDown();
        threads.shutdownNow();
    }

    private CameraShutdown shutdown(java.util.concurrent.Executor closers) {
        return new CameraShutdown(time, closers, CameraShutdown.Limits.DEFAULT, warnings::add);
    }

    private CameraShutdown.Closing camera(String name) {
        return new CameraShutdown.Closing(name, () -> events.add("close " + name));
    }

    private CameraShutdown.Closing stuckCamera(String name) {
        return new CameraShutdown.Closing(name, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static RecordingRegistry.Stop file(String camera, CompletableFuture<RecordingStatus> finished) {
        return new RecordingRegistry.Stop(camera, finished);
    }

    /** Runs the shutdown on a thread of its own, as the wall's I/O thread does. */
    private Thread runInBackground(CameraShutdown s, List<RecordingRegistry.Stop> files, List<CameraShutdown.Closing> cameras) {
        Thread t = new Thread(() -> s.run(() -> {
            events.add("stop recordings");
            return files;
        }, cameras, () -> events.add("session end")), "test-shutdown");
        t.start();
        return t;
    }

    private static void join(Thread t) throws InterruptedException {
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "the shutdown ended");
    }

    @Test
    void stopsTheRecordingsAndCamerasAtOnceWaitsForTheFilesThenEndsTheSessionWithoutWaitingForALimit() throws Exception {
        // given two recordings still finishing their files, and two cameras
        CompletableFuture<RecordingStatus> door = new CompletableFuture<>();
        CompletableFuture<RecordingStatus> yard = new CompletableFuture<>();
        // when the shutdown runs
        Thread t = runInBackground(shutdown(Runnable::run), List.of(file("Door", door), file("Yard", yard)),
                List.of(camera("Cam 1"), camera("Cam 2")));
        Await.until("the cameras closed", () -> events.size() == 3);
        // then the recordings were asked to stop and the cameras closed at once, but the session waits for the files
        assertEquals(List.of("stop recordings", "close Cam 1", "close Cam 2"), events);
        // when the files are finished
        door.complete(null);
        yard.complete(null);
        join(t);
        // then the session ends, nothing was said, and no time had to pass
        assertEquals(List.of("stop recordings", "close Cam 1", "close Cam 2", "session end"), events);
        assertEquals(List.of(), warnings);
        assertEquals(Duration.ZERO, time.elapsed());
    }

    @Test
    void aFileThatDoesNotFinishIsGivenUpAfterFiveSecondsAndNamed() throws Exception {
        // given one recording that finishes and one whose disk is stuck
        Thread t = runInBackground(shutdown(Runnable::run), List.of(file("Door", CompletableFuture.completedFuture(null)),
                file("Yard", new CompletableFuture<>())), List.of(camera("Cam 1")));
        // when 4.9 s pass, it still waits
        time.awaitSeenBy(t);
        time.advanceBy(Duration.ofMillis(4900));
        time.awaitSeenBy(t);
        assertTrue(t.isAlive());
        assertEquals(List.of(), warnings);
        // when the limit is reached
        time.advanceBy(Duration.ofMillis(100));
        join(t);
        // then it says which recording, and the wall goes on to stop
        assertEquals(List.of("Recording of Yard did not finish within 5 s: the wall stops without waiting (the next"
                + " start repairs an unfinished file)."), warnings);
        assertEquals("session end", events.get(events.size() - 1));
    }

    @Test
    void camerasThatDoNotCloseAreGivenUpAfterTwoSecondsNamedAndTheOthersStillClose() throws Exception {
        // given three cameras, two of them stuck in their close
        Thread t = runInBackground(shutdown(threads), List.of(),
                List.of(stuckCamera("Cam 1"), camera("Cam 2"), stuckCamera("Cam 3")));
        // when the one that closes has closed (the shutdown looked at its cameras twice since), and 2 s pass
        Await.until("Cam 2 closed", () -> events.contains("close Cam 2"));
        for (int i = 0; i < 2; i++) {
            time.advanceBy(Duration.ofNanos(1));
            time.awaitSeenBy(t);
        }
        time.advanceBy(Duration.ofSeconds(2));
        join(t);
        // then the stuck ones are named, the other closed, and the session still ended
        assertEquals(List.of("Cam 1 and Cam 3 did not stop within 2 s: the wall stops without waiting."), warnings);
        assertTrue(events.contains("close Cam 2"));
        assertEquals("session end", events.get(events.size() - 1));
    }

    @Test
    void aSessionEndThatHangsIsGivenUpAfterTwoSeconds() throws Exception {
        // given a demo server whose stop hangs
        CameraShutdown s = shutdown(threads);
        CountDownLatch ending = new CountDownLatch(1);
        Thread t = new Thread(() -> s.run(List::of, List.of(), () -> {
            ending.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        t.start();
        // when 2 s pass after it began
        assertTrue(ending.await(10, TimeUnit.SECONDS));
        time.advanceBy(Duration.ofSeconds(2));
        join(t);
        // then
        assertEquals(List.of("Stopping the demo cameras did not end within 2 s: the wall stops without waiting."),
                warnings);
    }

    @Test
    void aCameraWhoseCloseFailsIsNotAWarningAndTheOthersClose() throws Exception {
        // given a camera whose close throws
        CameraShutdown.Closing failing = new CameraShutdown.Closing("Cam 1", () -> {
            throw new IllegalStateException("already closed");
        });
        // when
        Thread t = runInBackground(shutdown(Runnable::run), List.of(), List.of(failing, camera("Cam 2")));
        join(t);
        // then the stop went on as usual
        assertEquals(List.of("stop recordings", "close Cam 2", "session end"), events);
        assertEquals(List.of(), warnings);
    }
}
