package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrismTuningTest {
    private final String before = System.getProperty(PrismTuning.DIRTY_REGIONS);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PrismTuning.DIRTY_REGIONS);
        } else {
            System.setProperty(PrismTuning.DIRTY_REGIONS, before);
        }
    }

    @Test
    void asksForAsManyDirtyRegionsAsJavaFxTakesUnlessTheCommandLineSaidOtherwise() {
        // given nothing on the command line / when / then
        System.clearProperty(PrismTuning.DIRTY_REGIONS);
        PrismTuning.apply();
        assertEquals("15", System.getProperty(PrismTuning.DIRTY_REGIONS));
        // given -Dprism.dirtyRegionCount=6 / when / then it stays
        System.setProperty(PrismTuning.DIRTY_REGIONS, "6");
        PrismTuning.apply();
        assertEquals("6", System.getProperty(PrismTuning.DIRTY_REGIONS));
    }
}
