package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;

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
