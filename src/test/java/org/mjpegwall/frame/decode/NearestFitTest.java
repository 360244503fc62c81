package org.mjpegwall.frame.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NearestFitTest {
    /** A w×h BGRA picture whose every pixel holds its own coordinates: x in the low 16 bits, y above. */
    private static ByteBuffer coordinates(int w, int h, int stride) {
        ByteBuffer b = ByteBuffer.allocateDirect(stride * h).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.putInt(y * stride + x * 4, (y << 16) | x);
            }
        }
        return b;
    }

    @Test
    void fittedKeepsTheAspectRatioInsideTheBoxAndFittingItAgainGivesItBack() {
        // given / when / then: a 4:3 camera in a 16:9 tile is limited by the height
        assertArrayEquals(new int[] {235, 176}, NearestFit.fitted(640, 480, 316, 176));
        assertArrayEquals(new int[] {300, 225}, NearestFit.fitted(640, 480, 300, 300));
        // and for many sizes, the fitted picture fits the box and fits into it 1:1 again (so the tile draws it unscaled)
        for (int bw = 40; bw < 700; bw += 37) {
            for (int bh = 30; bh < 500; bh += 29) {
                for (int[] src : new int[][] {{640, 480}, {1920, 1080}, {1280, 1024}, {352, 288}}) {
                    int[] f = NearestFit.fitted(src[0], src[1], bw, bh);
                    assertEquals(true, f[0] <= bw && f[1] <= bh, "fits " + bw + "x" + bh);
                    double scale = Math.min((double) bw / f[0], (double) bh / f[1]);
                    assertArrayEquals(f, new int[] {(int) Math.round(f[0] * scale), (int) Math.round(f[1] * scale)},
                            "refit " + bw + "x" + bh);
                }
            }
        }
    }

    @Test
    void eachTargetPixelIsTheSourcePixelUnderItsCentre() {
        // given a 320×240 picture with 8 bytes of padding a row
        int stride = 320 * 4 + 8;
        ByteBuffer src = coordinates(320, 240, stride);
        ByteBuffer dst = ByteBuffer.allocateDirect(235 * 176 * 4).order(ByteOrder.LITTLE_ENDIAN);
        // when
        new NearestFit().resample(src, 320, 240, stride, dst, 235, 176);
        // then
        for (int y = 0; y < 176; y++) {
            for (int x = 0; x < 235; x++) {
                int v = dst.getInt((y * 235 + x) * 4);
                assertEquals((int) ((x + 0.5) * 320 / 235), v & 0xFFFF, "x at " + x + "," + y);
                assertEquals((int) ((y + 0.5) * 240 / 176), v >>> 16, "y at " + x + "," + y);
            }
        }
    }

    @Test
    void halvingTakesEveryOtherPixelAndTheSameSizeIsACopy() {
        // given
        ByteBuffer src = coordinates(8, 6, 32);
        NearestFit fit = new NearestFit();
        ByteBuffer half = ByteBuffer.allocateDirect(4 * 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer same = ByteBuffer.allocateDirect(8 * 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        // when
        fit.resample(src, 8, 6, 32, half, 4, 3);
        fit.resample(src, 8, 6, 32, same, 8, 6);
        // then the tables follow the sizes, and each pixel is right
        assertEquals((1 << 16) | 1, half.getInt(0));
        assertEquals((5 << 16) | 7, half.getInt((2 * 4 + 3) * 4));
        for (int i = 0; i < 48; i++) {
            assertEquals(((i / 8) << 16) | (i % 8), same.getInt(i * 4));
        }
    }

    @Test
    void refusesToEnlargeOrToWriteOutsideItsBuffers() {
        NearestFit fit = new NearestFit();
        ByteBuffer src = coordinates(8, 6, 32);
        ByteBuffer small = ByteBuffer.allocateDirect(4 * 4 * 3 - 1);
        assertThrows(IllegalArgumentException.class,
                () -> fit.resample(src, 8, 6, 32, ByteBuffer.allocateDirect(16 * 12 * 4), 16, 12));
        assertThrows(IllegalArgumentException.class, () -> fit.resample(src, 8, 6, 32, small, 4, 3));
        assertThrows(IllegalArgumentException.class,
                () -> fit.resample(src, 8, 7, 32, ByteBuffer.allocateDirect(64), 4, 3));
        assertThrows(IllegalArgumentException.class, () -> fit.resample(src, 8, 6, 32, small, 0, 3));
    }
}
