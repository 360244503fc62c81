package org.mjpegwall.ui.window;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wall does on a stop signal (see {@link StopSignals}): it closes its windows on the UI thread the way
 * Quit does, without asking, and the program exits when that is done. Once: a second signal while stopping is
 * only logged. Bounded: if the program has not ended {@code limit} after the signal (a UI thread that no longer
 * runs, say), it says so and exits anyway; the recorders' own exit hooks still finish their files then.
 *
 * <p>Threads: {@link #signalled} runs on a thread of the JVM's; the watchdog on a daemon thread of its own,
 * waiting on the injected time.
 */
final class SignalStop {
    private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);

    private final Executor uiThread;
    private final Runnable atOnce;
    private final Runnable closeWindows;
    private final IntConsumer exit;
    private final TimeSource time;
    private final Duration limit;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean done;
    private volatile int status;
    private volatile Thread watchdog;

    /**
     * @param uiThread runs {@code closeWindows} on the UI thread ({@code Platform::runLater})
     * @param atOnce stops, on the signal's thread, what need not wait for the UI thread: the built-in demo cameras,
     *     which render in this program and, 16 of them at 1920x1080, starved the UI thread so that the close began
     *     seconds late (the cameras then show "reconnecting" for the moment the window has left)
     * @param closeWindows closes the wall's windows as Quit does, and lets the toolkit end
     * @param exit ends the program with a status ({@code System::exit}) when the limit is reached
     */
    SignalStop(Executor uiThread, Runnable atOnce, Runnable closeWindows, IntConsumer exit, TimeSource time,
            Duration limit) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.atOnce = Objects.requireNonNull(atOnce, "atOnce");
        this.closeWindows = Objects.requireNonNull(closeWindows, "closeWindows");
        this.exit = Objects.requireNonNull(exit, "exit");
        this.time = Objects.requireNonNull(time, "time");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** A stop signal came: close the wall, once, and exit when done or at the limit. */
    void signalled(String signal, int exitStatus) {
        if (!started.compareAndSet(false, true)) {
            LOG.info("SIG{} again: the wall is stopping already", signal);
            return;
        }
        status = exitStatus;
        LOG.info("SIG{}: the wall stops: finishing recordings, saving the configuration", signal);
        Thread t = new Thread(() -> watch(signal), "wall-stop-watchdog");
        t.setDaemon(true);
        watchdog = t;
        t.start();
        try {
            atOnce.run();
        } catch (RuntimeException e) {
            LOG.debug("stopping at once", e); // the UI thread's close stops it again
        }
        try {
            uiThread.execute(closeWindows);
        } catch (IllegalStateException toolkitEnded) {
            LOG.debug("the windows are closed already: {}", toolkitEnded.getMessage());
        }
    }

    private void watch(String signal) {
        try {
            time.sleep(limit.toNanos());
        } catch (InterruptedException e) {
            return;
        }
        if (!done) {
            LOG.warn("The wall did not stop within {} s of SIG{}: exiting now (an unfinished recording is repaired at"
                    + " the next start).", limit.toSeconds(), signal);
            exit.accept(status);
        }
    }

    /** The thread that exits at the limit, once a signal came ({@code null} before); for tests. */
    Thread watchdog() {
        return watchdog;
    }

    /** Whether a stop signal came. */
    boolean stopping() {
        return started.get();
    }

    /** The wall has stopped and the program exits now: the watchdog does nothing more. */
    void done() {
        done = true;
    }

    /** The exit status for the signal that came ({@code otherwise} without one). */
    int status(int otherwise) {
        return started.get() ? status : otherwise;
    }
}
