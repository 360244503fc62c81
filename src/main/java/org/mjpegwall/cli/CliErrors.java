package org.mjpegwall.cli;

import java.net.URISyntaxException;

/** Error messages for command-line users. */
final class CliErrors {
    private CliErrors() {
    }

    /** Why a URL was refused, without echoing any password it contains. */
    static String badUrl(String url, Exception e) {
        if (e instanceof URISyntaxException) {
            return "not a valid URL (" + e.getClass().getSimpleName().replace("Exception", "") + " at index "
                    + ((URISyntaxException) e).getIndex() + ")";
        }
        return e.getMessage();
    }
}
