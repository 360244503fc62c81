package org.mjpegwall.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import org.mjpegwall.frame.SourceStats;

/** Error messages for command-line users. */
final class CliErrors {
    private CliErrors() {
    }

    /** Prints "{@code command}: {@code message}" to {@code err} and returns {@code code}, the exit status. */
    static int fail(PrintWriter err, String command, int code, String message) {
        err.println(command + ": " + message);
        err.flush();
        return code;
    }

    /** Why a URL was refused, without echoing any password it contains. */
    static String badUrl(String url, Exception e) {
        if (e instanceof URISyntaxException) {
            return "not a valid URL (" + e.getClass().getSimpleName().replace("Exception", "") + " at index "
                    + ((URISyntaxException) e).getIndex() + ")";
        }
        return e.getMessage();
    }

    /** A one-shot command had no frame from the client in {@code seconds}: its URL (redacted) and last error. */
    static String noFrameWithin(SourceStats stats, double seconds) {
        return "no frame from " + stats.url() + " within " + CliNumbers.plain(seconds) + " s"
                + (stats.lastError() == null ? "" : " (" + stats.lastError() + ")");
    }

    /** A watching command gave up after {@code seconds} without a frame; {@code why} is the last error or null. */
    static String gaveUp(double seconds, String why) {
        return "no frame from the camera in " + CliNumbers.plain(seconds) + " s" + (why != null ? ": " + why : "");
    }
}
