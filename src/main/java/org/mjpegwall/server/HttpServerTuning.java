package org.mjpegwall.server;

/** Settings of the JDK's HTTP server that MJPEG streaming needs. */
final class HttpServerTuning {
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private HttpServerTuning() {
    }

    /**
     * Turns on TCP_NODELAY for the JDK's HTTP server unless the user chose otherwise.
     *
     * <p>Why: the JDK server writes a chunked body in 4 KB pieces. With Nagle's algorithm on, the tail of each
     * frame waits for the viewer's delayed ACK (about 40 ms), so frames arrive late and in pairs, and a relay
     * reading such a stream passes on only every other frame. The JDK reads this property once, when the first
     * server of the JVM is created, so this runs when MjpegServer or MjpegStreamHandler is first used;
     * {@code -Dsun.net.httpserver.nodelay=false} on the command line still wins.
     */
    static void ensureNoDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }
}
