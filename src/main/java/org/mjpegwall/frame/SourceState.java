package org.mjpegwall.frame;

/**
 * Lifecycle of a {@link FrameSource}: NEW → CONNECTING → STREAMING → BACKOFF → CONNECTING … → STOPPED.
 *
 * <p>WAITING is STREAMING without a frame for a while (a network blackhole, a camera that stopped
 * sending, or frames skipped as too large): it turns back into STREAMING with the next frame, or into
 * BACKOFF when the stall timeout drops the connection.
 */
public enum SourceState {
    NEW, CONNECTING, STREAMING, WAITING, BACKOFF, STOPPED
}
