package org.mjpegwall.util;

/** Byte counts in words people read. */
public final class Units {
    private Units() {
    }

    /** "32 MiB", "64 KiB", "512 bytes". */
    public static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
            return (n / (1024 * 1024)) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return (n / 1024) + " KiB";
        }
        return n + " bytes";
    }
}
