package org.mjpegwall.server;

import java.util.List;
import java.util.Map;

/**
 * Limits on a request's line and header block, checked once the JDK's server has read them; a request over a
 * limit is refused with 414 or 431 and a message in words.
 *
 * <p>Why checked after reading: the JDK's server parses the request before any code of ours runs, and its own
 * limits ({@link HttpServerTuning#JDK_MAX_HEADER_BYTES}) drop the connection without an answer. Those are set well
 * above these, so a request between the two gets a proper answer.
 *
 * @param maxRequestLine bytes of method, target and version
 * @param maxHeaderBytes bytes of all header lines together
 * @param maxHeaders number of header lines
 */
record RequestLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders) {
    static final RequestLimits DEFAULTS = new RequestLimits(8 * 1024, 32 * 1024, 100);

    RequestLimits {
        if (maxRequestLine < 64 || maxHeaderBytes < 256 || maxHeaders < 8) {
            throw new IllegalArgumentException("request limits too small: line " + maxRequestLine + ", header bytes "
                    + maxHeaderBytes + ", headers " + maxHeaders);
        }
    }

    /** Why a request is refused: the status and a message for the client. */
    record Refusal(int status, String message) {
    }

    /**
     * @param headers header names and values as the JDK's server read them
     * @return the refusal, or {@code null} when the request is within every limit
     */
    Refusal check(String method, String rawTarget, String protocol, Map<String, List<String>> headers) {
        long line = (long) method.length() + 1 + rawTarget.length() + 1 + protocol.length();
        if (line > maxRequestLine) {
            return new Refusal(414, "The request line is " + line + " bytes; this server reads at most "
                    + maxRequestLine + ".");
        }
        long count = 0;
        long bytes = 0;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            for (String value : h.getValue()) {
                count++;
                bytes += h.getKey().length() + 2 + value.length() + 2; // "Name: value\r\n"
            }
        }
        if (count > maxHeaders) {
            return new Refusal(431, "The request has " + count + " header lines; this server reads at most "
                    + maxHeaders + ".");
        }
        if (bytes > maxHeaderBytes) {
            return new Refusal(431, "The request headers are " + bytes + " bytes; this server reads at most "
                    + maxHeaderBytes + ".");
        }
        return null;
    }
}
