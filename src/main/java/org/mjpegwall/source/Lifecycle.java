package org.mjpegwall.source;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.util.Locks;
import org.mjpegwall.util.TimeSource;

/**
 * The lifecycle of a network source as a checked state machine. The stored states and the only
 * transitions between them:
 *
 * <pre>
 *   NEW ──start()──▶ CONNECTING ──response accepted──▶ STREAMING ──stream ended or failed──▶ BACKOFF
 *                        │  ▲                             │                                    │
 *                        │  └────────next snapshot poll───┘                                    │
 *                        │  ▲                                                                  │
 *                        │  └───────────────────────────delay over─────────────────────────────┘
 *                        └──────────────connect or request failed──────────────────────────────▶ BACKOFF
 *   any state ──stop()──▶ STOPPED (final: later transitions are ignored, a stopped source never starts)
 * </pre>
 *
 * WAITING is never stored: it is a STREAMING source that has had no frame for a while, derived when the
 * state is read. Any other transition is a bug and throws {@link IllegalStateException}. The state and
 * the retry time are guarded by {@code lock}; a listener (tests) hears every transition after the lock is
 * released.
 */
final class Lifecycle {
    /** A transition as a listener hears it: the new state, when (source time) and the error that caused it. */
    record Transition(SourceState from, SourceState to, long nanos, String error) {
    }

    private static final Map<SourceState, Set<SourceState>> ALLOWED = new EnumMap<>(SourceState.class);

    static {
        ALLOWED.put(SourceState.NEW, EnumSet.of(SourceState.CONNECTING, SourceState.STOPPED));
        ALLOWED.put(SourceState.CONNECTING, EnumSet.of(SourceState.STREAMING, SourceState.BACKOFF, SourceState.STOPPED));
        ALLOWED.put(SourceState.STREAMING, EnumSet.of(SourceState.BACKOFF, SourceState.CONNECTING, SourceState.STOPPED));
        ALLOWED.put(SourceState.BACKOFF, EnumSet.of(SourceState.CONNECTING, SourceState.STOPPED));
        ALLOWED.put(SourceState.WAITING, EnumSet.noneOf(SourceState.class));
        ALLOWED.put(SourceState.STOPPED, EnumSet.noneOf(SourceState.class));
    }

    private final Object lock = new Object();
    private final TimeSource time;
    private final Consumer<Transition> listener;
    // guarded by lock
    private SourceState state = SourceState.NEW;
    private Instant retryAt;

    /** @param listener hears every transition, on the thread that made it; null for none */
    Lifecycle(TimeSource time, Consumer<Transition> listener) {
        this.time = time;
        this.listener = listener;
    }

    /** The stored state and, in BACKOFF, when the next attempt starts. */
    record Snapshot(SourceState state, Instant retryAt) {
    }

    Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(current(), retry());
        }
    }

    SourceState state() {
        synchronized (lock) {
            return current();
        }
    }

    /**
     * NEW → CONNECTING.
     *
     * @throws IllegalStateException if the source has started or stopped before
     */
    void start() {
        long now = time.nanoTime();
        SourceState from;
        synchronized (lock) {
            from = current();
            if (from != SourceState.NEW) {
                throw new IllegalStateException("a source starts once; this one is " + from);
            }
            set(SourceState.CONNECTING, null);
        }
        tell(new Transition(from, SourceState.CONNECTING, now, null));
    }

    /**
     * Moves to {@code to}, unless the source has stopped.
     *
     * @param error the error that caused it, for listeners; null for none
     * @param retry when the next attempt starts (BACKOFF), else null
     * @return false if the source had stopped (nothing changed)
     * @throws IllegalStateException for a transition the diagram above does not have
     */
    boolean to(SourceState to, String error, Instant retry) {
        long now = time.nanoTime();
        SourceState from;
        synchronized (lock) {
            from = current();
            if (from == SourceState.STOPPED) {
                return false;
            }
            if (!ALLOWED.get(from).contains(to)) {
                throw new IllegalStateException("illegal transition " + from + " -> " + to);
            }
            set(to, retry);
        }
        tell(new Transition(from, to, now, error));
        return true;
    }

    /** Any state → STOPPED; true if this call stopped it. */
    boolean stop() {
        return to(SourceState.STOPPED, null, null);
    }

    private SourceState current() {
        Locks.assertHeld(lock);
        return state;
    }

    private Instant retry() {
        Locks.assertHeld(lock);
        return retryAt;
    }

    private void set(SourceState to, Instant retry) {
        Locks.assertHeld(lock);
        state = to;
        retryAt = retry;
    }

    private void tell(Transition t) {
        Locks.assertNotHeld(lock);
        if (listener != null) {
            listener.accept(t);
        }
    }
}
