package org.mjpegwall.util;

import java.net.URI;
import java.util.Locale;

/**
 * The one check of what counts as a camera URL (http or https with a host), and the facts derived from
 * it (TLS or not, the port), for every component that opens or validates one.
 */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** The problem with {@code uri} as a camera URL in words, or {@code null} if it is an http(s) URL with a host. */
    public static String problem(URI uri) {
        if (!isHttpScheme(uri)) {
            return "not an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "URL has no host";
        }
        return null;
    }

    /** True if the scheme is http or https, in any case. */
    public static boolean isHttpScheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * Returns {@code uri} if it is an http(s) URL with a host.
     *
     * @throws IllegalArgumentException naming the problem and the URL without its secrets
     */
    public static URI require(URI uri) {
        String problem = problem(uri);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + Secrets.redact(uri));
        }
        return uri;
    }

    /** True for https. */
    public static boolean isTls(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The port, or the scheme's default (443 for https, 80 otherwise). */
    public static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : isTls(uri) ? 443 : 80;
    }
}
