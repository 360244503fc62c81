package org.mjpegwall.record;

/** Reads a JPEG's width and height from its SOF marker, without decoding the image. */
public record JpegInfo(int width, int height) {

    /**
     * Finds the frame header of a JPEG.
     *
     * @return the size, or {@code null} if the bytes are not a JPEG with a frame header before the scan
     */
    public static JpegInfo parse(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return null;
        }
        int i = 2;
        while (i + 3 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // markers without a length
                i += 2;
                continue;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 8 >= jpeg.length) {
                    return null;
                }
                int height = ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF);
                int width = ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
                return new JpegInfo(width, height);
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }
}
