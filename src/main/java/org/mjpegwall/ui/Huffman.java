package org.mjpegwall.ui;

import org.mjpegwall.client.Jpeg;

/** Webcams that send JPEGs without Huffman tables (Motion-JPEG style) get the standard tables first. */
final class Huffman {
    private Huffman() {
    }

    static boolean hasTables(byte[] d, int len) {
        return Jpeg.hasHuffmanTables(d, 0, len);
    }

    static byte[] withStandardTables(byte[] d, int len) {
        return Jpeg.withStandardHuffmanTables(d, 0, len);
    }
}
