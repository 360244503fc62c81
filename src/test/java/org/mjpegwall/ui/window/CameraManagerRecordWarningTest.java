package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;

/** A camera set to record on motion with its motion detection off records nothing: the wall and the manager say so. */
class CameraManagerRecordWarningTest extends WallWindowCase {
    private static final String WARNING = "Nothing will be recorded: recording on motion needs \u201cDetect motion\u201d,"
            + " which is off for this camera. Turn it on, or choose another recording.";

    private void openWall(CameraConfig camera) {
        open(WallConfig.empty().withCamera(camera).withWindow(new WindowGeometry(0, 0, 900, 600, false)), null);
        fxRun(() -> wall.showCameraManager());
        waitUntil(5, "the manager", () -> lookup("#camera-record-mode").tryQuery().isPresent());
    }

    private Label warning() {
        return fx(() -> lookup("#camera-record-warning").queryAs(Label.class));
    }

    private boolean warningShown() {
        return fx(() -> {
            Label w = warning();
            return w.isVisible() && w.isManaged() && w.getScene() != null;
        });
    }

    @Test
    void aCameraLoadedOnMotionWithDetectionOffIsWarnedInTheManagerAndOnTheWall() {
        // given a configuration from before the check: Yard records on motion, its motion detection is off
        CameraConfig yard = CameraConfig.of("Yard", "http://127.0.0.1:9/yard").withRecordMode(RecordingMode.ON_MOTION)
                .withMotion(MotionConfig.DEFAULTS.withEnabled(false));
        // when the wall loads it and the manager shows it
        openWall(yard);
        // then the manager says why nothing will be recorded, under the recording choice
        assertTrue(warningShown(), "the warning is shown");
        assertEquals(WARNING, fx(() -> warning().getText()));
        // and the wall said it once, in words
        List<String> notes = fx(() -> lookup(".notification-text").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals(1, notes.stream().filter(("Yard: " + WARNING)::equals).count(), notes.toString());
        // when detection is turned on in the form, the warning goes
        fxRun(() -> lookup("#camera-motion").queryAs(CheckBox.class).setSelected(true));
        assertFalse(warningShown(), "no warning with detection on");
    }

    @Test
    void turningDetectionOffForAnOnMotionCameraShowsTheWarningAndAnotherRecordingTakesItAway() {
        // given a camera that records only when asked, with motion detection on
        openWall(CameraConfig.of("Door", "http://127.0.0.1:9/door"));
        assertFalse(warningShown(), "nothing to warn of");
        // when the user chooses on motion (which turns detection on), then turns detection off
        @SuppressWarnings("unchecked")
        ChoiceBox<RecordingMode> mode = fx(() -> lookup("#camera-record-mode").queryAs(ChoiceBox.class));
        fxRun(() -> mode.setValue(RecordingMode.ON_MOTION));
        assertFalse(warningShown(), "choosing on motion turned detection on");
        clickOn("#camera-motion");
        // then the form says so at once, before Save
        waitUntil(5, "the warning", this::warningShown);
        assertEquals(WARNING, fx(() -> warning().getText()));
        // and Save refuses it with the same words
        clickOn("#camera-save");
        assertEquals(WARNING, fx(() -> lookup("#camera-message").queryAs(Label.class).getText()));
        // when another recording is chosen, the warning goes
        fxRun(() -> mode.setValue(RecordingMode.CONTINUOUS));
        assertFalse(warningShown(), "continuous recording needs no motion detection");
        Node saved = fx(() -> lookup("#camera-save").query());
        assertFalse(saved.isDisabled());
    }
}
