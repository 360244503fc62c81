package org.mjpegwall.frame;

import java.nio.ByteBuffer;

/**
 * A reusable buffer that holds one JPEG frame, handed out by {@link FrameSource#requestBuffers}.
 *
 * <p>The application owns a buffer between {@code dequeueBuffer()} and {@code enqueueBuffer()}; the
 * source's thread owns it while it is queued. Ownership moves through the {@link BufferPool}'s queues,
 * which give the happens-before edges, so the fields need no locking.
 *
 * <p>A buffer has a fixed length (as in the seed), or grows: it starts small and its owner may enlarge
 * it with {@link #ensureCapacity} up to {@link #maxLength()}, so a pool follows the camera's largest
 * frame instead of reserving the worst case for every buffer. After a growth {@link #data()} is a new
 * array; read it again after each dequeue.
 */
public final class FrameBuffer {
    private byte[] data;
    private final int maxLength;
    private int used;
    private long timestamp;
    private long arrivalNanos;
    private long sequence;

    /**
     * @param length capacity in bytes; a frame larger than this is discarded by the source
     * @throws IllegalArgumentException if {@code length} is not positive
     */
    public FrameBuffer(int length) {
        this(length, length);
    }

    /**
     * A buffer that starts with {@code length} bytes and may grow up to {@code maxLength}.
     *
     * @throws IllegalArgumentException if {@code length} is not positive or {@code maxLength} is below it
     */
    public FrameBuffer(int length, int maxLength) {
        if (length <= 0) {
            throw new IllegalArgumentException("buffer length must be positive: " + length);
        }
        if (maxLength < length) {
            throw new IllegalArgumentException("maximum length " + maxLength + " below the length " + length);
        }
        this.data = new byte[length];
        this.maxLength = maxLength;
    }

    /** Capacity in bytes now. */
    public int length() {
        return data.length;
    }

    /** The most bytes this buffer may grow to; {@link #length()} for a fixed buffer. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Makes room for at least {@code capacity} bytes, keeping the first {@link #used()} bytes and the
     * rest of the array's content, if it can grow that far. Called by the buffer's owner (the reader
     * thread while the buffer is queued). Grows by at least half, and leaves an eighth of headroom, so a
     * frame size that creeps up costs few reallocations.
     *
     * @return true if the buffer now holds at least {@code capacity} bytes; false if that is more than
     *     {@link #maxLength()} (the buffer is unchanged)
     */
    public boolean ensureCapacity(int capacity) {
        int length = data.length;
        if (capacity <= length) {
            return true;
        }
        if (capacity > maxLength) {
            return false;
        }
        long wanted = Math.max(capacity + (long) capacity / 8, length + (long) length / 2);
        data = java.util.Arrays.copyOf(data, (int) Math.min(maxLength, wanted));
        return true;
    }

    /** Number of valid bytes at the start of {@link #data()}. */
    public int used() {
        return used;
    }

    /**
     * Gives back capacity beyond {@code capacity} (never below {@link #used()}): for a growing buffer
     * that grew for a frame which then turned out too large to keep.
     */
    public void shrink(int capacity) {
        int keep = Math.max(Math.max(1, capacity), used);
        if (keep < data.length) {
            data = java.util.Arrays.copyOf(data, keep);
        }
    }

    /** Wall-clock time the frame was completed, in milliseconds since the epoch. */
    public long timestamp() {
        return timestamp;
    }

    /** Monotonic time ({@link System#nanoTime()}, or the source's time source) when the frame was completed. */
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
     * Marks the buffer as holding a completed frame. Called by the producer (the source's thread,
     * or a test) after writing {@code used} bytes into {@link #data()}.
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
        return "FrameBuffer[length=" + data.length + (maxLength == data.length ? "" : ", maxLength=" + maxLength)
                + ", used=" + used + ", sequence=" + sequence + "]";
    }
}
