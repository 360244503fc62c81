package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;

/** A stop signal closes the wall once, on the UI thread, and the program exits at the latest at the limit. */
class SignalStopTest {
    private final FakeTime time = new FakeTime();
    private final List<String> ui = new CopyOnWriteArrayList<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final SignalStop stop = new SignalStop(task -> {
        ui.add("on the UI thread");
        task.run();
    }, () -> ui.add("demo cameras stopped at once"), () -> ui.add("windows closed"), exits::add, time,
            Duration.ofSeconds(15));

    private void joinWatchdog() throws InterruptedException {
        stop.watchdog().join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(stop.watchdog().isAlive(), "the watchdog ended");
    }

    @Test
    void aSignalClosesTheWindowsOnceOnTheUiThreadAndGivesTheSignalsExitStatus() throws Exception {
        // given no signal yet
        assertFalse(stop.stopping());
        assertEquals(0, stop.status(0));
        // when SIGTERM comes, then SIGINT while the wall stops
        stop.signalled("TERM", 143);
        stop.signalled("INT", 130);
        // then the windows were closed once, on the UI thread, and the program exits as after SIGTERM
        assertEquals(List.of("demo cameras stopped at once", "on the UI thread", "windows closed"), ui);
        assertTrue(stop.stopping());
        assertEquals(143, stop.status(0));
        // and when the wall stopped in time, the watchdog does not exit it
        time.awaitSleeper();
        stop.done();
        time.advanceBy(Duration.ofSeconds(15));
        joinWatchdog();
        assertEquals(List.of(), exits);
    }

    @Test
    void aWallThatDoesNotStopIsExitedAtTheLimitWithTheSignalsStatus() throws Exception {
        // given a UI thread that never runs the close (it hangs)
        SignalStop hung = new SignalStop(task -> ui.add("queued, never run"), () -> { }, () -> ui.add("windows closed"),
                exits::add, time, Duration.ofSeconds(15));
        // when SIGTERM comes and 14.9 s pass
        hung.signalled("TERM", 143);
        time.awaitSleeper();
        time.advanceBy(Duration.ofMillis(14_900));
        // then nothing exits yet
        assertTrue(hung.watchdog().isAlive());
        assertEquals(List.of(), exits);
        // when the limit is reached
        time.advanceBy(Duration.ofMillis(100));
        hung.watchdog().join(TimeUnit.SECONDS.toMillis(10));
        // then the program exits with SIGTERM's status
        assertEquals(List.of(143), exits);
        assertEquals(List.of("queued, never run"), ui);
    }

    @Test
    void aToolkitThatEndedAlreadyIsNoError() throws Exception {
        // given a UI thread that refuses work (JavaFX has exited)
        SignalStop late = new SignalStop(task -> {
            throw new IllegalStateException("Toolkit has exited");
        }, () -> { }, () -> ui.add("windows closed"), exits::add, time, Duration.ofSeconds(15));
        // when
        late.signalled("HUP", 129);
        // then it is stopping, and exits with SIGHUP's status when the launcher returns
        assertTrue(late.stopping());
        assertEquals(129, late.status(0));
        late.done();
        time.awaitSleeper();
        time.advanceBy(Duration.ofSeconds(15));
        late.watchdog().join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of(), exits);
    }
}
