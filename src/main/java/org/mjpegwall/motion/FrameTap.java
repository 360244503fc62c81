package org.mjpegwall.motion;

import java.util.function.Consumer;
import org.mjpegwall.frame.Frame;

/**
 * Where an analyser gets a camera's frames: every frame, on the source's own thread, through a listener
 * that must never block. {@code CameraFeed::subscribe} is one.
 */
@FunctionalInterface
public interface FrameTap {
    /** Starts calling {@code listener} for every frame; close the result to stop. */
    AutoCloseable subscribe(Consumer<Frame> listener);
}
