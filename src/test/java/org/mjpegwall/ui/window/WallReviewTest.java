package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.testing.TestRecordings;
import org.mjpegwall.ui.model.WallSession;
import org.mjpegwall.ui.review.ReviewView;

/** The review opened from the wall: Ctrl+R over its recordings folder, and ▶ on a motion event at that event. */
class WallReviewTest extends WallWindowCase {
    @TempDir
    Path recordings;

    private void openWall() throws Exception {
        // a 10 s recording of "Cam 1" from 14:00:00 (local time), 10 fps
        TestRecordings.write(recordings.resolve("Cam_1_2026-11-30_14-00-00.avi"), TestRecordings.frames(0, 100), 12,
                1200);
        WallConfig config = WallConfig.empty().withRecordingsFolder(recordings.toString())
                .withWindow(new WindowGeometry(0, 0, 1000, 600, false));
        WallSession session = new WallSession(null, false, config, List.of(), false, c -> null, null);
        wall = fx(() -> new WallWindow(new Stage(), session));
    }

    private ReviewView review() {
        return fx(() -> Window.getWindows().stream().map(w -> w.getScene() == null ? null : w.getScene().lookup("#review-root"))
                .filter(n -> n instanceof ReviewView).map(n -> (ReviewView) n).findFirst().orElse(null));
    }

    @Test
    void ctrlROpensTheReviewOverTheWallsRecordingsFolder() throws Exception {
        // given
        openWall();
        clickOn(wall.stage().getScene().getRoot());
        // when
        press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        // then
        waitUntil(10, "the review is open with the folder's recording", () -> review() != null
                && review().model().loadedProperty().get() != null);
        assertEquals(recordings, fx(() -> review().model().folder()));
        assertEquals("Cam_1", fx(() -> review().model().cameraProperty().get()));
    }

    @Test
    void thePlayButtonOfAMotionEventOpensTheReviewTwoSecondsBeforeIt() throws Exception {
        // given an event of Cam 1 at 14:00:05 in the event list beside the wall
        openWall();
        LocalDateTime at = LocalDateTime.of(2026, 11, 30, 14, 0, 5);
        MotionEvent event = new MotionEvent("cam-1", "Cam 1", at.atZone(ZoneId.systemDefault()).toInstant(), null, 0, 0,
                0.5, 0.2, null, new Frame(TestJpegs.real(64, 48, 1), 1, 0, 0));
        fxRun(() -> {
            wall.controller().motion().events().add(0, event);
            wall.eventListShown().set(true);
        });
        waitUntil(10, "the event's ▶ is shown", () -> wall.eventList().lookup(".event-review") != null);
        // when
        long t0 = System.nanoTime();
        clickOn((Node) fx(() -> wall.eventList().lookup(".event-review")));
        // then the review shows Cam 1's day, playing (on the wall's real clock) from 14:00:03
        waitUntil(10, "the review shows the event's day", () -> review() != null
                && review().model().loadedProperty().get() != null);
        long[] seen = fx(() -> new long[] {review().model().player().position(), review().model().playing() ? 1 : 0});
        long waited = System.nanoTime() - t0;
        assertEquals("Cam_1", fx(() -> review().model().cameraProperty().get()));
        long from = Duration.ofHours(14).plusSeconds(3).toNanos();
        assertTrue(seen[0] >= from && seen[0] <= from + waited, "position " + seen[0] + ", played from " + from);
        assertEquals(1, seen[1]);
    }
}
