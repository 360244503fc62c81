package org.mjpegwall.ui.window;

import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes SIGTERM, SIGINT and SIGHUP (a shutdown, {@code kill}, Ctrl+C, a closed terminal) from the JVM, so the wall
 * closes before the JVM's shutdown begins.
 *
 * <p>Why not a shutdown hook: JavaFX adds a hook of its own that takes the toolkit down, and hooks run in no
 * order. The wall's hook raced it: the toolkit's renderer threw a RejectedExecutionException into the log, the
 * window's close never ran (no configuration saved, no event log flushed), and the exit waited 15 s for it. A
 * signal handler runs while the toolkit still works; the JVM's shutdown starts only when the wall, done, exits.
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, there for this purpose) is the JDK's only way to take a
 * signal; where it cannot (the JVM runs with {@code -Xrs}, or another handler owns the signal), the wall's shutdown
 * hook stays the fallback.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    /** The signals taken, with the exit status a JVM killed by each would have (128 + its number). */
    private record Taken(String name, int status) {
    }

    private static final List<Taken> TAKEN = List.of(new Taken("TERM", 143), new Taken("INT", 130), new Taken("HUP", 129));

    private StopSignals() {
    }

    /**
     * Calls {@code onSignal} with the signal's name ("TERM") and exit status, on a thread of the JVM's, for
     * each of the signals taken; the program then exits when it is ready (the JVM no longer does).
     *
     * @return whether every signal was taken
     */
    static boolean install(BiConsumer<String, Integer> onSignal) {
        boolean all = true;
        for (Taken t : TAKEN) {
            try {
                Signal signal = new Signal(t.name());
                if (Signal.handle(signal, s -> onSignal.accept(t.name(), t.status())) == SignalHandler.SIG_IGN) {
                    Signal.handle(signal, SignalHandler.SIG_IGN); // ignored when started (nohup): it stays so
                }
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                all = false;
                LOG.debug("SIG{} stays the JVM's (the shutdown hook closes the wall): {}", t.name(), e.getMessage());
            }
        }
        return all;
    }
}
