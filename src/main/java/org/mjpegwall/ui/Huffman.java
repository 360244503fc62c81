package org.mjpegwall.ui;

import java.util.Arrays;

/** TEMPORARY until the client's Jpeg helper lands: table-less JPEGs pass through unchanged. */
final class Huffman {
    private Huffman() {
    }

    static boolean hasTables(byte[] d, int len) {
        return true;
    }

    static byte[] withStandardTables(byte[] d, int len) {
        return Arrays.copyOf(d, len);
    }
}
