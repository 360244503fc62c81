package org.mjpegwall.motion;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans a camera's analysis out to any number of listeners; one that throws is logged and stays registered. */
public final class MotionListeners implements MotionListener {
    private static final Logger LOG = LoggerFactory.getLogger(MotionListeners.class);

    private final CopyOnWriteArrayList<MotionListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; close the result to remove it. */
    public AutoCloseable add(MotionListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void analysed(String camera, MotionResult result) {
        each(l -> l.analysed(camera, result));
    }

    @Override
    public void eventStarted(MotionEvent event) {
        each(l -> l.eventStarted(event));
    }

    @Override
    public void eventEnded(MotionEvent event) {
        each(l -> l.eventEnded(event));
    }

    private void each(Consumer<MotionListener> call) {
        for (MotionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a motion listener failed", e);
            }
        }
    }
}
