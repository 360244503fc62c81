package org.mjpegwall.ui;

import java.time.Duration;
import java.time.Instant;
import org.mjpegwall.client.ClientState;
import org.mjpegwall.client.ClientStats;

/**
 * What a tile tells about its camera: live, or why not in words for the overlay.
 *
 * @param kind the state shown
 * @param text the overlay text; empty when live
 */
public record TileStatus(Kind kind, String text) {
    public enum Kind { LIVE, CONNECTING, RECONNECTING, WAITING, STOPPED, DISABLED, BAD_FRAMES }

    public static final TileStatus DISABLED = new TileStatus(Kind.DISABLED, "disabled");

    /** Frames that cannot be decoded in a row before a streaming camera's tile stops looking live. */
    public static final int BAD_FRAMES_SHOWN_AFTER = 3;

    /**
     * The status for a camera that streams, but whose last {@code corruptInARow} frames could not be
     * decoded: the tile shows the last good picture, so it must not look live.
     */
    public static TileStatus badFrames(long corruptInARow) {
        return new TileStatus(Kind.BAD_FRAMES, "the camera sends frames that cannot be shown\n("
                + corruptInARow + " in a row: not JPEG, empty or damaged)");
    }

    public boolean live() {
        return kind == Kind.LIVE;
    }

    /**
     * The status for a client's statistics.
     *
     * @param hasFrame whether the tile has shown any frame of this camera yet
     */
    public static TileStatus of(ClientStats stats, boolean hasFrame, Instant now) {
        if (stats == null) {
            return new TileStatus(Kind.CONNECTING, "connecting…");
        }
        String error = stats.lastError();
        ClientState state = stats.state();
        switch (state) {
            case STREAMING:
                return hasFrame ? new TileStatus(Kind.LIVE, "") : new TileStatus(Kind.CONNECTING, "waiting for the first frame…");
            case WAITING: {
                // Connected, but no frame for a while: say so, and why if the client knows (a skipped frame).
                String since = "";
                if (stats.lastFrameTime() != null) {
                    long s = Math.max(0, Duration.between(stats.lastFrameTime(), now).getSeconds());
                    since = " (no frame for " + s + " s)";
                }
                return new TileStatus(Kind.WAITING, (error == null ? "" : error + "\n") + "waiting for data" + since);
            }
            case BACKOFF: {
                String retry = "reconnecting";
                if (stats.retryAt() != null) {
                    long ms = Duration.between(now, stats.retryAt()).toMillis();
                    long s = Math.max(0, (ms + 999) / 1000);
                    retry = s == 0 ? "reconnecting…" : "reconnecting in " + s + " s";
                }
                return new TileStatus(Kind.RECONNECTING, error == null ? retry : error + "\n" + retry);
            }
            case STOPPED:
                return new TileStatus(Kind.STOPPED, error == null ? "stopped" : error + "\nstopped");
            case NEW:
            case CONNECTING:
            default:
                return new TileStatus(Kind.CONNECTING, error == null ? "connecting…" : error + "\nconnecting…");
        }
    }
}
