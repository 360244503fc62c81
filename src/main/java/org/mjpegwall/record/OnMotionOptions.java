package org.mjpegwall.record;

import java.time.Duration;
import java.util.Objects;

/**
 * How a camera records on motion ({@link TriggeredRecorder}).
 *
 * @param preRoll how much before the first motion frame a clip begins (default 5 s)
 * @param postRoll how long after the last motion frame a clip goes on (default 10 s)
 * @param analysisDelay how long a frame past the post-roll waits for the analyses up to its time before the clip
 *     ends without them (analysis stopped or fell behind); also how much more than the pre-roll the ring holds,
 *     because an event is confirmed (and heard) a few analyses after its first motion frame. Default 1 s: at 5
 *     analyses a second an event is heard 0.2–0.4 s late and an analysis comes in about 0.3 s after its frame.
 * @param ringBytes the most frame bytes the pre-roll ring holds (and, separately, the most that wait for a
 *     decision); the oldest go first, so a camera sending huge frames gets a shorter pre-roll, never more memory.
 *     Default 64 MiB: 6 s of a 1080p camera at 30 fps with 300 kB frames is 54 MB.
 */
public record OnMotionOptions(Duration preRoll, Duration postRoll, Duration analysisDelay, long ringBytes) {
    public static final OnMotionOptions DEFAULTS =
            new OnMotionOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1), 64L << 20);

    public OnMotionOptions {
        Objects.requireNonNull(preRoll, "preRoll");
        Objects.requireNonNull(postRoll, "postRoll");
        Objects.requireNonNull(analysisDelay, "analysisDelay");
        if (preRoll.isNegative() || postRoll.isNegative() || analysisDelay.isNegative() || analysisDelay.isZero()) {
            throw new IllegalArgumentException("pre-roll and post-roll must be 0 or more, the analysis delay positive");
        }
        if (preRoll.compareTo(Duration.ofMinutes(5)) > 0 || postRoll.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("pre-roll is at most 5 minutes, post-roll at most an hour");
        }
        if (ringBytes < 1) {
            throw new IllegalArgumentException("ringBytes must be positive: " + ringBytes);
        }
    }

    public OnMotionOptions withPreRoll(Duration value) {
        return new OnMotionOptions(value, postRoll, analysisDelay, ringBytes);
    }

    public OnMotionOptions withPostRoll(Duration value) {
        return new OnMotionOptions(preRoll, value, analysisDelay, ringBytes);
    }

    public OnMotionOptions withAnalysisDelay(Duration value) {
        return new OnMotionOptions(preRoll, postRoll, value, ringBytes);
    }

    public OnMotionOptions withRingBytes(long value) {
        return new OnMotionOptions(preRoll, postRoll, analysisDelay, value);
    }
}
