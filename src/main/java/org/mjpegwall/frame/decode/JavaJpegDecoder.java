package org.mjpegwall.frame.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.mjpegwall.frame.Jpeg;

/**
 * The fallback {@link JpegDecoder} when libjpeg-turbo cannot be loaded: the JDK's ImageIO, with the same
 * plan ({@link DecodePlan}) and the same output, so callers need not know which one runs. ImageIO cannot scale
 * in the DCT: it decodes the whole frame (allocating a picture per frame), then this class averages each
 * {@code scale}×{@code scale} block, which is what the DCT scaling amounts to (keeping every n-th pixel instead
 * would alias the sensor noise and the edges); frames above 4K UHD are subsampled while decoding instead, to
 * bound the memory. Slower, but it works everywhere the JDK does.
 */
final class JavaJpegDecoder implements JpegDecoder {
    private final ImageReader reader;
    /** 4K UHD: larger frames are subsampled while decoding rather than decoded whole. */
    private static final long MAX_FULL_PIXELS = 3840L * 2160;

    private final ImageReadParam param;
    private final Warnings warnings = new Warnings();
    private int[] row = new int[0];
    private int[] sums = new int[0];
    private boolean closed;

    JavaJpegDecoder() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no JPEG reader");
        }
        reader = readers.next();
        reader.addIIOReadWarningListener(warnings);
        param = reader.getDefaultReadParam();
    }

    @Override
    public String name() {
        return "ImageIO";
    }

    @Override
    public Decoded decode(byte[] data, int off, int len, int maxWidth, int maxHeight, PixelLayout layout,
            OutputBuffer out) throws JpegDecodeException {
        DecodePlan.checkArguments(data, off, len, layout, out);
        if (closed) {
            throw new IllegalStateException("decoder closed");
        }
        DecodePlan.checkLength(len);
        Jpeg.Size size = Jpeg.size(data, off, len);
        if (size == null) {
            throw new JpegDecodeException("not a decodable JPEG: no frame header before the scan");
        }
        DecodePlan plan = DecodePlan.of(size.width(), size.height(), maxWidth, maxHeight, layout, DecodePlan.SCALES);
        // Above 4K UHD, ImageIO keeps only every scale-th pixel while decoding (aliasing, but a picture of the
        // plan's size instead of up to 200 MB for the whole frame).
        int subsample = (long) plan.sourceWidth() * plan.sourceHeight() > MAX_FULL_PIXELS ? plan.scale() : 1;
        BufferedImage image = read(Jpeg.withStandardHuffmanTables(data, off, len), subsample);
        int expectedW = DecodePlan.scaled(plan.sourceWidth(), subsample);
        int expectedH = DecodePlan.scaled(plan.sourceHeight(), subsample);
        if (image.getWidth() != expectedW || image.getHeight() != expectedH) {
            throw new JpegDecodeException("the frame decodes to " + image.getWidth() + "x" + image.getHeight()
                    + " pixels, not the " + plan.sourceWidth() + "x" + plan.sourceHeight() + " its header states");
        }
        ByteBuffer pixels = out.reserve(plan.bytes());
        copy(image, plan, plan.scale() / subsample, pixels);
        pixels.clear().limit(plan.bytes());
        return new Decoded(plan, pixels, warnings.first);
    }

    private BufferedImage read(byte[] jpeg, int subsample) throws JpegDecodeException {
        warnings.first = null;
        param.setSourceSubsampling(subsample, subsample, 0, 0);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0, param);
        } catch (IOException e) {
            throw new JpegDecodeException("not a decodable JPEG: " + e.getMessage(), e);
        } catch (RuntimeException e) { // ImageIO throws unchecked exceptions on some broken frames
            throw new JpegDecodeException("not a decodable JPEG: " + e, e);
        } finally {
            reader.setInput(null);
        }
    }

    /**
     * Averages each {@code s}×{@code s} block of the decoded picture into one pixel of the plan's layout
     * (what the DCT scaling of libjpeg-turbo amounts to); the luma weights are JFIF's, as libjpeg's.
     */
    private void copy(BufferedImage image, DecodePlan plan, int s, ByteBuffer out) {
        int w = plan.width();
        int fullW = image.getWidth();
        int fullH = image.getHeight();
        boolean bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR;
        // Why not getRGB for grey: it converts the linear grey colour space to sRGB, brightening the picture.
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] src = bgr || grey ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
        if (row.length < fullW) {
            row = new int[fullW];
        }
        if (sums.length < w * 3) {
            sums = new int[w * 3];
        }
        int o = 0;
        for (int y = 0; y < plan.height(); y++) {
            Arrays.fill(sums, 0, w * 3, 0);
            int y1 = Math.min(fullH, (y + 1) * s);
            for (int sy = y * s; sy < y1; sy++) {
                if (bgr) {
                    for (int x = 0, i = sy * fullW * 3; x < fullW; x++, i += 3) {
                        row[x] = (src[i + 2] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i] & 0xFF);
                    }
                } else if (grey) {
                    for (int x = 0, i = sy * fullW; x < fullW; x++, i++) {
                        row[x] = (src[i] & 0xFF) * 0x010101;
                    }
                } else {
                    image.getRGB(0, sy, fullW, 1, row, 0, fullW);
                }
                for (int x = 0; x < fullW; x++) {
                    int p = row[x];
                    int k = x / s * 3;
                    sums[k] += p >> 16 & 0xFF;
                    sums[k + 1] += p >> 8 & 0xFF;
                    sums[k + 2] += p & 0xFF;
                }
            }
            int rows = y1 - y * s;
            for (int x = 0; x < w; x++) {
                int n = rows * (Math.min(fullW, (x + 1) * s) - x * s);
                int r = (sums[x * 3] + n / 2) / n;
                int g = (sums[x * 3 + 1] + n / 2) / n;
                int b = (sums[x * 3 + 2] + n / 2) / n;
                if (plan.layout() == PixelLayout.BGRA) {
                    out.put(o++, (byte) b).put(o++, (byte) g).put(o++, (byte) r).put(o++, (byte) 0xFF);
                } else {
                    out.put(o++, (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8));
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.dispose();
    }

    /** Keeps ImageIO's first warning of a frame ("Premature end of JPEG file", ...). */
    private static final class Warnings implements javax.imageio.event.IIOReadWarningListener {
        String first;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (first == null) {
                first = warning;
            }
        }
    }
}
