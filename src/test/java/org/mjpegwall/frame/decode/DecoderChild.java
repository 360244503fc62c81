package org.mjpegwall.frame.decode;

/**
 * A child JVM for {@link JpegDecodersTest}, so that each test gets its own once-per-JVM choice of decoder:
 * opens three decoders one after the other, decodes a 640x480 frame for a 320x240 tile with each, and prints
 * "NAME WIDTHxHEIGHT" per decode.
 */
public final class DecoderChild {
    private DecoderChild() {
    }

    public static void main(String[] args) throws Exception {
        byte[] jpeg = TestFrames.photo(640, 480);
        for (int i = 0; i < 3; i++) {
            try (JpegDecoder d = JpegDecoders.open()) {
                Decoded out = d.decode(jpeg, 0, jpeg.length, 320, 240, PixelLayout.BGRA, new OutputBuffer());
                System.out.println(d.name() + " " + out.width() + "x" + out.height());
            }
        }
        System.out.println("turboAvailable=" + JpegDecoders.turboAvailable());
    }
}
