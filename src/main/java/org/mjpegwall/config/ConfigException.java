package org.mjpegwall.config;

/** The configuration could not be read or written; the message says why in plain words. */
public final class ConfigException extends Exception {
    private final boolean corrupt;

    public ConfigException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param corrupt the file was read but is not a valid configuration (as opposed to unreadable or unwritable)
     */
    public ConfigException(String message, Throwable cause, boolean corrupt) {
        super(message, cause);
        this.corrupt = corrupt;
    }

    /** Whether the file could be read but holds no valid configuration (so it can be moved aside and replaced). */
    public boolean corrupt() {
        return corrupt;
    }
}
