package org.mjpegwall.client;

import java.nio.ByteBuffer;

/**
 * A reusable buffer that holds one JPEG frame, handed out by {@link MjpegClient#requestBuffers}.
 *
 * <p>The application owns a buffer between {@code dequeueBuffer()} and {@code enqueueBuffer()}; the
 * client's reader thread owns it while it is queued. Ownership moves through the client's queues,
 * which give the happens-before edges, so the fields need no locking.
 */
public final class FrameBuffer {
    private final byte[] data;
    private int used;
    private long timestamp;
    private long arrivalNanos;
    private long sequence;

    /**
     * @param length capacity in bytes; a frame larger than this is discarded by the client
     * @throws IllegalArgumentException if {@code length} is not positive
     */
    public FrameBuffer(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("buffer length must be positive: " + length);
        }
        this.data = new byte[length];
    }

    /** Capacity in bytes. */
    public int length() {
        return data.length;
    }

    /** Number of valid bytes at the start of {@link #data()}. */
    public int used() {
        return used;
    }

    /** Wall-clock time the frame was completed, in milliseconds since the epoch. */
    public long timestamp() {
        return timestamp;
    }

    /** {@link System#nanoTime()} when the frame was completed; for latency measurements. */
    public long arrivalNanos() {
        return arrivalNanos;
    }

    /**
     * Frame number within the current connection, counting discarded frames too, so a gap between
     * two delivered frames shows how many were dropped.
     */
    public long sequence() {
        return sequence;
    }

    /** The backing array; only the first {@link #used()} bytes are valid. */
    public byte[] data() {
        return data;
    }

    /** A read-only view of the used bytes (the seed's {@code memoryview(buf.data)[:buf.used]}). */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(data, 0, used).slice().asReadOnlyBuffer();
    }

    /** A copy of the used bytes. */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(data, used);
    }

    /**
     * Marks the buffer as holding a completed frame. Called by the producer (the client's reader
     * thread, or a test) after writing {@code used} bytes into {@link #data()}.
     *
     * @throws IllegalArgumentException if {@code used} is negative or exceeds the capacity
     */
    public void complete(int used, long sequence, long timestamp, long arrivalNanos) {
        if (used < 0 || used > data.length) {
            throw new IllegalArgumentException("used " + used + " outside 0.." + data.length);
        }
        this.used = used;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.arrivalNanos = arrivalNanos;
    }

    @Override
    public String toString() {
        return "FrameBuffer[length=" + data.length + ", used=" + used + ", sequence=" + sequence + "]";
    }
}
