package org.mjpegwall.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable JPEG frame: the exact bytes received, with its sequence number and arrival times.
 * Shared by reference between the recorder, the relay hub and snapshots, so it is never copied
 * per consumer. The array must not be modified after construction.
 *
 * @param jpeg the JPEG bytes, exactly as received
 * @param sequence frame number within its connection (see {@link FrameBuffer#sequence()})
 * @param timestamp wall-clock completion time in epoch milliseconds
 * @param arrivalNanos {@link System#nanoTime()} at completion
 */
public record Frame(byte[] jpeg, long sequence, long timestamp, long arrivalNanos) {
    public Frame {
        Objects.requireNonNull(jpeg, "jpeg");
    }

    /** Copies the used bytes of a buffer into a new frame. */
    public static Frame copyOf(FrameBuffer buffer) {
        return new Frame(buffer.toByteArray(), buffer.sequence(), buffer.timestamp(), buffer.arrivalNanos());
    }

    /** Number of JPEG bytes. */
    public int size() {
        return jpeg.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && sequence == f.sequence && timestamp == f.timestamp
                && arrivalNanos == f.arrivalNanos && Arrays.equals(jpeg, f.jpeg);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(jpeg), sequence, timestamp);
    }

    @Override
    public String toString() {
        return "Frame[size=" + jpeg.length + ", sequence=" + sequence + "]";
    }
}
