package org.mjpegwall.ui.review;

import java.time.Duration;
import org.mjpegwall.review.Player;

/**
 * Plays on into a recording that is still being written: when playing has run into the end of the day as it was
 * indexed, and the lead camera's last file was still being written then ({@link ReviewDay#growing}), the folder is
 * read again as Refresh does, which keeps the place and plays on into the frames written since. At most every
 * {@link #EVERY}, so that a camera that has stopped sending is not read again in a loop.
 *
 * <p>FX thread only: driven by the review's pulses.
 */
final class LiveFollow {
    static final Duration EVERY = Duration.ofSeconds(2);

    private final ReviewModel model;
    private long last;
    private boolean followed;

    LiveFollow(ReviewModel model) {
        this.model = model;
    }

    /** One pulse at {@code nowNanos} (the pulse's time stamp): reads the folder again if it is time to. */
    void pulse(long nowNanos) {
        Player player = model.player();
        ReviewDay day = model.loadedProperty().get();
        if (player == null || day == null || !day.growing() || model.indexingProperty().get() || !player.ranOut()) {
            return;
        }
        if (followed && nowNanos - last < EVERY.toNanos()) {
            return;
        }
        followed = true;
        last = nowNanos;
        model.refresh();
    }
}
