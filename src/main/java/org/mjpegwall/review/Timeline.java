package org.mjpegwall.review;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One camera's segments ({@code FILE.avi}, {@code FILE-002.avi}, …) joined into one timeline: each segment starts
 * where the one before it ends (its last frame held to the end of its stream), so playback crosses a boundary
 * without a gap or a jump. Frames are numbered across the whole timeline. Immutable and thread-safe.
 */
public final class Timeline {
    private final List<RecordingIndex> segments;
    private final long[] segmentStart;
    private final long[] segmentStartTick;
    private final long duration;
    private final long[] frameStart;
    private final int[] frameSegment;
    private final int[] frameLocal;

    private Timeline(List<RecordingIndex> segments) {
        this.segments = List.copyOf(segments);
        int n = this.segments.size();
        segmentStart = new long[n];
        segmentStartTick = new long[n];
        int frames = 0;
        long t = 0;
        long tick = 0;
        for (int k = 0; k < n; k++) {
            segmentStart[k] = t;
            segmentStartTick[k] = tick;
            t += this.segments.get(k).durationNanos();
            tick += this.segments.get(k).ticks();
            frames += this.segments.get(k).frameCount();
        }
        duration = t;
        frameStart = new long[frames];
        frameSegment = new int[frames];
        frameLocal = new int[frames];
        int g = 0;
        for (int k = 0; k < n; k++) {
            RecordingIndex s = this.segments.get(k);
            for (int i = 0; i < s.frameCount(); i++, g++) {
                frameStart[g] = segmentStart[k] + s.frameNanos(i);
                frameSegment[g] = k;
                frameLocal[g] = i;
            }
        }
    }

    /** The segments in play order. */
    public static Timeline of(List<RecordingIndex> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one file");
        }
        return new Timeline(segments);
    }

    public List<RecordingIndex> segments() {
        return segments;
    }

    public long durationNanos() {
        return duration;
    }

    public int frameCount() {
        return frameStart.length;
    }

    /** Where segment {@code k} starts on the timeline. */
    public long segmentStartNanos(int k) {
        return segmentStart[k];
    }

    /**
     * The frame shown at {@code nanos} (clamped to the timeline): the last frame starting at or before it, or
     * -1 when the timeline has no frame at all.
     */
    public int frameAt(long nanos) {
        if (frameStart.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(frameStart, nanos);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < frameStart.length && frameStart[i + 1] == nanos) {
                i++;
            }
        }
        return Math.max(0, Math.min(i, frameStart.length - 1));
    }

    /** When frame {@code g} starts on the timeline. */
    public long frameNanos(int g) {
        return frameStart[g];
    }

    /** When frame {@code g} stops being shown: the next frame's start, or the end of the timeline. */
    public long frameEndNanos(int g) {
        return g + 1 < frameStart.length ? frameStart[g + 1] : duration;
    }

    /**
     * Frame {@code g}'s tick on the timeline (segment ticks added up), for files sharing one whole-number
     * timebase ({@link #ticksPerSecond()}).
     */
    public long frameTick(int g) {
        int k = frameSegment[g];
        return segmentStartTick[k] + segments.get(k).frameTick(frameLocal[g]);
    }

    /** The common ticks per second of all segments, or 0 if they differ or are not whole numbers. */
    public int ticksPerSecond() {
        int tps = segments.get(0).ticksPerSecond();
        for (RecordingIndex s : segments) {
            if (s.ticksPerSecond() != tps) {
                return 0;
            }
        }
        return tps;
    }

    /** Total ticks of all segments. */
    public long ticks() {
        return segmentStartTick[segmentStartTick.length - 1] + segments.get(segments.size() - 1).ticks();
    }

    /** The exact stored bytes of frame {@code g}. */
    public byte[] readFrame(int g) throws IOException {
        return segments.get(frameSegment[g]).readFrame(frameLocal[g]);
    }

    /** The file frame {@code g} lies in. */
    public RecordingIndex segmentOf(int g) {
        return segments.get(frameSegment[g]);
    }
}
