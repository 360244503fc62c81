package org.mjpegwall.motion;

import java.util.List;

/**
 * What the detector saw in one analysed frame.
 *
 * @param timeNanos the frame's time as passed to the detector (monotonic nanoseconds)
 * @param score motion energy: the summed brightness change of the changed pixels over the unmasked
 *     picture, 0..1 (a quarter of the picture changing by a quarter of full scale scores about 0.06)
 * @param area fraction of the unmasked picture that changed, 0..1
 * @param boxes where it changed, largest region first (normalised; at most {@link MotionDetector#MAX_BOXES})
 * @param motion the frame counts as motion: {@code area} reached the minimum and nothing suppressed it
 * @param learning the background is being (re)learned: the first second, or after a change of
 *     lighting; nothing counts as motion meanwhile
 * @param lightingChange this frame changed as a whole (light switched, IR mode, exposure jump), so the
 *     background was learned afresh instead of reporting motion
 * @param transition what this frame did to the camera's event
 * @param eventStartNanos time of the first motion frame of the current event (valid unless {@code NONE})
 * @param eventEndNanos time of the last motion frame of the event (valid for {@code END})
 */
public record MotionResult(long timeNanos, double score, double area, List<Box> boxes, boolean motion,
        boolean learning, boolean lightingChange, Transition transition, long eventStartNanos, long eventEndNanos) {

    /** A frame's effect on the camera's event. */
    public enum Transition {
        /** No event is open. */
        NONE,
        /** Motion was confirmed: an event opens (it started at {@code eventStartNanos}). */
        START,
        /** An open event goes on (with or without motion in this frame). */
        CONTINUE,
        /** The quiet gap has passed: the event ended at {@code eventEndNanos}. */
        END
    }

    public MotionResult {
        boxes = List.copyOf(boxes);
    }
}
