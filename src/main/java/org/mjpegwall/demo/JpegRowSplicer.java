package org.mjpegwall.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import org.w3c.dom.Node;

/**
 * Encodes a JPEG whose top part never changes by re-encoding only the changing bottom rows.
 *
 * <p>Why this works: the JPEG is written with a restart marker after every row of MCUs. At a restart the
 * entropy coder starts afresh (DC predictors reset, byte-aligned), so each MCU row's bytes stand alone. The
 * static rows are encoded once; for each frame only the bottom strip is encoded (with the same tables and the
 * same restart interval) and its rows are spliced after the cached ones, with the RST markers renumbered.
 * The result is an ordinary baseline JPEG that any decoder reads, at a fraction of the encoding cost.
 */
final class JpegRowSplicer {
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final int width;
    private final int mcuHeight;
    private final int mcusPerRow;
    private final byte[] header; // SOI .. SOS segment of the full image
    private final List<byte[]> staticRows; // entropy-coded rows above the strip
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private final IIOMetadata stripMetadata;

    /**
     * @param background the full image as it looks without the changing parts
     * @param stripTop first row of the changing strip; must be a multiple of {@link #mcuHeight(ImageWriter)}
     */
    JpegRowSplicer(ImageWriter writer, ImageWriteParam param, BufferedImage background, int stripTop, int mcuWidth,
            int mcuHeight) {
        this.writer = writer;
        this.param = param;
        this.width = background.getWidth();
        this.mcuHeight = mcuHeight;
        this.mcusPerRow = (width + mcuWidth - 1) / mcuWidth;
        if (stripTop % mcuHeight != 0) {
            throw new IllegalArgumentException("strip must start on an MCU row: " + stripTop);
        }
        Parsed full = parse(encode(background, metadataFor(background)));
        this.header = full.header;
        this.staticRows = full.rows.subList(0, stripTop / mcuHeight);
        BufferedImage strip = background.getSubimage(0, stripTop, width, background.getHeight() - stripTop);
        this.stripMetadata = metadataFor(strip);
        Parsed stripParsed = parse(encode(strip, stripMetadata));
        // The splice is only valid if the strip uses exactly the full image's tables.
        if (!Arrays.equals(tables(full.header), tables(stripParsed.header))) {
            throw new IllegalStateException("strip and full image were encoded with different tables");
        }
        if (full.rows.size() != staticRows.size() + stripParsed.rows.size()) {
            throw new IllegalStateException("unexpected MCU row count");
        }
    }

    /** Encodes the full image, given the changing strip (the rows from stripTop down, full width). */
    byte[] encode(BufferedImage strip) {
        Parsed s = parse(encode(strip, stripMetadata));
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + 32 * 1024);
        out.writeBytes(header);
        int total = staticRows.size() + s.rows.size();
        for (int r = 0; r < total; r++) {
            out.writeBytes(r < staticRows.size() ? staticRows.get(r) : s.rows.get(r - staticRows.size()));
            if (r < total - 1) {
                out.write(0xFF);
                out.write(0xD0 + (r % 8));
            }
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private IIOMetadata metadataFor(BufferedImage img) {
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(format);
        IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(mcusPerRow));
        Node sof = seq.getElementsByTagName("sof").item(0);
        seq.insertBefore(dri, sof);
        try {
            md.setFromTree(format, root);
        } catch (IIOInvalidTreeException ex) {
            throw new IllegalStateException("cannot set the restart interval", ex);
        }
        return md;
    }

    private byte[] encode(BufferedImage img, IIOMetadata md) {
        buffer.reset();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, md), param);
        } catch (IOException ex) {
            throw new UncheckedIOException("JPEG encoding failed", ex);
        }
        return buffer.toByteArray();
    }

    private record Parsed(byte[] header, List<byte[]> rows) {
    }

    /** Splits a JPEG into its header (through SOS) and the entropy-coded segments between RST markers. */
    private static Parsed parse(byte[] jpeg) {
        int i = 2; // after SOI
        while (true) {
            if (i + 4 > jpeg.length || (jpeg[i] & 0xFF) != 0xFF) {
                throw new IllegalStateException("malformed JPEG header at " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            i += 2 + length;
            if (marker == 0xDA) {
                break;
            }
        }
        byte[] header = Arrays.copyOf(jpeg, i);
        List<byte[]> rows = new ArrayList<>();
        int start = i;
        while (i < jpeg.length - 1) {
            if ((jpeg[i] & 0xFF) == 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next == 0x00) { // stuffed 0xFF data byte
                    i += 2;
                    continue;
                }
                if ((next >= 0xD0 && next <= 0xD7) || next == 0xD9) {
                    rows.add(Arrays.copyOfRange(jpeg, start, i));
                    i += 2;
                    start = i;
                    if (next == 0xD9) {
                        return new Parsed(header, rows);
                    }
                    continue;
                }
            }
            i++;
        }
        throw new IllegalStateException("JPEG without EOI");
    }

    /** The DQT and DHT segments of a header, to check two encodings share their tables. */
    private static byte[] tables(byte[] header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 2;
        while (i + 4 <= header.length) {
            int marker = header[i + 1] & 0xFF;
            int length = ((header[i + 2] & 0xFF) << 8) | (header[i + 3] & 0xFF);
            if (marker == 0xDB || marker == 0xC4) {
                out.write(header, i, 2 + length);
            }
            i += 2 + length;
        }
        return out.toByteArray();
    }

    /** MCU size in pixels {width, height} of the writer's default encoding of a 3-channel image. */
    static int[] mcuSize(ImageWriter writer, ImageWriteParam param, BufferedImage sample) {
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(sample), param);
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode specs = (IIOMetadataNode) root.getElementsByTagName("componentSpec").item(0);
        int h = Integer.parseInt(specs.getAttribute("HsamplingFactor"));
        int v = Integer.parseInt(specs.getAttribute("VsamplingFactor"));
        return new int[] {8 * h, 8 * v};
    }
}
