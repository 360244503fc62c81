package org.mjpegwall.motion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.frame.decode.Decoded;
import org.mjpegwall.frame.decode.JpegDecodeException;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;

/**
 * The thumbnail through libjpeg-turbo ({@code frame.decode}): the luminance decoded at 1/8 scale, which libjpeg-turbo
 * does in the DCT (one value per 8×8 block, the same block means {@link DcThumbnailDecoder} reads), in native code.
 * A frame it refuses or decodes only in part (cut short on the wire: libjpeg-turbo fills the missing rows with grey
 * and warns) goes to {@link DcThumbnailDecoder}, which reads what it can or says why not, so a damaged frame is
 * skipped as before, never analysed as a half-grey picture.
 *
 * <p>Not the default: {@code bench-motion} measured it no faster than the DC decoder (about the same at 640×480,
 * 10–20 % slower at 1080p; both must walk every Huffman code of the frame, and the JIT-compiled walk holds its own
 * against libjpeg-turbo's), so {@link MotionAnalyser} keeps {@link DcThumbnailDecoder}; give it this one with
 * {@code MotionAnalyser.Builder.decoder(...)}. It reads what the DC decoder hands to ImageIO (progressive,
 * arithmetic-coded) natively. Holds a native handle: one analyser at a time, and {@link #close} when done (the
 * analyser closes its decoder).
 */
public final class TurboThumbnailDecoder implements ThumbnailDecoder, AutoCloseable {
    private final JpegDecoder decoder;
    private final ThumbnailDecoder fallback;
    private final OutputBuffer out = new OutputBuffer();

    /**
     * @throws IllegalStateException if libjpeg-turbo is not available (see {@link JpegDecoders#turboAvailable()})
     */
    public TurboThumbnailDecoder() {
        this(openTurbo(), new DcThumbnailDecoder());
    }

    TurboThumbnailDecoder(JpegDecoder decoder, ThumbnailDecoder fallback) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public GreyImage decode(byte[] data, int off, int len, GreyImage reuse) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        Jpeg.Size size = Jpeg.size(data, off, len);
        if (size == null || size.width() < 1 || size.height() < 1) {
            return fallback.decode(data, off, len, reuse); // says in words what is wrong
        }
        int w = (size.width() + 7) / 8;
        int h = (size.height() + 7) / 8;
        Decoded d;
        try {
            d = decoder.decode(data, off, len, w, h, PixelLayout.GRAY, out);
        } catch (JpegDecodeException e) {
            return fallback.decode(data, off, len, reuse);
        }
        if (d.warning() != null || d.width() != w || d.height() != h) {
            return fallback.decode(data, off, len, reuse);
        }
        GreyImage img = GreyImage.reuse(reuse, w, h);
        ByteBuffer px = d.pixels();
        if (d.stride() == w) {
            px.get(0, img.pixels(), 0, w * h);
        } else {
            for (int y = 0; y < h; y++) {
                px.get(y * d.stride(), img.pixels(), y * w, w);
            }
        }
        return img;
    }

    /** Which library decodes, for benchmarks and logs. */
    public String name() {
        return decoder.name();
    }

    @Override
    public void close() {
        decoder.close();
    }

    private static JpegDecoder openTurbo() {
        if (!JpegDecoders.turboAvailable()) {
            throw new IllegalStateException("libjpeg-turbo is not available: " + JpegDecoders.unavailableReason());
        }
        return JpegDecoders.open();
    }
}
