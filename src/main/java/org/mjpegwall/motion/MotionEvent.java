package org.mjpegwall.motion;

import java.time.Instant;
import java.util.Objects;
import org.mjpegwall.frame.Frame;

/**
 * A period of motion on one camera.
 *
 * @param camera the camera's stable id
 * @param name the camera's name when the event happened (for people; may be empty)
 * @param start wall-clock time of the first motion frame
 * @param end wall-clock time of the last motion frame, or {@code null} while the event is open
 * @param startNanos {@link Frame#arrivalNanos()} clock time of the first motion frame (for a recorder's pre-roll)
 * @param endNanos the same clock at the last motion frame; 0 while open
 * @param peakScore highest motion score of a frame of the event (see {@link MotionResult#score()})
 * @param peakArea largest changed fraction of a frame of the event
 * @param peakBox where the key frame moved: the union of its regions (normalised)
 * @param keyFrame the frame with the highest score, its JPEG bytes exactly as received
 */
public record MotionEvent(String camera, String name, Instant start, Instant end, long startNanos, long endNanos,
        double peakScore, double peakArea, Box peakBox, Frame keyFrame) {

    public MotionEvent {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(keyFrame, "keyFrame");
        name = name == null ? "" : name;
    }

    public boolean open() {
        return end == null;
    }

    @Override
    public String toString() {
        return "MotionEvent[camera=" + camera + ", start=" + start + ", end=" + end + ", peakScore=" + peakScore
                + ", peakArea=" + peakArea + ", peakBox=" + peakBox + ", keyFrame=" + keyFrame + "]";
    }
}
