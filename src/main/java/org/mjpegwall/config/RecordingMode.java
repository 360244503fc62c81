package org.mjpegwall.config;

/** When a camera records by itself (the Rec button records whatever the mode). */
public enum RecordingMode {
    /** Only when asked (the Rec button). */
    OFF,
    /** All the time, in segments. */
    CONTINUOUS,
    /** Around motion: a clip per event, with a pre-roll and a post-roll. */
    ON_MOTION
}
