package org.mjpegwall.source.internal;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Connection failures in the words a user reads on a tile or in {@code probe}: "wrong password",
 * "connection refused", "stream stalled (no data for 10 s)". Never includes credentials: the words come
 * from the kind of failure, and an exception's own message only where it names no URL (TLS, protocol).
 */
public final class ErrorWords {
    private ErrorWords() {
    }

    /**
     * An exception in plain words.
     *
     * @param phase what the connection was doing, which tells a connect timeout from a stalled stream
     * @param stallTimeout named in the words for a stalled stream
     */
    public static String describe(Exception e, HttpExchange.Phase phase, Duration stallTimeout) {
        if (e instanceof HttpFailure h) {
            return h.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("timed out") ? "connection timed out" : "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return switch (phase) {
                case CONNECT -> "connection timed out";
                case TLS -> "TLS handshake failed: timed out";
                case READ -> "stream stalled (no data for " + seconds(stallTimeout) + ")";
            };
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed: " + e.getMessage();
        }
        if (e instanceof ProtocolException) {
            return "protocol error: " + e.getMessage();
        }
        if (e instanceof EOFException) {
            return e.getMessage() == null ? "connection closed by the camera" : e.getMessage();
        }
        if (e instanceof SocketException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("reset")) {
                return "connection reset by the camera";
            }
            return "network error: " + e.getMessage();
        }
        return "error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** An HTTP status that ends a connection attempt, in words. */
    public static String status(int code) {
        return switch (code) {
            case 401 -> "wrong password";
            case 403 -> "access denied (HTTP 403)";
            case 404 -> "not found (HTTP 404)";
            case 407 -> "proxy authentication required (HTTP 407)";
            case 503 -> "camera busy or unavailable (HTTP 503)";
            default -> code >= 500 ? "camera error (HTTP " + code + ")" : "unexpected response (HTTP " + code + ")";
        };
    }

    /** "10 s", "0.3 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
