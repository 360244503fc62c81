package org.mjpegwall.motion;

import java.io.IOException;
import java.util.Objects;
import org.mjpegwall.frame.Jpeg;

/**
 * The motion detector's thumbnail from a JPEG's DC coefficients: one grey pixel per 8×8 luminance
 * block, the block's mean, read straight from the entropy-coded data.
 *
 * <p>Why hand-written: motion is analysed for every camera several times a second, visible or not,
 * so the thumbnail must cost a small fraction of a full decode. A JPEG already stores each block's
 * mean (its DC coefficient), so 1/8 scale falls out of Huffman decoding alone, with no inverse DCT,
 * upsampling or colour conversion, and no full-size image in memory. ImageIO has no such mode (even
 * with source subsampling it decodes every pixel: 5 to 10 times the CPU, see {@code bench-motion}); JavaFX
 * may not be used by the library; libjpeg-turbo's scaled decode (issue 14) is faster still but needs
 * a native library that may be missing, so it can be plugged in through {@link ThumbnailDecoder} later.
 *
 * <p>Reads baseline and extended sequential Huffman JPEGs with 8-bit samples: grey, or YCbCr with any
 * sampling (4:2:0, 4:2:2, 4:4:4, ...), restart markers, and frames without Huffman tables (many USB
 * webcams: the standard tables are inserted by {@link Jpeg#withStandardHuffmanTables}). Anything else
 * (progressive, arithmetic, 12-bit, CMYK, RGB-coded) goes to the fallback decoder; damaged or cut-short
 * frames raise a {@link JpegFormatException} and are never passed on as a picture. Not thread-safe.
 */
public final class DcThumbnailDecoder implements ThumbnailDecoder {
    private final ThumbnailDecoder fallback;

    /** With ImageIO as the fallback for the JPEGs it does not read itself. */
    public DcThumbnailDecoder() {
        this(new ImageIoThumbnailDecoder());
    }

    /** @param fallback for well-formed JPEGs of a kind this decoder does not read, or {@code null} to refuse them */
    public DcThumbnailDecoder(ThumbnailDecoder fallback) {
        this.fallback = fallback;
    }

    @Override
    public GreyImage decode(byte[] data, int off, int len, GreyImage reuse) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        try {
            JpegHeader h = JpegHeader.parse(data, off, len);
            if (!h.sawHuffmanTables) {
                byte[] fixed = Jpeg.withStandardHuffmanTables(data, off, len);
                if (fixed.length != len) {
                    return DcScan.decode(JpegHeader.parse(fixed, 0, fixed.length), fixed, 0, fixed.length, reuse);
                }
            }
            return DcScan.decode(h, data, off, len, reuse);
        } catch (UnsupportedJpegException e) {
            if (fallback == null) {
                throw e;
            }
            return fallback.decode(data, off, len, reuse);
        }
    }
}
