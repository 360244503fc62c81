package org.mjpegwall.motion;

/**
 * One JPEG Huffman table (a DHT entry) prepared for decoding: a 9-bit look-up for the short codes
 * that make up nearly all of a picture, and the canonical code limits (JPEG Annex C/F.2.2.3) for longer ones.
 */
final class HuffmanTable {
    static final int FAST_BITS = 9;
    /** Look-ahead of the fused AC table. */
    static final int AC_BITS = 10;
    static final int AC_END_OF_BLOCK = 1 << 9;
    /** Look-ahead of the fused DC table. */
    static final int DC_BITS = 11;

    /** Indexed by the next {@link #FAST_BITS} bits: {@code length << 8 | symbol}, or 0 when the code is longer. */
    final int[] fast = new int[1 << FAST_BITS];
    /** Per code length 1..16: the largest code of that length, or -1 if none. */
    final int[] maxCode = new int[17];
    /** Per code length: index into {@link #symbols} of its first code, minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;
    /**
     * For AC tables, indexed by the next {@link #AC_BITS} bits: a code and its coefficient's extra bits
     * in one step, as {@code bitsToSkip | zerosAndOne << 4 | endOfBlock}; 0 when they do not fit in
     * the look-ahead. Skipping a coefficient then costs one look-up: the detector needs only DC values.
     */
    final int[] fastAc;
    /**
     * For DC tables, indexed by the next {@link #DC_BITS} bits: a code and its difference's extra bits
     * in one step, as {@code difference << 8 | bitsToSkip}; 0 when they do not fit in the look-ahead.
     */
    final int[] fastDc;

    /**
     * @param counts number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param symbols the symbols in code order
     * @param dc a DC table (else AC): which fused look-up to build
     * @throws JpegFormatException if the lengths do not describe a valid prefix code
     */
    HuffmanTable(int[] counts, int[] symbols, boolean dc) throws JpegFormatException {
        this.symbols = symbols;
        this.fastAc = dc ? null : new int[1 << AC_BITS];
        this.fastDc = dc ? new int[1 << DC_BITS] : null;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            offset[len] = k - code;
            if (n == 0) {
                maxCode[len] = -1;
            } else {
                if (code + n > (1 << len)) {
                    throw new JpegFormatException("corrupt JPEG: Huffman table has more codes than fit in " + len + " bits");
                }
                for (int i = 0; i < n; i++, k++, code++) {
                    int rs = symbols[k];
                    int size = rs & 15;
                    int skip = len + size;
                    if (dc) {
                        fillDc(code, len, rs);
                    } else if (skip <= AC_BITS) {
                        int entry = size == 0
                                ? (rs == 0xF0 ? skip | 16 << 4 : skip | AC_END_OF_BLOCK) // sixteen zeros / end of block
                                : skip | ((rs >> 4) + 1) << 4;
                        int shift = AC_BITS - len;
                        for (int j = code << shift, end = (code + 1) << shift; j < end; j++) {
                            fastAc[j] = entry;
                        }
                    }
                    if (len <= FAST_BITS) {
                        int shift = FAST_BITS - len;
                        int entry = (len << 8) | symbols[k];
                        for (int j = code << shift, end = (code + 1) << shift; j < end; j++) {
                            fast[j] = entry;
                        }
                    }
                }
                maxCode[len] = code - 1;
            }
            code <<= 1;
        }
    }

    /** Fused DC entries for one code: every value of its extra bits, when code and bits fit in the look-ahead. */
    private void fillDc(int code, int len, int size) {
        if (size > 11 || len + size > DC_BITS) {
            return;
        }
        for (int v = 0; v < (1 << size); v++) {
            int diff = size == 0 ? 0 : v < (1 << (size - 1)) ? v - (1 << size) + 1 : v;
            int shift = DC_BITS - len - size;
            int first = ((code << size) | v) << shift;
            int entry = (diff << 8) | (len + size);
            for (int j = first; j < first + (1 << shift); j++) {
                fastDc[j] = entry;
            }
        }
    }
}
