package org.mjpegwall.motion;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
        for (MotionListener l : listeners) {
            try {
                l.analysed(camera, result);
            } catch (RuntimeException e) {
                LOG.warn("a motion listener failed", e);
            }
        }
    }

    @Override
    public void eventStarted(MotionEvent event) {
        for (MotionListener l : listeners) {
            try {
                l.eventStarted(event);
            } catch (RuntimeException e) {
                LOG.warn("a motion listener failed", e);
            }
        }
    }

    @Override
    public void eventEnded(MotionEvent event) {
        for (MotionListener l : listeners) {
            try {
                l.eventEnded(event);
            } catch (RuntimeException e) {
                LOG.warn("a motion listener failed", e);
            }
        }
    }
}
