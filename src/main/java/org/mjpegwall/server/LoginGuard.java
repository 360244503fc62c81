package org.mjpegwall.server;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic with any user name and one password, with failed logins throttled and logged per client address
 * ({@link LoginThrottle}).
 *
 * <p>Install {@link #filter()} before this authenticator runs: it answers a throttled address with 429 and a
 * {@code Retry-After} before any password is looked at. Why not the JDK's {@code BasicAuthenticator}: its
 * {@code checkCredentials} is not told who is asking, and it answers a malformed header by throwing, which drops
 * the connection without a word.
 *
 * <p>The password is compared in constant time: both sides are hashed to 32 bytes first, so neither its content
 * nor its length shows in the time an answer takes. Neither the password nor the user name is ever logged.
 */
final class LoginGuard extends Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
    static final String REALM = "mjpeg-wall";

    private final byte[] passwordHash;
    private final LoginThrottle throttle;

    LoginGuard(String password, LoginThrottle throttle) {
        this.passwordHash = sha256(Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8));
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /** Refuses requests from an address that is cooling down after too many failed logins. */
    Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                long wait = throttle.refusal(address(ex));
                if (wait > 0) {
                    ex.getResponseHeaders().set("Retry-After", String.valueOf(wait));
                    ConnectionGuard.refuse(ex, 429, "Too many failed logins from your address. Try again in "
                            + wait + " s.");
                    return;
                }
                chain.doFilter(ex);
            }

            @Override
            public String description() {
                return "refuses addresses with too many failed logins";
            }
        };
    }

    @Override
    public Result authenticate(HttpExchange ex) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            challenge(ex);
            return new Retry(401);
        }
        String address = address(ex);
        String[] userAndPassword = basic(authorization);
        if (userAndPassword != null && MessageDigest.isEqual(passwordHash,
                sha256(userAndPassword[1].getBytes(StandardCharsets.UTF_8)))) {
            throttle.succeeded(address);
            return new Success(new HttpPrincipal(userAndPassword[0], REALM));
        }
        LoginThrottle.Outcome outcome = throttle.failed(address);
        if (outcome.logLine() != null) {
            LOG.warn(outcome.logLine());
        }
        challenge(ex);
        return new Retry(401);
    }

    /** The user name and password of a Basic {@code Authorization} value, or {@code null} if it is malformed. */
    static String[] basic(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void challenge(HttpExchange ex) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }

    private static String address(HttpExchange ex) {
        InetSocketAddress a = ex.getRemoteAddress();
        return a == null || a.getAddress() == null ? "?" : a.getAddress().getHostAddress();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
