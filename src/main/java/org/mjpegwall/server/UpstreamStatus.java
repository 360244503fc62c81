package org.mjpegwall.server;

/**
 * What feeds a served camera, for {@code /status}. Never holds credentials.
 *
 * @param source where frames come from, for example a camera URL without user info or query, or "demo"
 * @param state the upstream's state in plain words, for example STREAMING, IDLE or BACKOFF
 * @param fps frames per second received from the upstream
 * @param lastError the last upstream error in plain words, or {@code null}
 */
public record UpstreamStatus(String source, String state, double fps, String lastError) {
}
