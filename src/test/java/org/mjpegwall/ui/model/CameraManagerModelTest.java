package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.config.MotionConfig;

/** The camera manager's rules without its dialog: the form checked in words, save, remove and reorder. */
class CameraManagerModelTest {
    private final List<CameraConfig> wall = new ArrayList<>(List.of(
            new CameraConfig("a", "Door", "http://127.0.0.1:9/a", null, null, true, null),
            new CameraConfig("b", "Yard", "http://127.0.0.1:9/b", null, null, true, null)));
    private final List<List<CameraConfig>> applied = new ArrayList<>();
    private final CameraManagerModel manager = new CameraManagerModel(() -> List.copyOf(wall), list -> {
        applied.add(list);
        wall.clear();
        wall.addAll(list);
    }, List::of, c -> {
        throw new AssertionError("no connection in this test");
    });

    @Test
    void theFormMakesACameraOrSaysWhatIsWrong() {
        // when the form is filled in well, with a comma in the poll interval and spaces around the user
        CameraManagerModel.Checked ok = manager.check(null, "Porch", "http://127.0.0.1:9/p", " admin ", "pw", true, "0,5");
        // then
        assertNull(ok.problem());
        assertEquals(0.5, ok.camera().snapshotPollSeconds());
        assertEquals("admin", ok.camera().user());
        // when the poll interval is not a number, or the URL is not http
        CameraManagerModel.Checked badPoll = manager.check(null, "Porch", "http://127.0.0.1:9/p", "", "", true, "often");
        CameraManagerModel.Checked badUrl = manager.check(null, "Porch", "rtsp://10.0.0.1/live", "", "", true, "");
        // then nothing is made, and the problem is said in words
        assertNull(badPoll.camera());
        assertEquals("The snapshot-poll interval must be a number of seconds, e.g. 1 or 0.5.", badPoll.problem());
        assertNull(badUrl.camera());
        assertTrue(badUrl.problem().contains("http://"), badUrl.problem());
        assertTrue(applied.isEmpty());
    }

    @Test
    void theMotionFieldsMakeSettingsOrSayWhatIsWrong() {
        // when the fields are filled in well, with a comma in the area
        List<MaskArea> masks = List.of(MaskArea.rectangle(0, 0, 0.5, 0.5));
        CameraManagerModel.MotionChecked ok = CameraManagerModel.checkMotion(true, " 70 ", "0,5", "8", true, masks);
        // then the area is a fraction of the picture, and everything else as typed
        assertNull(ok.problem());
        assertEquals(new MotionConfig(true, 70, 0.005, 8.0, masks, true), ok.motion());
        // when a field is out of range or not a number, the problem is said in words
        assertEquals("The motion sensitivity must be a whole number from 1 to 100 (100 notices the smallest change).",
                CameraManagerModel.checkMotion(true, "150", "0.2", "5", false, List.of()).problem());
        assertTrue(CameraManagerModel.checkMotion(true, "50", "lots", "5", false, List.of()).problem()
                .startsWith("The minimum motion area must be a percentage"));
        assertTrue(CameraManagerModel.checkMotion(true, "50", "0.2", "-1", false, List.of()).problem()
                .startsWith("The event gap must be a number of seconds"));
        assertNull(CameraManagerModel.checkMotion(true, "50", "0.2", "NaN", false, List.of()).motion());
    }

    @Test
    void editingACameraKeepsItsMotionSettings() {
        // given camera a with motion settings of its own
        MotionConfig own = MotionConfig.DEFAULTS.withSensitivity(90).withSound(true);
        wall.set(0, wall.get(0).withMotion(own));
        // when its name is edited in the form
        CameraManagerModel.Checked edited = manager.check("a", "Front door", "http://127.0.0.1:9/a", "", "", true, "");
        // then the camera still has them
        assertEquals(own, edited.camera().motion());
        assertEquals(MotionConfig.DEFAULTS, manager.check(null, "New", "http://127.0.0.1:9/n", "", "", true, "").camera().motion());
    }

    @Test
    void saveReplacesTheCameraWithTheSameIdOrAddsItAtTheEnd() {
        // when
        String edited = manager.save(new CameraConfig("a", "Front door", "http://127.0.0.1:9/a", null, null, true, null));
        String added = manager.save(new CameraConfig("c", "Porch", "http://127.0.0.1:9/c", null, null, true, null));
        // then
        assertEquals("Saved Front door.", edited);
        assertEquals("Added Porch.", added);
        assertEquals(List.of("Front door", "Yard", "Porch"), wall.stream().map(CameraConfig::name).toList());
        assertEquals(2, applied.size());
    }

    @Test
    void removeAndMoveChangeTheWallAndMovingPastAnEndDoesNothing() {
        // when
        assertFalse(manager.move(wall.get(0), -1));
        assertTrue(manager.move(wall.get(0), 1));
        // then
        assertEquals(List.of("Yard", "Door"), wall.stream().map(CameraConfig::name).toList());
        // when
        String removed = manager.remove(wall.get(0));
        // then
        assertEquals("Removed Yard.", removed);
        assertEquals(List.of("Door"), wall.stream().map(CameraConfig::name).toList());
        assertEquals(2, applied.size());
    }

    @Test
    void aFailedTestSaysWhyInWords() {
        // when no frame came
        CameraManagerModel.Message m = CameraManagerModel.describe(new ConnectionTest.Result(null, "connection refused", false), false);
        // then
        assertTrue(m.error());
        assertEquals("Could not get a frame: connection refused", m.text());
    }
}
