package org.mjpegwall.config;

/** The configuration could not be read or written; the message says why in plain words. */
public final class ConfigException extends Exception {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
