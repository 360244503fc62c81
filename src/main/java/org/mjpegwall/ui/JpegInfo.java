package org.mjpegwall.ui;

/** Reads a JPEG's pixel size from its frame header without decoding it. */
final class JpegInfo {
    private JpegInfo() {
    }

    /** {@code true} when the bytes start with the JPEG start-of-image marker. */
    static boolean looksLikeJpeg(byte[] d, int len) {
        return len >= 4 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8;
    }

    /** {@code width << 32 | height}, or -1 when no frame header is found in the first {@code len} bytes. */
    static long dimensions(byte[] d, int len) {
        if (!looksLikeJpeg(d, len)) {
            return -1;
        }
        int i = 2;
        while (i + 8 < len) {
            if ((d[i] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            int segment = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF
                    && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int h = ((d[i + 5] & 0xFF) << 8) | (d[i + 6] & 0xFF);
                int w = ((d[i + 7] & 0xFF) << 8) | (d[i + 8] & 0xFF);
                return w > 0 && h > 0 ? ((long) w << 32) | h : -1;
            }
            if (marker == 0xDA || segment < 2) {
                return -1;
            }
            i += 2 + segment;
        }
        return -1;
    }
}
