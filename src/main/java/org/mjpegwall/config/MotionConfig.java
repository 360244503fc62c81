package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * One camera's motion detection and alert settings, as saved in the configuration (nested in
 * {@link CameraConfig} as {@code "motion"}). Plain values; the wall turns them into the detector's
 * settings. A field missing from an older file takes its default, and a hand-edited value out of range
 * is brought into range rather than refusing the whole file.
 *
 * @param enabled analyse this camera (default on)
 * @param sensitivity 1..100, 100 the most sensitive (default 50)
 * @param minArea fraction 0..1 of the unmasked picture that must change (default 0.002 = 0.2 %)
 * @param eventGapSeconds quiet seconds after the last motion that end an event (default 5)
 * @param masks areas where motion is ignored, normalised polygons (at most 32)
 * @param sound a short sound when an event starts on this camera (default off)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MotionConfig(Boolean enabled, Integer sensitivity, Double minArea, Double eventGapSeconds,
        List<MaskArea> masks, boolean sound) {

    public static final int DEFAULT_SENSITIVITY = 50;
    public static final double DEFAULT_MIN_AREA = 0.002;
    public static final double DEFAULT_EVENT_GAP_SECONDS = 5;
    public static final int MAX_MASKS = 32;
    public static final MotionConfig DEFAULTS = new MotionConfig(true, DEFAULT_SENSITIVITY, DEFAULT_MIN_AREA,
            DEFAULT_EVENT_GAP_SECONDS, List.of(), false);

    public MotionConfig {
        enabled = enabled == null || enabled;
        sensitivity = sensitivity == null ? DEFAULT_SENSITIVITY : Math.max(1, Math.min(100, sensitivity));
        minArea = minArea == null || minArea.isNaN() ? DEFAULT_MIN_AREA : Math.max(0, Math.min(1, minArea));
        eventGapSeconds = eventGapSeconds == null || eventGapSeconds.isNaN() ? DEFAULT_EVENT_GAP_SECONDS
                : Math.max(0, Math.min(3600, eventGapSeconds));
        List<MaskArea> kept = new ArrayList<>();
        if (masks != null) {
            for (MaskArea m : masks) {
                if (m != null && !m.empty() && kept.size() < MAX_MASKS) {
                    kept.add(m);
                }
            }
        }
        masks = List.copyOf(kept);
    }

    public MotionConfig withEnabled(boolean value) {
        return new MotionConfig(value, sensitivity, minArea, eventGapSeconds, masks, sound);
    }

    public MotionConfig withSensitivity(int value) {
        return new MotionConfig(enabled, value, minArea, eventGapSeconds, masks, sound);
    }

    public MotionConfig withMinArea(double value) {
        return new MotionConfig(enabled, sensitivity, value, eventGapSeconds, masks, sound);
    }

    public MotionConfig withEventGapSeconds(double value) {
        return new MotionConfig(enabled, sensitivity, minArea, value, masks, sound);
    }

    public MotionConfig withMasks(List<MaskArea> value) {
        return new MotionConfig(enabled, sensitivity, minArea, eventGapSeconds, value, sound);
    }

    public MotionConfig withSound(boolean value) {
        return new MotionConfig(enabled, sensitivity, minArea, eventGapSeconds, masks, value);
    }
}
