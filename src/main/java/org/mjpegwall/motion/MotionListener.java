package org.mjpegwall.motion;

/**
 * Hears a camera's analysis. Called on the analysis pool's thread, one call at a time per camera:
 * implementations hand off (to the FX thread, a queue) and never block, or every camera's analysis waits.
 */
public interface MotionListener {
    /** After every analysed frame: the score, area and boxes (for a tile's highlight). */
    default void analysed(String camera, MotionResult result) {
    }

    /** Motion was confirmed: an event opened. */
    default void eventStarted(MotionEvent event) {
    }

    /** The event ended (after the quiet gap, or because analysis stopped); {@code event.end()} is set. */
    default void eventEnded(MotionEvent event) {
    }
}
