package org.mjpegwall.config;

import org.mjpegwall.util.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a camera entered by the user and explains each problem in words. */
public final class CameraValidation {
    private CameraValidation() {
    }

    /**
     * The URL as it may be shown or logged, through {@link Secrets#redact(String)} (the one redaction rule): no user info, and
     * no values of secret-looking query parameters. Works on any text, even a URL that does not parse.
     */
    public static String displayUrl(String url) {
        return url == null ? "" : Secrets.redact(url);
    }

    /** The problems with this camera, empty when it can be saved. */
    public static List<String> problems(CameraConfig camera) {
        List<String> problems = new ArrayList<>();
        if (camera.name().isBlank()) {
            problems.add("Give the camera a name.");
        }
        String url = camera.url();
        if (url.isBlank()) {
            problems.add("Enter the camera's URL, for example http://192.168.1.20:8080/video");
        } else {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problems.add("The URL must start with http:// or https://");
                } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                    problems.add("The URL has no host name or address.");
                } else if (uri.getRawUserInfo() != null) {
                    problems.add("Put the user name and password in their own fields, not in the URL.");
                }
            } catch (URISyntaxException e) {
                problems.add("The URL is not valid: " + e.getReason() + ".");
            }
        }
        if (camera.password() != null && camera.user() == null) {
            problems.add("A password needs a user name.");
        }
        if (camera.snapshotPollSeconds() != null
                && !(camera.snapshotPollSeconds() >= 0.05 && camera.snapshotPollSeconds() <= 3600)) {
            problems.add("The snapshot-poll interval must be between 0.05 and 3600 seconds.");
        }
        return problems;
    }
}
