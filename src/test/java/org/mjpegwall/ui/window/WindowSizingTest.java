package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.WindowGeometry;

/** The size rules of the wall's windows, without a toolkit. */
class WindowSizingTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D SECOND = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void defaultSizeIsAskedOnABigScreenAndShrunkToNinetyPercentOnASmallOne() {
        // when / then
        assertArrayEquals(new double[] {1280, 720}, WindowSizing.WALL.defaults(FULL_HD));
        assertArrayEquals(new double[] {921, 691}, WindowSizing.WALL.defaults(new Rectangle2D(0, 0, 1024, 768)));
    }

    @Test
    void minimumNeverExceedsTheScreen() {
        // given a tiny screen
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        // then the minimum and the default fit on it
        assertArrayEquals(new double[] {640, 480}, WindowSizing.WALL.min(tiny));
        double[] d = WindowSizing.WALL.defaults(tiny);
        assertTrue(d[0] <= 640 && d[1] <= 480);
    }

    @Test
    void theGlitchSizeOfAWindowManagerIsNeitherSavedNorRestored() {
        // given the size JavaFX 21 reports under openbox before the window is sized (200×200 plus decorations)
        WindowGeometry glitch = new WindowGeometry(320, 131, 202, 225, false);
        // then it is not worth saving, and a file that holds it is not used
        assertFalse(WindowSizing.WALL.worthSaving(202, 225));
        assertNull(WindowSizing.WALL.usable(glitch, List.of(FULL_HD)));
        assertArrayEquals(new double[] {1280, 720}, WindowSizing.WALL.size(glitch, FULL_HD));
    }

    @Test
    void aSavedGeometryIsUsedWhenItIsBigEnoughAndOnAScreen() {
        // given
        WindowGeometry onSecond = new WindowGeometry(2000, 100, 1000, 700, false);
        // then
        assertEquals(onSecond, WindowSizing.WALL.usable(onSecond, List.of(FULL_HD, SECOND)));
        assertTrue(WindowSizing.WALL.worthSaving(1000, 700));
    }

    @Test
    void aGeometryOnAMonitorThatIsGoneKeepsItsSizeButNotItsPlace() {
        // given a window last seen on a second monitor, now unplugged
        WindowGeometry onSecond = new WindowGeometry(2000, 100, 1000, 700, false);
        // then its place is not used, its size is
        assertNull(WindowSizing.WALL.usable(onSecond, List.of(FULL_HD)));
        assertArrayEquals(new double[] {1000, 700}, WindowSizing.WALL.size(onSecond, FULL_HD));
    }

    @Test
    void damagedGeometriesAreIgnored() {
        assertNull(WindowSizing.WALL.usable(new WindowGeometry(Double.NaN, 0, 1000, 700, false), List.of(FULL_HD)));
        for (WindowGeometry g : List.of(new WindowGeometry(0, 0, 0, -5, false),
                new WindowGeometry(0, 0, 1e9, 1e9, false),
                new WindowGeometry(0, 0, Double.POSITIVE_INFINITY, 700, false))) {
            assertNull(WindowSizing.WALL.usable(g, List.of(FULL_HD)), g.toString());
            assertArrayEquals(new double[] {1280, 720}, WindowSizing.WALL.size(g, FULL_HD), g.toString());
        }
    }

    @Test
    void aDialogIsCentredOnItsOwnerAndKeptOnTheScreenTitleFirst() {
        // given an owner near the bottom-right corner
        Rectangle2D owner = new Rectangle2D(1500, 900, 400, 150);
        // when
        double[] at = WindowSizing.centreOn(owner, FULL_HD, 600, 400);
        // then the dialog lies on the screen
        assertTrue(at[0] >= 0 && at[0] + 600 <= 1920, "x " + at[0]);
        assertTrue(at[1] >= 0 && at[1] + 400 <= 1050, "y " + at[1]);
        // and a dialog taller than the screen starts at its top, so its title bar can be reached
        assertEquals(0, WindowSizing.centreOn(owner, FULL_HD, 600, 2000)[1]);
    }
}
