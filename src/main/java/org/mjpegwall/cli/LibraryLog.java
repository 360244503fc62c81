package org.mjpegwall.cli;

/**
 * Keeps the client library's INFO lines (connection failures, recoveries) off a command's stderr: the
 * one-shot commands report errors themselves, in one line. A user who wants them back passes
 * {@code -Dorg.slf4j.simpleLogger.log.org.mjpegwall.source=info} (or debug) to java.
 */
final class LibraryLog {
    static final String CLIENT_LEVEL = "org.slf4j.simpleLogger.log.org.mjpegwall.source";

    private LibraryLog() {
    }

    /** Call before the first client is built: slf4j-simple reads a logger's level when it is created. */
    static void quietClient() {
        if (System.getProperty(CLIENT_LEVEL) == null) {
            System.setProperty(CLIENT_LEVEL, "warn");
        }
    }
}
