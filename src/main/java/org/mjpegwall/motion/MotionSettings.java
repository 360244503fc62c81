package org.mjpegwall.motion;

import java.util.List;
import java.util.Objects;

/**
 * One camera's motion settings. Plain values (no {@code Duration}) so the configuration can store them
 * as JSON as they are.
 *
 * @param enabled analyse this camera at all
 * @param sensitivity 1..100: how small a change of brightness counts (100 = the smallest); default 50
 * @param minArea fraction of the (unmasked) picture that must change for a frame to count as motion,
 *     0..1; default 0.002 (0.2 %: a person at 20 m on a 90° camera)
 * @param masks areas where motion is ignored
 * @param eventGapSeconds quiet time after the last motion before an event ends; default 5
 * @param analysesPerSecond at most this many frames are analysed per second; default 5
 * @param confirmFrames consecutive analysed frames with motion before an event starts; default 2
 */
public record MotionSettings(boolean enabled, int sensitivity, double minArea, List<Mask> masks,
        double eventGapSeconds, double analysesPerSecond, int confirmFrames) {

    public static final MotionSettings DEFAULTS = new MotionSettings(true, 50, 0.002, List.of(), 5, 5, 2);

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public MotionSettings {
        masks = List.copyOf(Objects.requireNonNullElse(masks, List.of()));
        if (sensitivity < 1 || sensitivity > 100) {
            throw new IllegalArgumentException("sensitivity must be 1..100: " + sensitivity);
        }
        if (!(minArea >= 0 && minArea <= 1)) {
            throw new IllegalArgumentException("minimum area must be a fraction 0..1: " + minArea);
        }
        if (!(eventGapSeconds >= 0 && eventGapSeconds <= 3600)) {
            throw new IllegalArgumentException("event gap must be 0..3600 s: " + eventGapSeconds);
        }
        if (!(analysesPerSecond >= 0.1 && analysesPerSecond <= 30)) {
            throw new IllegalArgumentException("analyses per second must be 0.1..30: " + analysesPerSecond);
        }
        if (confirmFrames < 1 || confirmFrames > 50) {
            throw new IllegalArgumentException("confirmation must be 1..50 frames: " + confirmFrames);
        }
        if (masks.size() > 32) {
            throw new IllegalArgumentException("at most 32 masks: " + masks.size());
        }
    }

    /**
     * The brightness change (0..255, on block means) above which a thumbnail pixel counts as changed:
     * 40 at sensitivity 1, 22 at 50, 5 at 100.
     */
    public int pixelThreshold() {
        return (int) Math.round(5 + (100 - sensitivity) * 0.35);
    }

    /** Time between two analyses, in nanoseconds. */
    public long analysisPeriodNanos() {
        return Math.round(1e9 / analysesPerSecond);
    }

    public long eventGapNanos() {
        return Math.round(eventGapSeconds * 1e9);
    }

    public MotionSettings withEnabled(boolean value) {
        return new MotionSettings(value, sensitivity, minArea, masks, eventGapSeconds, analysesPerSecond, confirmFrames);
    }

    public MotionSettings withSensitivity(int value) {
        return new MotionSettings(enabled, value, minArea, masks, eventGapSeconds, analysesPerSecond, confirmFrames);
    }

    public MotionSettings withMinArea(double value) {
        return new MotionSettings(enabled, sensitivity, value, masks, eventGapSeconds, analysesPerSecond, confirmFrames);
    }

    public MotionSettings withMasks(List<Mask> value) {
        return new MotionSettings(enabled, sensitivity, minArea, value, eventGapSeconds, analysesPerSecond, confirmFrames);
    }

    public MotionSettings withEventGapSeconds(double value) {
        return new MotionSettings(enabled, sensitivity, minArea, masks, value, analysesPerSecond, confirmFrames);
    }

    public MotionSettings withAnalysesPerSecond(double value) {
        return new MotionSettings(enabled, sensitivity, minArea, masks, eventGapSeconds, value, confirmFrames);
    }

    public MotionSettings withConfirmFrames(int value) {
        return new MotionSettings(enabled, sensitivity, minArea, masks, eventGapSeconds, analysesPerSecond, value);
    }
}
