package org.mjpegwall.cli;

/** Numbers in command output, as people write them. */
final class CliNumbers {
    private CliNumbers() {
    }

    /** {@code 5} rather than {@code 5.0}; a fraction as Java prints it ({@code 1.5}). */
    static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
