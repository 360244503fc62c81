package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The wall's second window, full screen on another monitor, showing a page of its own.
 *
 * @param screen the screen it fills (0 = primary)
 * @param page the page of cameras it shows (0 = first)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecondWindowConfig(int screen, int page) {
    public SecondWindowConfig {
        screen = Math.max(0, screen);
        page = Math.max(0, page);
    }
}
