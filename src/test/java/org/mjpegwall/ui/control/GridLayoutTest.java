package org.mjpegwall.ui.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridLayoutTest {
    private static final double FOUR_THREE = 4.0 / 3.0;

    @Test
    void squareCountsGiveSquareGridsInAMatchingWindow() {
        assertEquals(1, GridLayout.bestColumns(1, 800, 600, FOUR_THREE));
        assertEquals(2, GridLayout.bestColumns(4, 800, 600, FOUR_THREE));
        assertEquals(3, GridLayout.bestColumns(9, 800, 600, FOUR_THREE));
        assertEquals(4, GridLayout.bestColumns(16, 1280, 960, FOUR_THREE));
    }

    @Test
    void wideWindowsGetMoreColumns() {
        // given 4 cameras in a very wide window, a single row shows each image larger than 2×2
        assertEquals(4, GridLayout.bestColumns(4, 2400, 450, FOUR_THREE));
        // and a tall window stacks them
        assertEquals(1, GridLayout.bestColumns(4, 400, 1600, FOUR_THREE));
    }

    @Test
    void sixteenCamerasIn720pUseFourColumns() {
        assertEquals(4, GridLayout.bestColumns(16, 1280, 720, FOUR_THREE));
    }

    @Test
    void fitKeepsTheAspectRatio() {
        assertArrayEquals(new double[] {320, 240}, GridLayout.fit(640, 480, 320, 300), 1e-9);
        assertArrayEquals(new double[] {160, 90}, GridLayout.fit(1280, 720, 200, 90), 1e-9);
    }

    @Test
    void rowsRoundUp() {
        assertEquals(4, GridLayout.rows(13, 4));
        assertEquals(1, GridLayout.rows(0, 4));
    }
}
