package org.mjpegwall.motion;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.mjpegwall.frame.Jpeg;

/**
 * A thumbnail through the JDK's full JPEG decoder, for the JPEGs that {@link DcThumbnailDecoder} does
 * not read (progressive and other rare kinds). Reads every second pixel of every second row (ImageIO's
 * source subsampling, so memory stays at a quarter of the picture) and averages 4×4 of those per
 * thumbnail pixel, so its thumbnails match the DC decoder's in size and closely in value.
 */
public final class ImageIoThumbnailDecoder implements ThumbnailDecoder {
    /** Largest picture handed to ImageIO: 4096 × 4096 pixels (a 12 MB subsampled image). */
    static final long MAX_PIXELS = 4096L * 4096;

    @Override
    public GreyImage decode(byte[] data, int off, int len, GreyImage reuse) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        Jpeg.Size size = Jpeg.size(data, off, len);
        if (size == null || size.width() == 0 || size.height() == 0) {
            throw new JpegFormatException("not a JPEG with a frame size");
        }
        if ((long) size.width() * size.height() > MAX_PIXELS) {
            throw new JpegFormatException("JPEG too large for the fallback decoder: " + size.width() + "x" + size.height());
        }
        byte[] fixed = Jpeg.withStandardHuffmanTables(data, off, len);
        BufferedImage img = read(fixed);
        int tw = (size.width() + 7) / 8;
        int th = (size.height() + 7) / 8;
        GreyImage out = GreyImage.reuse(reuse, tw, th);
        int[] sum = new int[tw];
        int[] count = new int[tw];
        int[] row = new int[img.getWidth()];
        // A grey JPEG's samples as they are: getRGB would convert them from linear grey to sRGB.
        boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] px = out.pixels();
        for (int ty = 0; ty < th; ty++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            for (int y = ty * 4; y < Math.min(img.getHeight(), ty * 4 + 4); y++) {
                if (grey) {
                    img.getRaster().getSamples(0, y, row.length, 1, 0, row);
                } else {
                    img.getRGB(0, y, row.length, 1, row, 0, row.length);
                }
                for (int x = 0; x < row.length; x++) {
                    int rgb = row[x];
                    // ITU-R BT.601 luma, as JPEG's Y: 0.299 R + 0.587 G + 0.114 B
                    int yv = grey ? rgb
                            : (77 * ((rgb >> 16) & 0xFF) + 150 * ((rgb >> 8) & 0xFF) + 29 * (rgb & 0xFF) + 128) >> 8;
                    int tx = Math.min(x / 4, tw - 1);
                    sum[tx] += yv;
                    count[tx]++;
                }
            }
            for (int tx = 0; tx < tw; tx++) {
                int fromAbove = ty > 0 ? px[(ty - 1) * tw + tx] & 0xFF : 128;
                px[ty * tw + tx] = (byte) (count[tx] == 0 ? fromAbove : (sum[tx] + count[tx] / 2) / count[tx]);
            }
        }
        return out;
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                throw new IOException("no JPEG reader in this Java runtime");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(2, 2, 0, 0);
                BufferedImage img = reader.read(0, param);
                if (img == null) {
                    throw new JpegFormatException("not a JPEG image");
                }
                return img;
            } catch (IOException | RuntimeException e) {
                throw e instanceof JpegFormatException j ? j
                        : new JpegFormatException("cannot decode JPEG: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
