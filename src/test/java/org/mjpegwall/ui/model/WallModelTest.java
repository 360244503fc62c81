package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;

/** The wall's rules without a toolkit. */
class WallModelTest {
    private static WallModel wall(int cameras, int perPage) {
        WallModel m = new WallModel();
        m.tilesPerPageProperty().set(perPage);
        IntStream.range(0, cameras).forEach(i ->
                m.cameras().add(new CameraModel(CameraConfig.of("Cam " + (i + 1), "http://h/" + i), null, false)));
        m.selectedProperty().set(0);
        return m;
    }

    @Test
    void pagesHoldAtMostTilesPerPageAndWrap() {
        // given
        WallModel m = wall(20, 16);
        // then
        assertEquals(2, m.pageCount());
        assertEquals(16, m.pageCameras().size());
        // when
        m.nextPage();
        // then
        assertEquals(4, m.pageCameras().size());
        assertEquals("Cam 17", m.pageCameras().get(0).config().name());
        assertEquals(16, m.selectedProperty().get());
        m.nextPage();
        assertEquals(0, m.pageProperty().get());
        m.previousPage();
        assertEquals(1, m.pageProperty().get());
    }

    @Test
    void pagesRoundUpAndAnEmptyWallHasOnePage() {
        assertEquals(1, WallModel.pageCount(0, 16));
        assertEquals(1, WallModel.pageCount(16, 16));
        assertEquals(2, WallModel.pageCount(17, 16));
    }

    @Test
    void arrowsMoveTheSelectionInTheGridAndStopAtTheEdges() {
        // given 9 cameras in 3 columns, first selected
        WallModel m = wall(9, 16);
        // when / then
        m.moveSelection(1, 0, 3);
        assertEquals(1, m.selectedProperty().get());
        m.moveSelection(0, 1, 3);
        assertEquals(4, m.selectedProperty().get());
        m.moveSelection(0, 1, 3);
        m.moveSelection(0, 1, 3);
        assertEquals(7, m.selectedProperty().get());
        m.moveSelection(-1, 0, 3);
        m.moveSelection(-1, 0, 3);
        m.moveSelection(-1, 0, 3);
        assertEquals(4, m.selectedProperty().get());
        m.selectedProperty().set(0);
        m.moveSelection(-1, 0, 3);
        m.moveSelection(0, -1, 3);
        assertEquals(0, m.selectedProperty().get());
    }

    @Test
    void numberKeysFocusCamerasOfThePageShown() {
        // given
        WallModel m = wall(20, 16);
        m.nextPage();
        // when
        assertTrue(m.focusNumber(2));
        // then
        assertEquals("Cam 18", m.focusedProperty().get().config().name());
        assertFalse(m.focusNumber(9));
        m.unfocus();
        assertNull(m.focusedProperty().get());
    }

    @Test
    void inFocusArrowsSwitchTheFocusedCamera() {
        WallModel m = wall(4, 16);
        m.focusNumber(1);
        m.moveSelection(1, 0, 2);
        assertSame(m.cameras().get(1), m.focusedProperty().get());
        m.moveSelection(-1, 0, 2);
        m.moveSelection(-1, 0, 2);
        assertSame(m.cameras().get(3), m.focusedProperty().get());
    }

    @Test
    void moveReordersAndKeepsTheMovedCameraSelected() {
        // given
        WallModel m = wall(4, 16);
        CameraModel first = m.cameras().get(0);
        // when
        m.move(first, 3);
        // then
        assertSame(first, m.cameras().get(3));
        assertEquals("Cam 2", m.cameras().get(0).config().name());
        assertEquals(3, m.selectedProperty().get());
    }

    @Test
    void clampKeepsPageAndSelectionValidAfterRemoval() {
        WallModel m = wall(20, 16);
        m.nextPage();
        m.selectedProperty().set(19);
        m.cameras().remove(10, 20);
        m.clamp();
        assertEquals(0, m.pageProperty().get());
        assertEquals(9, m.selectedProperty().get());
    }
}
