package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How "Share" serves a camera again: loopback only unless {@code expose} is set, and exposing
 * requires a password.
 *
 * @param port TCP port, 0 for any free port
 * @param expose listen on all interfaces instead of 127.0.0.1
 * @param password the viewers' password, required when exposed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareConfig(int port, boolean expose, String password) {
    public static final ShareConfig DEFAULT = new ShareConfig(0, false, null);

    @Override
    public String toString() {
        return "ShareConfig[port=" + port + ", expose=" + expose + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
