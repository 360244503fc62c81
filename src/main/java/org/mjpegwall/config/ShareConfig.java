package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How "Share" serves a camera again: loopback only unless {@code expose} is set, and exposing
 * requires a password.
 *
 * @param port TCP port; the default is fixed so that a shared camera's address stays the same across
 *     restarts, and 0 means any free port (a new address on every start)
 * @param expose listen on all interfaces instead of 127.0.0.1
 * @param password the viewers' password, required when exposed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareConfig(int port, boolean expose, String password) {
    /** The share port unless the user picks another: free of the usual web, camera and streaming ports. */
    public static final int DEFAULT_PORT = 8765;
    public static final ShareConfig DEFAULT = new ShareConfig(DEFAULT_PORT, false, null);

    public ShareConfig withPort(int value) {
        return new ShareConfig(value, expose, password);
    }

    @Override
    public String toString() {
        return "ShareConfig[port=" + port + ", expose=" + expose + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
