package org.mjpegwall.frame.decode;

/** The pixel layouts a {@link JpegDecoder} writes. */
public enum PixelLayout {
    /**
     * Blue, green, red, alpha bytes (alpha always 255): JavaFX's {@code ByteBgra} and {@code ByteBgraPre}
     * (the same bytes, as the pixels are opaque), and ARGB {@code int}s read little-endian.
     */
    BGRA(4, 8),
    /** One byte per pixel: the luma (Y) of the JPEG, for motion analysis. */
    GRAY(1, 6);

    private final int bytesPerPixel;
    private final int turboFormat;

    PixelLayout(int bytesPerPixel, int turboFormat) {
        this.bytesPerPixel = bytesPerPixel;
        this.turboFormat = turboFormat;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** TurboJPEG's {@code TJPF_*} constant (turbojpeg.h: TJPF_GRAY = 6, TJPF_BGRA = 8). */
    int turboFormat() {
        return turboFormat;
    }
}
