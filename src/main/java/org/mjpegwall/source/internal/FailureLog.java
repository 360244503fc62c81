package org.mjpegwall.source.internal;

import java.util.Objects;

/**
 * Decides how loudly a client logs its connection failures. A camera that stays away retries every
 * few seconds for weeks, so only the first failure, a change of error and the recovery are worth INFO;
 * repeats of the same error are DEBUG. One instance per client, used by its reader thread only.
 */
public final class FailureLog {
    private String shown; // the error last logged at INFO, null while streaming
    private long attempts; // failed attempts since the last frame

    /** Records a failed attempt; true if it should be logged at INFO (first one or a different error). */
    public boolean failed(String error) {
        Objects.requireNonNull(error, "error");
        attempts++;
        if (error.equals(shown)) {
            return false;
        }
        shown = error;
        return true;
    }

    /** Failed attempts since the last frame. */
    public long attempts() {
        return attempts;
    }

    /**
     * Records that frames flow again.
     *
     * @return the number of failed attempts before this recovery if a failure was logged at INFO
     *     (so the recovery deserves an INFO line too), else 0
     */
    public long streaming() {
        long before = shown == null ? 0 : attempts;
        shown = null;
        attempts = 0;
        return before;
    }
}
