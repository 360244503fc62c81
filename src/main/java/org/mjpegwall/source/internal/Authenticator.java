package org.mjpegwall.source.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP authentication for one camera: Basic, and Digest (RFC 7616: MD5, SHA-256, SHA-512-256, their
 * -sess variants, qop=auth) answering the server's challenge. Credentials are sent only after a
 * challenge, never preemptively on a first connection. Used by the reader thread only.
 *
 * <p>What comes from the camera is echoed into our request only when it is safe there: a challenge
 * holding control characters is ignored (a CR or LF would split the Authorization header), and the
 * algorithm is answered by its canonical name, never as the camera spelled it.
 */
public final class Authenticator {
    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private Map<String, String> challenge; // chosen challenge's parameters, plus "scheme"
    private int nonceCount;
    private boolean sentSinceChallenge;

    public Authenticator(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /**
     * Takes a 401's WWW-Authenticate values.
     *
     * @return false if the same credentials were already refused (a wrong password), true to retry
     */
    public boolean onChallenge(List<String> wwwAuthenticate) {
        Map<String, String> best = null;
        for (String value : wwwAuthenticate) {
            Map<String, String> c = parseChallenge(value);
            if (c != null && strength(c) > strength(best)) {
                best = c;
            }
        }
        if (best == null) {
            return false;
        }
        boolean stale = "true".equalsIgnoreCase(best.get("stale"));
        boolean refused = sentSinceChallenge && !stale;
        challenge = best;
        nonceCount = 0;
        sentSinceChallenge = false;
        return !refused;
    }

    /** The Authorization header value for a request, or null before any challenge. */
    public String authorization(String method, String requestTarget) {
        if (challenge == null || user == null) {
            return null;
        }
        sentSinceChallenge = true;
        if ("basic".equals(challenge.get("scheme"))) {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return digest(method, requestTarget);
    }

    /** A fresh connection succeeded with these credentials: a later 401 means they no longer work. */
    public void accepted() {
        sentSinceChallenge = true;
    }

    private String digest(String method, String uri) {
        String algorithm = algorithm(challenge);
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String qop = chooseQop(challenge.get("qop"));
        String cnonce = HexFormat.of().formatHex(randomBytes());
        nonceCount++;
        String nc = String.format("%08x", nonceCount);
        String response = digestResponse(algorithm, user, realm, password, method,
                uri, nonce, nc, cnonce, qop);
        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=\"").append(quote(user)).append("\", realm=\"").append(quote(realm))
                .append("\", nonce=\"").append(quote(nonce)).append("\", uri=\"").append(quote(uri))
                .append("\", algorithm=").append(algorithm).append(", response=\"").append(response).append('"');
        if (qop != null) {
            sb.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        String opaque = challenge.get("opaque");
        if (opaque != null) {
            sb.append(", opaque=\"").append(quote(opaque)).append('"');
        }
        return sb.toString();
    }

    /**
     * The {@code response} value of RFC 7616 section 3.4.1.
     *
     * @param algorithm MD5, SHA-256, SHA-512-256, or one of them with -sess, in any case
     * @param qop "auth", or null for the RFC 2069 form
     */
    static String digestResponse(String algorithm, String user, String realm, String password, String method,
            String uri, String nonce, String nc, String cnonce, String qop) {
        String alg = algorithm.toUpperCase(Locale.ROOT);
        boolean sess = alg.endsWith("-SESS");
        String hashName = switch (sess ? alg.substring(0, alg.length() - 5) : alg) {
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> "MD5";
        };
        String ha1 = hash(hashName, user + ":" + realm + ":" + password);
        if (sess) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        return qop == null
                ? hash(hashName, ha1 + ":" + nonce + ":" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private byte[] randomBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static String chooseQop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String q : offered.split(",")) {
            if (q.trim().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null; // auth-int only: answer without qop (RFC 2069 style); the server decides
    }

    static String hash(String algorithm, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int strength(Map<String, String> c) {
        if (c == null) {
            return 0;
        }
        if ("basic".equals(c.get("scheme"))) {
            return 1;
        }
        String alg = algorithm(c);
        if (alg == null) {
            return 0; // unknown algorithm: cannot answer
        }
        return alg.startsWith("SHA-512-256") ? 4 : alg.startsWith("SHA-256") ? 3 : 2;
    }

    /** The challenge's digest algorithm by its RFC 7616 name (MD5 when absent), or null if unknown. */
    private static String algorithm(Map<String, String> c) {
        String alg = c.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        boolean sess = alg.endsWith("-SESS");
        String base = sess ? alg.substring(0, alg.length() - 5) : alg;
        if (!base.equals("MD5") && !base.equals("SHA-256") && !base.equals("SHA-512-256")) {
            return null;
        }
        return sess ? base + "-sess" : base;
    }

    /** True for characters that may not appear in a header value: controls other than tab. */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code Digest realm="x", nonce="y", qop="auth"} or {@code Basic realm="x"}; null otherwise. */
    static Map<String, String> parseChallenge(String value) {
        if (hasControl(value)) {
            return null;
        }
        String v = value.trim();
        int sp = v.indexOf(' ');
        String scheme = (sp < 0 ? v : v.substring(0, sp)).toLowerCase(Locale.ROOT);
        if (!scheme.equals("basic") && !scheme.equals("digest")) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scheme", scheme);
        if (sp > 0) {
            for (String[] kv : parseParams(v.substring(sp + 1))) {
                params.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
            }
        }
        return params;
    }

    /** Splits {@code a=b, c="d, e"} into pairs, honouring quoted strings with backslash escapes. */
    static List<String[]> parseParams(String s) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim();
            i = eq + 1;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            StringBuilder val = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    val.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    val.append(s.charAt(i++));
                }
            }
            out.add(new String[] {key, val.toString().trim()});
        }
        return out;
    }
}
