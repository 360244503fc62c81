package org.mjpegwall.ui.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;

/**
 * What a tile tells about its camera: live, or why not in words for the overlay.
 *
 * @param kind the state shown
 * @param text the overlay text; empty when live
 */
public record TileStatus(Kind kind, String text) {
    public enum Kind { LIVE, CONNECTING, RECONNECTING, WAITING, STOPPED, DISABLED, BAD_FRAMES, FROZEN }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    public static final TileStatus DISABLED = new TileStatus(Kind.DISABLED, "disabled");
    /** A camera whose client has not reported yet. */
    public static final TileStatus CONNECTING = new TileStatus(Kind.CONNECTING, "connecting…");

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
     * The status of a camera that streams but has sent no new picture for a while: its tile shows an
     * old picture, so it must not look live (the client itself calls a stream stalled only later).
     */
    public static TileStatus frozen() {
        return new TileStatus(Kind.FROZEN, "no new picture");
    }

    /** This status with a last line saying since when the camera has been offline. */
    public TileStatus offlineSince(Instant since, Instant now, ZoneId zone) {
        return new TileStatus(kind, (text.isEmpty() ? "" : text + "\n") + offlineLine(since, now, zone));
    }

    /** "offline since 14:02 (3 min)"; a day or more ago, the date too: "offline since 12 Nov 14:02 (3 days)". */
    static String offlineLine(Instant since, Instant now, ZoneId zone) {
        ZonedDateTime at = since.atZone(zone);
        boolean today = at.toLocalDate().equals(LocalDate.ofInstant(now, zone));
        return "offline since " + (today ? CLOCK : DAY_AND_CLOCK).format(at) + " (" + duration(Duration.between(since, now)) + ")";
    }

    /** "45 s", "3 min", "2 h 5 min", "3 days". */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long m = s / 60 % 60;
            return s / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day" : " days");
    }

    /**
     * The status for a client's statistics.
     *
     * @param hasFrame whether the tile has shown any frame of this camera yet
     */
    public static TileStatus of(SourceStats stats, boolean hasFrame, Instant now) {
        if (stats == null) {
            return CONNECTING;
        }
        String error = stats.lastError();
        SourceState state = stats.state();
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
