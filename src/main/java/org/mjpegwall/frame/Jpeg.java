package org.mjpegwall.frame;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * JPEG helpers for frames as cameras send them. Many USB webcams send "MJPEG" frames without Huffman
 * tables (the decoder is expected to know the standard ones of JPEG Annex K). The JDK's ImageIO and
 * JavaFX's Image accept such frames today (JDK 17, JavaFX 21), but a strict decoder refuses them, so
 * {@link #withStandardHuffmanTables} inserts the standard tables before decoding.
 * Frames are always delivered, recorded and relayed exactly as received; only decoding adds tables.
 *
 * <pre>{@code
 * BufferedImage img = Jpeg.decode(buf.data(), 0, buf.used());
 * }</pre>
 */
public final class Jpeg {
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int DHT = 0xC4;
    private static final byte[] STANDARD_DHT = standardDht();

    static {
        ImageIO.setUseCache(false); // decode in memory: no temporary files per frame
    }

    private Jpeg() {
    }

    /**
     * True if the JPEG defines Huffman tables (a DHT segment) before its first scan.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public static boolean hasHuffmanTables(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        return findSos(data, off, len, true) < 0;
    }

    /**
     * The JPEG with the standard (Annex K) Huffman tables inserted before its first scan when it has
     * none; otherwise the range as it is (the same array if the range is the whole array).
     */
    public static byte[] withStandardHuffmanTables(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        int sos = findSos(data, off, len, true);
        if (sos < 0) {
            return off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len);
        }
        byte[] out = new byte[len + STANDARD_DHT.length];
        int head = sos - off;
        System.arraycopy(data, off, out, 0, head);
        System.arraycopy(STANDARD_DHT, 0, out, head, STANDARD_DHT.length);
        System.arraycopy(data, sos, out, head + STANDARD_DHT.length, len - head);
        return out;
    }

    /** A JPEG's size in pixels, as its frame header states it (either may be 0 in a broken frame). */
    public record Size(int width, int height) {
    }

    /**
     * Reads the width and height from the frame (SOF) header, without decoding the image.
     *
     * @return the size, or {@code null} if the range is not a JPEG with a frame header before its scan
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public static Size size(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        int end = off + len;
        if (len < 4 || (data[off] & 0xFF) != 0xFF || (data[off + 1] & 0xFF) != SOI) {
            return null;
        }
        int i = off + 2;
        while (i + 3 < end) {
            if ((data[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= SOI)) { // markers without a length
                i += 2;
                continue;
            }
            int length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                // A frame header holds precision, height and width: 8 bytes with its length. A shorter one
                // would have us read the size out of the next segment.
                if (length < 8 || i + 8 >= end) {
                    return null;
                }
                int height = ((data[i + 5] & 0xFF) << 8) | (data[i + 6] & 0xFF);
                int width = ((data[i + 7] & 0xFF) << 8) | (data[i + 8] & 0xFF);
                return new Size(width, height);
            }
            if (marker == SOS || marker == 0xD9 || length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    /**
     * Decodes a JPEG with ImageIO, inserting the standard Huffman tables when it has none.
     *
     * @throws IOException if the bytes are not a decodable JPEG
     */
    public static BufferedImage decode(byte[] data, int off, int len) throws IOException {
        byte[] fixed = withStandardHuffmanTables(data, off, len);
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(fixed));
        } catch (RuntimeException e) {
            throw new IOException("cannot decode JPEG: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new IOException("not a JPEG image");
        }
        return img;
    }

    /**
     * Offset of the first SOS marker when no DHT precedes it ({@code needMissingTables}), else -1.
     * Walks the marker segments from SOI; a malformed header yields -1 (left for the decoder to judge).
     */
    private static int findSos(byte[] d, int off, int len, boolean needMissingTables) {
        int end = off + len;
        if (len < 4 || (d[off] & 0xff) != 0xFF || (d[off + 1] & 0xff) != SOI) {
            return -1;
        }
        int i = off + 2;
        while (i + 1 < end) {
            if ((d[i] & 0xff) != 0xFF) {
                return -1;
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == SOS) {
                return i;
            }
            if (marker == DHT) {
                return -1;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (i + 3 >= end) {
                return -1;
            }
            int segLen = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            if (segLen < 2) {
                return -1;
            }
            i += 2 + segLen;
        }
        return -1;
    }

    /** One DHT segment with the four standard tables of JPEG Annex K (K.3), from the JDK's copies. */
    private static byte[] standardDht() {
        JPEGHuffmanTable[] tables = {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdACLuminance,
            JPEGHuffmanTable.StdDCChrominance, JPEGHuffmanTable.StdACChrominance};
        int[] classAndId = {0x00, 0x10, 0x01, 0x11};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int t = 0; t < tables.length; t++) {
            body.write(classAndId[t]);
            for (short l : tables[t].getLengths()) {
                body.write(l);
            }
            for (short v : tables[t].getValues()) {
                body.write(v);
            }
        }
        byte[] b = body.toByteArray();
        byte[] seg = new byte[4 + b.length];
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) DHT;
        seg[2] = (byte) ((b.length + 2) >> 8);
        seg[3] = (byte) (b.length + 2);
        System.arraycopy(b, 0, seg, 4, b.length);
        return seg;
    }
}
