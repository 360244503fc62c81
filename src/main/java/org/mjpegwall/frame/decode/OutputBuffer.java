package org.mjpegwall.frame.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native memory a decoder writes pixels into, owned and reused by the caller: it grows when a bigger picture
 * comes and never shrinks, so a stream of same-sized frames allocates nothing. Double buffering is two of these.
 *
 * <p>Not thread-safe: hand it between threads through a happens-before edge (a volatile field, a queue).
 */
public final class OutputBuffer {
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);
    private long allocations;

    /**
     * The buffer, with room for at least {@code bytes}, position 0 and limit {@code bytes}; allocated anew
     * (half as big again, so a window being enlarged does not reallocate at every step) when too small.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or above 8K UHD as BGRA
     */
    public ByteBuffer reserve(int bytes) {
        long max = DecodePlan.MAX_OUTPUT_PIXELS * 4;
        if (bytes < 0 || bytes > max) {
            throw new IllegalArgumentException("output of " + bytes + " bytes (at most " + max + ")");
        }
        if (buffer.capacity() < bytes) {
            int grown = (int) Math.min(max, Math.max(bytes, buffer.capacity() + (long) buffer.capacity() / 2));
            buffer = ByteBuffer.allocateDirect(grown).order(ByteOrder.LITTLE_ENDIAN);
            allocations++;
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    /** The current memory (its limit as last reserved). */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** How often the memory was allocated; constant while frames keep their size. */
    public long allocations() {
        return allocations;
    }
}
