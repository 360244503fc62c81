package org.mjpegwall.motion;

/**
 * What the DC decoder needs from a JPEG's headers, read from SOI up to the first scan: frame size and
 * components (SOF), quantisation DC steps (DQT), Huffman tables (DHT), restart interval (DRI) and the
 * first scan's components (SOS). Every length is checked against the bytes at hand; anything the DC
 * decoder cannot handle raises {@link UnsupportedJpegException}, anything malformed {@link JpegFormatException}.
 */
final class JpegHeader {
    /** Largest picture accepted: 8192 × 8192 pixels (the thumbnail is then 1 MB). */
    static final long MAX_PIXELS = 8192L * 8192;

    int width;
    int height;
    int componentCount;
    final int[] componentId = new int[4];
    final int[] hSamp = new int[4];
    final int[] vSamp = new int[4];
    final int[] quantTable = new int[4];
    int hMax;
    int vMax;
    /** DC quantisation step per table id; 0 = table not defined. */
    final int[] dcStep = new int[4];
    final HuffmanTable[] dcTables = new HuffmanTable[4];
    final HuffmanTable[] acTables = new HuffmanTable[4];
    boolean sawHuffmanTables;
    int restartInterval;
    int adobeTransform = -1;

    /** Frame component index of each scan component, in scan order. */
    int scanCount;
    final int[] scanComponent = new int[4];
    final int[] scanDc = new int[4];
    final int[] scanAc = new int[4];
    /** Offset of the first entropy-coded byte of the first scan. */
    int scanStart;

    private JpegHeader() {
    }

    /** Reads the headers of {@code data[off, off + len)} up to the first scan's data. */
    static JpegHeader parse(byte[] data, int off, int len) throws JpegFormatException {
        JpegHeader h = new JpegHeader();
        h.read(data, off, off + len);
        return h;
    }

    private void read(byte[] d, int off, int end) throws JpegFormatException {
        if (end - off < 4 || (d[off] & 0xFF) != 0xFF || (d[off + 1] & 0xFF) != 0xD8) {
            throw new JpegFormatException("not a JPEG (no start-of-image marker)");
        }
        boolean sawFrame = false;
        int i = off + 2;
        while (true) {
            if (i + 1 >= end) {
                throw new JpegFormatException("corrupt JPEG: headers end before the first scan");
            }
            if ((d[i] & 0xFF) != 0xFF) {
                throw new JpegFormatException("corrupt JPEG: expected a marker at byte " + (i - off));
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xD8 || marker == 0xD9) {
                throw new JpegFormatException("corrupt JPEG: " + (marker == 0xD9 ? "end of image" : "second start of image")
                        + " before the first scan");
            }
            if (i + 3 >= end) {
                throw new JpegFormatException("corrupt JPEG: segment header cut short");
            }
            int segLen = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            int body = i + 4;
            int segEnd = i + 2 + segLen;
            if (segLen < 2 || segEnd > end) {
                throw new JpegFormatException("corrupt JPEG: segment 0x" + Integer.toHexString(marker)
                        + " has a bad length " + segLen);
            }
            switch (marker) {
                case 0xC0, 0xC1 -> {
                    if (sawFrame) {
                        throw new JpegFormatException("corrupt JPEG: two frame headers");
                    }
                    readFrame(d, body, segEnd);
                    sawFrame = true;
                }
                case 0xC2, 0xC6, 0xCA, 0xCE -> throw new UnsupportedJpegException("progressive JPEG");
                case 0xC3, 0xC7, 0xCB, 0xCF -> throw new UnsupportedJpegException("lossless JPEG");
                case 0xC5 -> throw new UnsupportedJpegException("hierarchical JPEG");
                case 0xC9, 0xCC -> throw new UnsupportedJpegException("arithmetic-coded JPEG");
                case 0xC4 -> readHuffman(d, body, segEnd);
                case 0xDB -> readQuant(d, body, segEnd);
                case 0xDD -> {
                    if (segLen != 4) {
                        throw new JpegFormatException("corrupt JPEG: restart interval segment of length " + segLen);
                    }
                    restartInterval = ((d[body] & 0xFF) << 8) | (d[body + 1] & 0xFF);
                }
                case 0xEE -> { // APP14 "Adobe": its transform flag says whether the components are YCbCr
                    if (segLen >= 14 && d[body] == 'A' && d[body + 1] == 'd' && d[body + 2] == 'o'
                            && d[body + 3] == 'b' && d[body + 4] == 'e') {
                        adobeTransform = d[body + 11] & 0xFF;
                    }
                }
                case 0xDA -> {
                    if (!sawFrame) {
                        throw new JpegFormatException("corrupt JPEG: scan before the frame header");
                    }
                    readScan(d, body, segEnd);
                    scanStart = segEnd;
                    return;
                }
                default -> {
                    // APPn, COM, DNL, DHP, EXP, JPGn: nothing for us
                }
            }
            i = segEnd;
        }
    }

    private void readFrame(byte[] d, int p, int end) throws JpegFormatException {
        if (end - p < 6) {
            throw new JpegFormatException("corrupt JPEG: frame header too short");
        }
        int precision = d[p] & 0xFF;
        height = ((d[p + 1] & 0xFF) << 8) | (d[p + 2] & 0xFF);
        width = ((d[p + 3] & 0xFF) << 8) | (d[p + 4] & 0xFF);
        componentCount = d[p + 5] & 0xFF;
        if (precision != 8) {
            throw new UnsupportedJpegException(precision + "-bit JPEG");
        }
        if (width == 0 || height == 0) {
            throw new UnsupportedJpegException("JPEG without a size in its frame header (" + width + "x" + height + ")");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new JpegFormatException("JPEG too large: " + width + "x" + height + " (at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels)");
        }
        if (componentCount != 1 && componentCount != 3) {
            throw (componentCount == 4 || componentCount == 2)
                    ? new UnsupportedJpegException(componentCount + "-component JPEG")
                    : new JpegFormatException("corrupt JPEG: " + componentCount + " components");
        }
        if (end - p != 6 + 3 * componentCount) {
            throw new JpegFormatException("corrupt JPEG: frame header length does not match its components");
        }
        for (int c = 0; c < componentCount; c++) {
            int q = p + 6 + 3 * c;
            componentId[c] = d[q] & 0xFF;
            hSamp[c] = (d[q + 1] & 0xFF) >> 4;
            vSamp[c] = d[q + 1] & 0x0F;
            quantTable[c] = d[q + 2] & 0xFF;
            if (hSamp[c] < 1 || hSamp[c] > 4 || vSamp[c] < 1 || vSamp[c] > 4 || quantTable[c] > 3) {
                throw new JpegFormatException("corrupt JPEG: bad sampling factors or table of component " + c);
            }
            hMax = Math.max(hMax, hSamp[c]);
            vMax = Math.max(vMax, vSamp[c]);
        }
        if (componentCount == 3 && (componentId[0] == 'R' && componentId[1] == 'G' && componentId[2] == 'B')) {
            throw new UnsupportedJpegException("RGB-coded JPEG");
        }
    }

    private void readQuant(byte[] d, int p, int end) throws JpegFormatException {
        while (p < end) {
            int pq = (d[p] & 0xFF) >> 4;
            int tq = d[p] & 0x0F;
            int size = pq == 0 ? 64 : 128;
            if (pq > 1 || tq > 3 || p + 1 + size > end) {
                throw new JpegFormatException("corrupt JPEG: bad quantisation table");
            }
            int step = pq == 0 ? d[p + 1] & 0xFF : ((d[p + 1] & 0xFF) << 8) | (d[p + 2] & 0xFF);
            dcStep[tq] = Math.max(1, step);
            p += 1 + size;
        }
    }

    private void readHuffman(byte[] d, int p, int end) throws JpegFormatException {
        sawHuffmanTables = true;
        while (p < end) {
            if (p + 17 > end) {
                throw new JpegFormatException("corrupt JPEG: Huffman table cut short");
            }
            int tc = (d[p] & 0xFF) >> 4;
            int th = d[p] & 0x0F;
            if (tc > 1 || th > 3) {
                throw new JpegFormatException("corrupt JPEG: bad Huffman table class or id");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int k = 0; k < 16; k++) {
                counts[k] = d[p + 1 + k] & 0xFF;
                total += counts[k];
            }
            if (total > 256 || p + 17 + total > end) {
                throw new JpegFormatException("corrupt JPEG: Huffman table has " + total + " symbols");
            }
            int[] symbols = new int[total];
            for (int k = 0; k < total; k++) {
                symbols[k] = d[p + 17 + k] & 0xFF;
            }
            HuffmanTable t = new HuffmanTable(counts, symbols, tc == 0);
            if (tc == 0) {
                dcTables[th] = t;
            } else {
                acTables[th] = t;
            }
            p += 17 + total;
        }
    }

    private void readScan(byte[] d, int p, int end) throws JpegFormatException {
        if (end - p < 1) {
            throw new JpegFormatException("corrupt JPEG: scan header too short");
        }
        scanCount = d[p] & 0xFF;
        if (scanCount < 1 || scanCount > 4 || end - p != 4 + 2 * scanCount) {
            throw new JpegFormatException("corrupt JPEG: bad scan header");
        }
        for (int s = 0; s < scanCount; s++) {
            int id = d[p + 1 + 2 * s] & 0xFF;
            int c = indexOf(id);
            if (c < 0) {
                throw new JpegFormatException("corrupt JPEG: scan names an unknown component " + id);
            }
            for (int t = 0; t < s; t++) {
                if (scanComponent[t] == c) {
                    throw new JpegFormatException("corrupt JPEG: scan names component " + id + " twice");
                }
            }
            scanComponent[s] = c;
            scanDc[s] = (d[p + 2 + 2 * s] & 0xFF) >> 4;
            scanAc[s] = d[p + 2 + 2 * s] & 0x0F;
            if (scanDc[s] > 3 || scanAc[s] > 3) {
                throw new JpegFormatException("corrupt JPEG: bad Huffman table selector in scan");
            }
        }
        int ss = d[end - 3] & 0xFF;
        int se = d[end - 2] & 0xFF;
        int ahAl = d[end - 1] & 0xFF;
        if (ss != 0 || se != 63 || ahAl != 0) {
            throw new UnsupportedJpegException("progressive scan in a sequential JPEG");
        }
        if (scanComponent[0] != 0) {
            throw new UnsupportedJpegException("first scan without the luminance component");
        }
        if (componentCount == 3 && adobeTransform == 0) {
            throw new UnsupportedJpegException("RGB-coded JPEG (Adobe transform 0)");
        }
        if (scanCount != 1 && scanCount != componentCount) {
            throw new UnsupportedJpegException("scan with " + scanCount + " of " + componentCount + " components");
        }
        int blocksPerMcu = 0;
        for (int s = 0; s < scanCount; s++) {
            blocksPerMcu += hSamp[scanComponent[s]] * vSamp[scanComponent[s]];
        }
        if (scanCount > 1 && blocksPerMcu > 10) {
            throw new JpegFormatException("corrupt JPEG: " + blocksPerMcu + " blocks per MCU (at most 10)");
        }
    }

    private int indexOf(int id) {
        for (int c = 0; c < componentCount; c++) {
            if (componentId[c] == id) {
                return c;
            }
        }
        return -1;
    }
}
