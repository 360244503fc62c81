package org.mjpegwall.motion;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes the first scan of a baseline JPEG far enough to know every luminance block's DC coefficient,
 * the block's mean brightness: the AC coefficients are Huffman-decoded only to be skipped, and nothing
 * is dequantised, transformed, upsampled or colour-converted. One instance per decode.
 *
 * <p>Damage is never papered over: a scan that runs out of data (a frame cut short) or misses a restart
 * marker throws, so a broken frame cannot look like motion. Every loop is bounded by the block count
 * from the (size-capped) header, and reading past the data stops after a few bytes.
 */
final class DcScan {
    /** Zero bytes fed past the end of the data before the scan is declared cut short. */
    private static final int MAX_PADDING = 16;

    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final JpegHeader h;
    private final byte[] d;
    private final int end;
    private int pos;
    /** Bit buffer, left-aligned: the next bit to read is bit 63. */
    private long acc;
    private int bits;
    /** Zero bytes supplied because a marker or the end of data was reached. */
    private int padding;

    private DcScan(JpegHeader h, byte[] data, int end) {
        this.h = h;
        this.d = data;
        this.end = end;
        this.pos = h.scanStart;
    }

    /** Fills {@code reuse} (or a new image) with the luminance block means of the JPEG whose headers {@code h} holds. */
    static GreyImage decode(JpegHeader h, byte[] data, int off, int len, GreyImage reuse) throws JpegFormatException {
        return new DcScan(h, data, off + len).run(reuse);
    }

    private GreyImage run(GreyImage reuse) throws JpegFormatException {
        int luma = h.scanComponent[0];
        int step = h.dcStep[h.quantTable[luma]];
        if (step == 0) {
            throw new JpegFormatException("corrupt JPEG: no quantisation table " + h.quantTable[luma]);
        }
        for (int s = 0; s < h.scanCount; s++) {
            if (h.dcTables[h.scanDc[s]] == null || h.acTables[h.scanAc[s]] == null) {
                throw new JpegFormatException("corrupt JPEG: scan uses a Huffman table that is not defined");
            }
        }
        // Luminance plane in samples, then in 8x8 blocks (JPEG A.1.1).
        int lumaW = (int) ((h.width * (long) h.hSamp[luma] + h.hMax - 1) / h.hMax);
        int lumaH = (int) ((h.height * (long) h.vSamp[luma] + h.vMax - 1) / h.vMax);
        int blocksW = (lumaW + 7) / 8;
        int blocksH = (lumaH + 7) / 8;
        GreyImage out = GreyImage.reuse(reuse, blocksW, blocksH);
        if (h.scanCount == 1) {
            decodeSingle(out, step);
        } else {
            decodeInterleaved(out, luma, step);
        }
        if (padding * 8 > bits) {
            throw new JpegFormatException("corrupt JPEG: data ends before the last block (frame cut short?)");
        }
        return out;
    }

    /** A scan of the luminance component alone: blocks in raster order, one per MCU (JPEG A.2.2). */
    private void decodeSingle(GreyImage out, int step) throws JpegFormatException {
        HuffmanTable dc = h.dcTables[h.scanDc[0]];
        HuffmanTable ac = h.acTables[h.scanAc[0]];
        int w = out.width();
        int n = w * out.height();
        byte[] px = out.pixels();
        int pred = 0;
        int restart = h.restartInterval;
        int untilRestart = restart;
        int nextRst = 0;
        for (int b = 0; b < n; b++) {
            if (restart > 0 && untilRestart == 0) {
                nextRst = restartMarker(nextRst);
                pred = 0;
                untilRestart = restart;
            }
            pred += decodeDc(dc);
            skipAc(ac);
            px[b] = level(pred, step);
            untilRestart--;
        }
    }

    /** An interleaved scan: MCUs of hSamp × vSamp blocks of each component in turn (JPEG A.2.3). */
    private void decodeInterleaved(GreyImage out, int luma, int step) throws JpegFormatException {
        // The blocks of one MCU, flattened: their component, tables, and (for luminance) place in the MCU.
        int count = 0;
        for (int s = 0; s < h.scanCount; s++) {
            count += h.hSamp[h.scanComponent[s]] * h.vSamp[h.scanComponent[s]];
        }
        int[] comp = new int[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        int[] lumaX = new int[count];
        int[] lumaY = new int[count];
        int lumaH = h.hSamp[luma];
        int lumaV = h.vSamp[luma];
        for (int s = 0, b = 0; s < h.scanCount; s++) {
            int c = h.scanComponent[s];
            for (int v = 0; v < h.vSamp[c]; v++) {
                for (int u = 0; u < h.hSamp[c]; u++, b++) {
                    comp[b] = s;
                    dc[b] = h.dcTables[h.scanDc[s]];
                    ac[b] = h.acTables[h.scanAc[s]];
                    lumaX[b] = c == luma ? u : -1;
                    lumaY[b] = v;
                }
            }
        }
        int mcusX = (h.width + 8 * h.hMax - 1) / (8 * h.hMax);
        int mcusY = (h.height + 8 * h.vMax - 1) / (8 * h.vMax);
        int w = out.width();
        int ht = out.height();
        byte[] px = out.pixels();
        int[] pred = new int[h.scanCount];
        int restart = h.restartInterval;
        int untilRestart = restart;
        int nextRst = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restart > 0 && untilRestart == 0) {
                    nextRst = restartMarker(nextRst);
                    java.util.Arrays.fill(pred, 0);
                    untilRestart = restart;
                }
                for (int b = 0; b < count; b++) {
                    int c = comp[b];
                    int p = pred[c] + decodeDc(dc[b]);
                    pred[c] = p;
                    skipAc(ac[b]);
                    int u = lumaX[b];
                    if (u >= 0) {
                        int x = mx * lumaH + u;
                        int y = my * lumaV + lumaY[b];
                        if (x < w && y < ht) {
                            px[y * w + x] = level(p, step);
                        }
                    }
                }
                untilRestart--;
            }
        }
    }

    /** The block's mean sample: DC = 8 × (mean − 128) in JPEG's DCT scaling. */
    private static byte level(int dc, int step) {
        int v = 128 + ((dc * step + 4) >> 3);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private int decodeDc(HuffmanTable t) throws JpegFormatException {
        if (bits < 32) {
            fill();
        }
        int e = t.fastDc[(int) (acc >>> (64 - HuffmanTable.DC_BITS))];
        if (e != 0) { // code and difference at once
            int n = e & 0xFF;
            acc <<= n;
            bits -= n;
            return e >> 8;
        }
        int s = symbol(t);
        if (s == 0) {
            return 0;
        }
        if (s > 11) {
            throw new JpegFormatException("corrupt JPEG: DC difference of " + s + " bits");
        }
        return extend(take(s), s);
    }

    /** Reads the AC coefficients of one block without keeping them. */
    private void skipAc(HuffmanTable t) throws JpegFormatException {
        int[] fast = t.fastAc;
        // The bit buffer in locals: the loop then runs in registers, storing back only around fill().
        long a = acc;
        int b = bits;
        for (int k = 1; k < 64; ) {
            if (b < 32) {
                acc = a;
                bits = b;
                fill();
                a = acc;
                b = bits;
            }
            int e = fast[(int) (a >>> (64 - HuffmanTable.AC_BITS))];
            if (e != 0) { // code and extra bits at once
                int n = e & 15;
                a <<= n;
                b -= n;
                if ((e & HuffmanTable.AC_END_OF_BLOCK) != 0) {
                    break;
                }
                k += (e >> 4) & 31;
                continue;
            }
            acc = a;
            bits = b;
            int rs = symbol(t);
            int size = rs & 15;
            // symbol() left at least 16 bits, enough for any coefficient's (at most 15) extra bits.
            a = acc << size;
            b = bits - size;
            if (size == 0) {
                if (rs != 0xF0) {
                    break; // end of block
                }
                k += 16; // sixteen zeros
            } else {
                k += (rs >> 4) + 1;
            }
        }
        acc = a;
        bits = b;
    }

    private int symbol(HuffmanTable t) throws JpegFormatException {
        if (bits < 32) {
            fill();
        }
        int e = t.fast[(int) (acc >>> (64 - HuffmanTable.FAST_BITS))];
        if (e != 0) {
            int len = e >>> 8;
            acc <<= len;
            bits -= len;
            return e & 0xFF;
        }
        for (int len = HuffmanTable.FAST_BITS + 1; len <= 16; len++) {
            int code = (int) (acc >>> (64 - len));
            if (code <= t.maxCode[len]) {
                acc <<= len;
                bits -= len;
                int i = code + t.offset[len];
                if (i < 0 || i >= t.symbols.length) {
                    break;
                }
                return t.symbols[i];
            }
        }
        throw new JpegFormatException("corrupt JPEG: invalid Huffman code");
    }

    private int take(int n) throws JpegFormatException {
        if (bits < n) {
            fill();
        }
        int v = (int) (acc >>> (64 - n));
        acc <<= n;
        bits -= n;
        return v;
    }

    private static int extend(int v, int n) {
        return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
    }

    /** Tops the bit buffer up to at least 57 bits, un-stuffing 0xFF 0x00; at a marker or the end, feeds zeros. */
    private void fill() throws JpegFormatException {
        // Fast path: the next eight bytes hold no 0xFF (true for most of the data), so take whole bytes at once.
        if (bits <= 56 && pos + 8 <= end) {
            long word = (long) BIG_ENDIAN.get(d, pos);
            long inverse = ~word; // a 0xFF byte is a zero byte of the inverse
            if (((inverse - 0x0101010101010101L) & ~inverse & 0x8080808080808080L) == 0) {
                int k = (64 - bits) >> 3;
                acc |= (word >>> (64 - 8 * k)) << (64 - bits - 8 * k);
                bits += 8 * k;
                pos += k;
                return;
            }
        }
        while (bits <= 56) {
            int b = 0;
            if (pos < end) {
                b = d[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < end ? d[pos + 1] & 0xFF : -1;
                    if (next == 0x00) {
                        pos += 2;
                    } else if (next == 0xFF) {
                        pos++; // fill byte before a marker
                        continue;
                    } else {
                        b = 0; // a marker: stay before it
                        padding++;
                    }
                } else {
                    pos++;
                }
            } else {
                padding++;
            }
            if (padding > MAX_PADDING) {
                throw new JpegFormatException("corrupt JPEG: data ends before the last block (frame cut short?)");
            }
            acc |= (long) b << (56 - bits);
            bits += 8;
        }
    }

    /** Expects restart marker RSTn next (after the padding bits of the interval) and starts afresh after it. */
    private int restartMarker(int expected) throws JpegFormatException {
        if (padding * 8 > bits) {
            throw new JpegFormatException("corrupt JPEG: restart interval ends early (frame cut short?)");
        }
        acc = 0;
        bits = 0;
        padding = 0;
        // Skip what an encoder may leave before the marker: fill bytes, or stray data (libjpeg skips it too).
        while (pos + 1 < end && !((d[pos] & 0xFF) == 0xFF && (d[pos + 1] & 0xFF) != 0x00 && (d[pos + 1] & 0xFF) != 0xFF)) {
            pos++;
        }
        if (pos + 1 >= end || (d[pos + 1] & 0xFF) != 0xD0 + expected) {
            throw new JpegFormatException("corrupt JPEG: restart marker " + expected + " missing");
        }
        pos += 2;
        return (expected + 1) & 7;
    }
}
