package org.mjpegwall.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mjpegwall.frame.Frame;

/**
 * The newest frames of a camera, bounded by time and by bytes, so that a recording on motion can begin before
 * the motion did. Frames are shared, not copied. The time span is measured on the frames' own clock
 * ({@link Frame#arrivalNanos()}): the ring keeps every frame no older than {@code spanNanos} before the newest,
 * and drops the oldest while it holds more than {@code maxBytes}.
 *
 * <p>Not thread-safe: its owner ({@link TriggeredRecorder}) guards it.
 */
final class PreRollRing {
    private final long spanNanos;
    private final long maxBytes;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long bytes;

    PreRollRing(long spanNanos, long maxBytes) {
        if (spanNanos < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("bad ring bounds: " + spanNanos + " ns, " + maxBytes + " bytes");
        }
        this.spanNanos = spanNanos;
        this.maxBytes = maxBytes;
    }

    /** Adds the newest frame and drops what falls out of the bounds. A frame older than the newest is ignored. */
    void add(Frame f) {
        Frame newest = frames.peekLast();
        if (newest != null && f.arrivalNanos() < newest.arrivalNanos()) {
            return;
        }
        frames.addLast(f);
        bytes += f.size();
        while (!frames.isEmpty()
                && (bytes > maxBytes || f.arrivalNanos() - frames.peekFirst().arrivalNanos() > spanNanos)) {
            bytes -= frames.removeFirst().size();
        }
    }

    /** The frames at or after {@code fromNanos}, oldest first. */
    List<Frame> since(long fromNanos) {
        List<Frame> out = new ArrayList<>();
        Iterator<Frame> it = frames.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (f.arrivalNanos() < fromNanos) {
                break;
            }
            out.add(f);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    void clear() {
        frames.clear();
        bytes = 0;
    }

    int size() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }

    /** The oldest frame held, or {@code null}. */
    Frame oldest() {
        return frames.peekFirst();
    }
}
