package org.mjpegwall.frame.decode;

import java.util.Objects;

/**
 * How one frame is decoded: the DCT scaling factor (1/{@code scale}) and the size and bytes of the output,
 * checked against the decoder's limits before any memory is touched.
 *
 * <p>Why "covering" and only 1, 1/2, 1/4, 1/8: the decoder itself never scales in Java. It picks the smallest
 * of these factors whose picture is still at least the drawn size; a wall tile then has it brought to its exact
 * size by {@link NearestFit} (JavaFX's software pipeline scales on its one render thread, slowly), the focus
 * view has the scene graph draw it. libjpeg-turbo has fast (SIMD) inverse DCTs for these four sizes only; its
 * other M/8 factors are plain C.
 *
 * @param sourceWidth the frame's width as its header states it
 * @param sourceHeight the frame's height as its header states it
 * @param scale the denominator of the scaling factor: 1, 2, 4 or 8
 * @param width the decoded width, {@code ceil(sourceWidth / scale)} (libjpeg's TJSCALED)
 * @param height the decoded height, {@code ceil(sourceHeight / scale)}
 * @param stride bytes per decoded row (no padding)
 * @param layout the pixel layout written
 */
public record DecodePlan(int sourceWidth, int sourceHeight, int scale, int width, int height, int stride,
        PixelLayout layout) {
    /** 8K UHD: the most pixels a decoded picture may have (133 MB as BGRA). */
    public static final long MAX_OUTPUT_PIXELS = 7680L * 4320;
    /** Twice 8K UHD: a frame declaring more pixels is refused before anything is allocated. */
    public static final long MAX_SOURCE_PIXELS = 2 * MAX_OUTPUT_PIXELS;
    /** The longest JPEG accepted, in bytes (cameras send well under 2 MiB). */
    public static final int MAX_JPEG_BYTES = 64 << 20;

    /** The scaling denominators this planner chooses from, smallest reduction first. */
    static final int[] SCALES = {1, 2, 4, 8};

    /** The checks of {@link JpegDecoder#decode}'s arguments that every decoder makes first. */
    static void checkArguments(byte[] data, int off, int len, PixelLayout layout, OutputBuffer out) {
        Objects.checkFromIndexSize(off, len, data.length);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(out, "out");
    }

    /** Refuses a JPEG longer than {@link #MAX_JPEG_BYTES}, before any of it is read. */
    static void checkLength(int len) throws JpegDecodeException {
        if (len > MAX_JPEG_BYTES) {
            throw new JpegDecodeException("a JPEG of " + len + " bytes is longer than the " + MAX_JPEG_BYTES
                    + " accepted");
        }
    }

    /** Bytes of the decoded picture: {@code stride * height}. */
    public int bytes() {
        return stride * height;
    }

    /**
     * Plans the decode of a {@code sourceWidth}×{@code sourceHeight} frame to be drawn within
     * {@code maxWidth}×{@code maxHeight} device pixels (keeping its aspect ratio): the smallest picture among the
     * {@code scales} the decoder offers that still covers the drawn size, never larger than the frame, and never
     * more than {@link #MAX_OUTPUT_PIXELS}.
     *
     * @param maxWidth drawn width in device pixels; 0 (or less) in either for the full size
     * @param scales the denominators the library offers (of 1, 2, 4, 8), in any order; 1 must be among them
     * @throws JpegDecodeException if the stated size is empty or above {@link #MAX_SOURCE_PIXELS}
     */
    public static DecodePlan of(int sourceWidth, int sourceHeight, int maxWidth, int maxHeight, PixelLayout layout,
            int[] scales) throws JpegDecodeException {
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new JpegDecodeException("the frame states an empty size (" + sourceWidth + "x" + sourceHeight + ")");
        }
        if ((long) sourceWidth * sourceHeight > MAX_SOURCE_PIXELS) {
            throw new JpegDecodeException("the frame states " + sourceWidth + "x" + sourceHeight
                    + " pixels, more than the " + MAX_SOURCE_PIXELS + " this decoder accepts");
        }
        boolean full = maxWidth <= 0 || maxHeight <= 0;
        int best = 1;
        for (int s : scales) {
            // Drawn keeping the aspect ratio, the picture is limited by one side: covering that side is enough.
            if (!full && usable(s) && s > best
                    && (scaled(sourceWidth, s) >= maxWidth || scaled(sourceHeight, s) >= maxHeight)) {
                best = s;
            }
        }
        if (pixels(sourceWidth, sourceHeight, best) > MAX_OUTPUT_PIXELS) {
            int fit = 0; // the least reduction that fits the output limit
            for (int s : scales) {
                if (usable(s) && s > best && pixels(sourceWidth, sourceHeight, s) <= MAX_OUTPUT_PIXELS
                        && (fit == 0 || s < fit)) {
                    fit = s;
                }
            }
            if (fit == 0) {
                throw new JpegDecodeException("the frame's " + sourceWidth + "x" + sourceHeight
                        + " pixels cannot be scaled below " + MAX_OUTPUT_PIXELS + " pixels");
            }
            best = fit;
        }
        int w = scaled(sourceWidth, best);
        int h = scaled(sourceHeight, best);
        return new DecodePlan(sourceWidth, sourceHeight, best, w, h, w * layout.bytesPerPixel(), layout);
    }

    private static boolean usable(int s) {
        return s >= 1 && s <= 8 && Integer.bitCount(s) == 1;
    }

    private static long pixels(int w, int h, int s) {
        return (long) scaled(w, s) * scaled(h, s);
    }

    /** libjpeg's TJSCALED for 1/{@code scale}: {@code ceil(dimension / scale)}. */
    static int scaled(int dimension, int scale) {
        return (dimension + scale - 1) / scale;
    }
}
