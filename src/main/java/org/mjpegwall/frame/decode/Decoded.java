package org.mjpegwall.frame.decode;

import java.nio.ByteBuffer;

/**
 * A decoded picture in the caller's {@link OutputBuffer}.
 *
 * @param plan the size, scale and layout decoded
 * @param pixels the output buffer's memory, position 0, limit {@code plan.bytes()}; valid until the buffer is
 *     decoded into again
 * @param warning what the decoder found wrong but decoded anyway (a truncated frame is decoded with its missing
 *     rows grey), or {@code null}
 */
public record Decoded(DecodePlan plan, ByteBuffer pixels, String warning) {
    public int width() {
        return plan.width();
    }

    public int height() {
        return plan.height();
    }

    public int stride() {
        return plan.stride();
    }
}
