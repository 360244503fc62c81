package org.mjpegwall.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for keeping camera secrets out of logs, stats, titles, messages and pages: URLs lose their
 * userinfo and the values of credential-like query parameters.
 */
public final class Secrets {
    private Secrets() {
    }

    /** Query parameter names whose values are secrets on many cameras (compared in lower case). */
    private static final Set<String> SECRET_PARAMS = Set.of("user", "username", "usr", "login", "loginuse", "pwd",
            "pass", "passwd", "password", "loginpas", "auth", "token", "key", "apikey", "api_key", "sig",
            "signature", "secret");
    /**
     * Parts of a parameter name that make it a secret too ({@code cam_password}, {@code passphrase}, …).
     * Not "key" or "sig": {@code keyframe} and {@code monkey} are no secrets; those stay exact names.
     */
    private static final Pattern SECRET_NAME_PART = Pattern.compile("pas|pwd|psw|token|secret");
    private static final Pattern TEXT_USER_INFO = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/?#]*@");
    private static final Pattern TEXT_PARAM = Pattern.compile("([?&;#])([^=&;#?]*)=([^&#]*)");

    /**
     * Like {@link #redact(URI)} for text that should hold a URL but may not parse (a user's typing, an
     * exception message): userinfo removed, credential-like query values replaced by {@code ***}.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI u = new URI(text);
            if (u.getScheme() != null) {
                return redact(u);
            }
        } catch (URISyntaxException e) {
            // not a URL as it stands; mask what looks like one below
        }
        String s = TEXT_USER_INFO.matcher(text).replaceFirst("$1");
        return TEXT_PARAM.matcher(s).replaceAll(m -> isSecretParam(m.group(2))
                ? Matcher.quoteReplacement(m.group(1) + m.group(2) + "=***")
                : Matcher.quoteReplacement(m.group()));
    }

    /**
     * A message (an exception's, say) with every occurrence of a camera's URL replaced by its
     * {@link #redact(String) redacted} form: what the user sees of a failure names the camera, never its password.
     */
    public static String redact(String message, String url) {
        if (message == null || url == null || url.isEmpty()) {
            return message;
        }
        return message.replace(url, redact(url));
    }

    private static boolean isSecretParam(String rawName) {
        String name = paramName(rawName);
        return SECRET_PARAMS.contains(name) || SECRET_NAME_PART.matcher(name).find();
    }

    /**
     * A URL for logs and display: no userinfo, and the values of credential-like query parameters
     * ({@code user}, {@code pwd}, {@code token}, … in any case) replaced by {@code ***}. The rest stays
     * readable. Built from the raw parts, so nothing else of the URL is re-encoded.
     */
    public static String redact(URI u) {
        if (u.isOpaque()) {
            return u.getScheme() + ":…";
        }
        StringBuilder b = new StringBuilder();
        if (u.getScheme() != null) {
            b.append(u.getScheme()).append(':');
        }
        String authority = u.getRawAuthority();
        if (authority != null) {
            // Why the last '@': an unescaped '@' in a password would otherwise leave its tail visible.
            b.append("//").append(authority.substring(authority.lastIndexOf('@') + 1));
        }
        if (u.getRawPath() != null) {
            b.append(u.getRawPath());
        }
        if (u.getRawQuery() != null) {
            b.append('?').append(redactQuery(u.getRawQuery()));
        }
        if (u.getRawFragment() != null) {
            b.append('#').append(redactQuery(u.getRawFragment()));
        }
        return b.toString();
    }

    private static String redactQuery(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        String[] params = raw.split("&", -1);
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                b.append('&');
            }
            // Why also ';': some old CGI scripts separate parameters with it. A secret's value is masked up
            // to the next '&', so a password that itself contains ';' is not half shown either.
            String[] parts = params[i].split(";", -1);
            for (int j = 0; j < parts.length; j++) {
                if (j > 0) {
                    b.append(';');
                }
                String part = parts[j];
                int eq = part.indexOf('=');
                if (eq >= 0 && isSecretParam(part.substring(0, eq))) {
                    b.append(part, 0, eq + 1).append("***");
                    break;
                }
                b.append(part);
            }
        }
        return b.toString();
    }

    /** A parameter name decoded (so {@code pass%77ord} is caught too) and in lower case. */
    private static String paramName(String raw) {
        String name;
        try {
            name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = raw;
        }
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A userinfo part decoded as a URL does: {@code %XX} escapes, and a {@code +} stays a {@code +}. */
    private static String decodeUserInfo(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A user and password, as given in a URL's userinfo; {@link #toString()} never shows the password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=***]";
        }
    }

    /**
     * The login in a URL's userinfo, or {@code null} without one: the one parser for every component.
     * {@code %XX} escapes are decoded; a {@code +} stays a {@code +} (userinfo is not form encoding, so
     * {@link URLDecoder}'s "plus is space" would break passwords that hold a plus).
     */
    public static Login login(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        return new Login(decodeUserInfo(colon < 0 ? info : info.substring(0, colon)),
                colon < 0 ? "" : decodeUserInfo(info.substring(colon + 1)));
    }
}
