package org.mjpegwall.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoCameraTest {
    @Test
    void rendersDecodableJpegOfTheRequestedSize() throws Exception {
        // given
        DemoCamera camera = new DemoCamera("Size test", 640, 480);

        // when
        byte[] jpeg = camera.render(0);

        // then
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
    }

    @Test
    void consecutiveFramesDiffer() {
        // given
        DemoCamera camera = new DemoCamera("Live test", 320, 240);

        // when
        byte[] a = camera.render(10);
        byte[] b = camera.render(11);

        // then
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void theMovingSquareMoves() throws Exception {
        // given two frames rendered at the same instant would still differ in the square's position
        DemoCamera camera = new DemoCamera("Motion test", 320, 240);
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(camera.render(0)));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(camera.render(60)));

        // when: sample the bottom strip where the square travels
        int y = 240 - 240 / 32 - 2;
        int orangeA = -1;
        int orangeB = -1;
        for (int x = 0; x < 320; x++) {
            if (isOrange(a.getRGB(x, y)) && orangeA < 0) {
                orangeA = x;
            }
            if (isOrange(b.getRGB(x, y)) && orangeB < 0) {
                orangeB = x;
            }
        }

        // then
        assertTrue(orangeA >= 0 && orangeB >= 0, "square found in both frames");
        assertTrue(Math.abs(orangeA - orangeB) > 50, "square moved from x=" + orangeA + " to x=" + orangeB);
    }

    private static boolean isOrange(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int bl = rgb & 0xFF;
        return r > 200 && g > 150 && g < 230 && bl < 80;
    }

    @Test
    void rejectsSizesOutsideTheSupportedRange() {
        // when
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new DemoCamera("x", 10, 10));

        // then
        assertThat(ex.getMessage(), containsString("64x64"));
    }

    @Test
    void splicedFramesDecodeToExactlyTheWholeFrameEncoding() throws Exception {
        for (int[] size : new int[][] {{640, 480}, {333, 201}, {64, 64}}) {
            // given
            DemoCamera camera = new DemoCamera("Splice " + size[0], size[0], size[1]);
            java.time.LocalDateTime t = java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5);
            assertTrue(camera.splicing(), "splices at " + size[0] + "x" + size[1]);

            // when
            BufferedImage spliced = ImageIO.read(new ByteArrayInputStream(camera.render(42, t, true)));
            BufferedImage whole = ImageIO.read(new ByteArrayInputStream(camera.render(42, t, false)));

            // then
            assertEquals(size[0], spliced.getWidth());
            assertEquals(size[1], spliced.getHeight());
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    if (spliced.getRGB(x, y) != whole.getRGB(x, y)) {
                        throw new AssertionError("pixel differs at " + x + "," + y + " for " + size[0] + "x" + size[1]);
                    }
                }
            }
        }
    }
}
