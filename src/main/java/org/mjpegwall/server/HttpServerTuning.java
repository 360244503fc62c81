package org.mjpegwall.server;

/**
 * Settings of the JDK's HTTP server that MJPEG streaming and a hardened server need.
 *
 * <p>Why system properties: the JDK reads its {@code sun.net.httpserver.*} settings once, when the first server of
 * the JVM is created, and offers no other way to set them. So they are set (each only if the user has not set it)
 * when {@link MjpegServer} or {@link MjpegStreamHandler} is first used; a {@code -D} on the command line still wins,
 * and a server created by other code before that keeps the JDK's defaults.
 */
final class HttpServerTuning {
    static final String NODELAY = "sun.net.httpserver.nodelay";
    /** Bytes of request line plus headers the JDK reads before it drops the connection without an answer. */
    static final String MAX_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    /** Headers the JDK reads before it drops the connection without an answer. */
    static final String MAX_HEADERS = "sun.net.httpserver.maxReqHeaders";
    /** Seconds a connection may take to send its request; also how long a connection that sends nothing lives. */
    static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    /** Milliseconds between the JDK's checks for idle and silent connections (default 10 s). */
    static final String CLOCK_TICK = "sun.net.httpserver.clockTick";
    /** Connections of every kind the JDK keeps open at once; more are closed as soon as they are accepted. */
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

    /** The JDK's own header limits sit above {@link RequestLimits}', so that a big request is answered 431, not cut. */
    static final int JDK_MAX_HEADER_BYTES = 1024 * 1024 + 64 * 1024;
    static final int JDK_MAX_HEADERS = 2000;

    private HttpServerTuning() {
    }

    /**
     * Turns on TCP_NODELAY for the JDK's HTTP server unless the user chose otherwise.
     *
     * <p>Why: the JDK server writes a chunked body in 4 KB pieces. With Nagle's algorithm on, the tail of each
     * frame waits for the viewer's delayed ACK (about 40 ms), so frames arrive late and in pairs, and a relay
     * reading such a stream passes on only every other frame. {@code -Dsun.net.httpserver.nodelay=false} on the
     * command line still wins.
     */
    static void ensureNoDelay() {
        setDefault(NODELAY, "true");
    }

    /**
     * Sets the JDK limits a hardened server relies on, unless the user set them.
     *
     * <ul>
     * <li>header size and count above {@link RequestLimits}, so requests between the two get a 414 or 431 in words;
     * <li>a 10 s request time and a 1 s check, so a connection that never sends a byte (which no thread of ours
     * ever sees) is closed after 10 to 11 s;
     * <li>a cap on all connections, so a flood of silent connections cannot use up the process's file descriptors.
     * </ul>
     *
     * @param maxConnections the cap on all connections, if the user has not set one
     */
    static void ensureLimits(int maxConnections) {
        ensureNoDelay();
        setDefault(MAX_HEADER_SIZE, String.valueOf(JDK_MAX_HEADER_BYTES));
        setDefault(MAX_HEADERS, String.valueOf(JDK_MAX_HEADERS));
        setDefault(MAX_REQUEST_TIME, "10");
        setDefault(CLOCK_TICK, "1000");
        setDefault(MAX_CONNECTIONS, String.valueOf(maxConnections));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
