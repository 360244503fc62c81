package org.mjpegwall.source;

import org.mjpegwall.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Records a source's lifecycle transitions as "seconds STATE [error]" lines (source time, so exact on
 * fake time), for tests that assert the whole sequence of events.
 */
final class Timeline implements Consumer<Lifecycle.Transition> {
    private final List<String> events = new ArrayList<>(); // guarded by this

    @Override
    public synchronized void accept(Lifecycle.Transition t) {
        events.add(String.format(Locale.ROOT, "%.3f %s%s", t.nanos() / 1e9, t.to(),
                t.error() == null ? "" : " " + t.error()));
        notifyAll();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Waits (bounded) until {@code n} events have been recorded, and returns all of them. */
    synchronized List<String> await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Await.LIMIT.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " events, got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }
}
