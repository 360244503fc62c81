package org.mjpegwall.motion;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mjpegwall.frame.Frame;

/** A frame source the test drives: {@link #emit} calls the subscribers on the caller's thread, as a camera's dispatcher would. */
final class ManualTap implements FrameTap {
    private final CopyOnWriteArrayList<Consumer<Frame>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<Frame> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    void emit(Frame f) {
        for (Consumer<Frame> s : subscribers) {
            s.accept(f);
        }
    }

    int subscribers() {
        return subscribers.size();
    }
}
