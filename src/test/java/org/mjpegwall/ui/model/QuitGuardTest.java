package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuitGuardTest {
    @Test
    void nothingToAskWhenNothingRecordsOrIsShared() {
        assertNull(QuitGuard.question(List.of(), List.of(), List.of(), true));
    }

    @Test
    void questionNamesTheCamerasAndSaysRecordingResumes() {
        // when
        String q = QuitGuard.question(List.of("Door", "Yard"), List.of(), List.of("Porch"), true);
        // then
        assertTrue(q.contains("Recording of Door and Yard stops now"), q);
        assertTrue(q.contains("starts again when the wall next starts"), q);
        assertTrue(q.contains("Sharing of Porch stops"), q);
    }

    @Test
    void camerasRecordingByTheirModeAreNamedOnceEvenWhenAlsoRecordingByHand() {
        // when Door records by hand and on motion, and Yard only on motion
        String q = QuitGuard.question(List.of("Door"), List.of("Door", "Yard"), List.of(), true);
        // then Door is named with the recordings, Yard with the cameras that would stop watching
        assertTrue(q.startsWith("Recording of Door stops now"), q);
        assertTrue(q.contains("\n\nYard records by itself (its recording mode): nothing is recorded while the wall is"
                + " closed."), q);
        assertEquals(q.indexOf("Door"), q.lastIndexOf("Door"), q);
    }

    @Test
    void aRunThatSavesNothingPromisesNoResume() {
        String q = QuitGuard.question(List.of("Demo 1"), List.of(), List.of(), false);
        assertFalse(q.contains("starts again"), q);
    }

    @Test
    void longListsAreShortened() {
        assertEquals("A", QuitGuard.names(List.of("A")));
        assertEquals("A, B and C", QuitGuard.names(List.of("A", "B", "C")));
        assertEquals("A, B, C and 2 more", QuitGuard.names(List.of("A", "B", "C", "D", "E")));
    }
}
