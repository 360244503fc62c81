package org.mjpegwall.ui.model;

import org.mjpegwall.config.ShareConfig;

/**
 * The share settings form, checked: settings to save, or what is wrong in words. Letting other
 * computers watch requires a password.
 *
 * @param config the settings, or {@code null}
 * @param problem why the form cannot be saved, or {@code null}
 */
public record ShareSettings(ShareConfig config, String problem) {
    /** Checks the fields as typed. */
    public static ShareSettings check(String port, boolean expose, String password) {
        int p;
        try {
            p = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            return new ShareSettings(null, "The port must be a number from 0 to 65535.");
        }
        if (expose && password.isEmpty()) {
            return new ShareSettings(null, "Sharing with other computers needs a password.");
        }
        return new ShareSettings(new ShareConfig(p, expose, password.isEmpty() ? null : password), null);
    }
}
