package org.mjpegwall.ui.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.mjpegwall.ui.model.FakeDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.review.RecordingIndex;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.TestRecordings;
import org.mjpegwall.ui.render.TileDecoding;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The review view's controls under headless TestFX, on recordings with known frames: two cameras on 2026-11-30,
 * Cam_1 from 14:00:00 and Cam_2 from 14:00:01, each 2 s at 10 fps (a frame every 100 ms), and a motion event of
 * Cam 1 at 14:00:01. The player's clock is {@link FakeTime}: playing moves only when the test moves it.
 */
class ReviewViewTest extends FxRobot {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final long T14 = Duration.ofHours(14).toNanos();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;
    @TempDir
    Path out;

    private final FakeTime time = new FakeTime();
    private final FakeDialogService dialogs = new FakeDialogService();
    private List<byte[]> cam1;
    private List<byte[]> cam2;
    private Stage stage;
    private ReviewView view;
    private TileDecoding decoding;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void recordings() throws Exception {
        cam1 = TestRecordings.frames(0, 20);
        cam2 = TestRecordings.frames(100, 20);
        TestRecordings.write(dir.resolve("Cam_1_2026-11-30_14-00-00.avi"), cam1, 12, 240);
        TestRecordings.write(dir.resolve("Cam_2_2026-11-30_14-00-01.avi"), cam2, 12, 240);
        Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("2026-11-30.jsonl"), "{\"id\":\"2026-11-30_140001-000_cam-1\",\"camera\":\"cam-1\","
                + "\"name\":\"Cam 1\",\"start\":\"2026-11-30T14:00:01Z\",\"end\":\"2026-11-30T14:00:01.500Z\","
                + "\"peakScore\":0.5,\"peakArea\":0.25,\"box\":null,\"keyFrame\":null}\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        if (stage != null) {
            fxRun(() -> {
                view.close();
                stage.close();
            });
            decoding.close();
        }
    }

    private void open(Path folder) {
        open(folder, java.util.function.UnaryOperator.identity());
    }

    private void open(Path folder, java.util.function.UnaryOperator<String> names) {
        ReviewModel model = new ReviewModel(folder, out, ZoneOffset.UTC, new ReviewFakes.FxTasks(), dialogs, time,
                new IndexCache(16));
        decoding = TileDecoding.best();
        fxRun(() -> {
            view = new ReviewView(model, decoding, names);
            stage = new Stage();
            stage.setScene(new Scene(view, 1100, 700));
            stage.show();
            view.start();
        });
    }

    private ReviewModel model() {
        return view.model();
    }

    /** Opens the folder, waits for the day, and zooms the timeline to 14:00:00–14:00:10 (about 13 ms a pixel). */
    private void openLoaded() {
        open(dir);
        waitUntil(10, "the day is indexed", () -> model().loadedProperty().get() != null);
        fxRun(() -> view.timeline().zoomTo(T14, T14 + 10_000 * MS));
    }

    /** Waits until screen {@code i} shows exactly {@code expected} (its bytes as read from the recording). */
    private void waitShows(int i, byte[] expected) {
        waitUntil(10, "screen " + i + " shows the expected frame", () -> {
            CameraScreen s = view.screens().get(i);
            return s.decoder().shownKey() != null && s.decoder().shownKey().equals(s.wanted())
                    && Arrays.equals(expected, s.decoder().shownBytes()) && s.decoder().image() != null;
        });
    }

    /** The colour at the middle of screen {@code i} as drawn (the test frames are an orange disc on dark grey). */
    private javafx.scene.paint.Color centre(int i) {
        return fx(() -> {
            CameraScreen s = view.screens().get(i);
            javafx.scene.image.WritableImage shot = s.snapshot(null, null);
            return shot.getPixelReader().getColor((int) shot.getWidth() / 2, (int) shot.getHeight() / 2);
        });
    }

    @Test
    void theFrameAtTheStartIsDrawnOnScreenWhilePaused() {
        // given
        openLoaded();
        // when nothing is done (paused at the first recording's start)
        waitShows(0, cam1.get(0));
        // then the picture is drawn in the middle of the screen: orange, not the black of an empty screen
        waitUntil(10, "the picture is drawn", () -> centre(0).getRed() > 0.8 && centre(0).getBlue() < 0.3);
    }

    @Test
    void pickingACameraAndADayLoadsItsTimelineWithRecordingsAndEvents() {
        // given
        open(dir);
        // when the folder is read, the first camera and its newest day are picked
        waitUntil(10, "the day is indexed", () -> model().loadedProperty().get() != null);
        // then
        assertEquals("Cam_1", fx(() -> ((ComboBox<?>) lookup("#review-camera").query()).getValue()));
        assertEquals(DAY, fx(() -> model().dayProperty().get()));
        assertEquals(1, fx(() -> lookup(".review-span-lead").queryAll().size()));
        assertEquals(1, fx(() -> lookup(".review-event").queryAll().size()));
        assertTrue(fx(() -> lookup("#review-recordings").queryListView().getItems().size()) == 1);
        assertEquals(List.of("Cam_2"), fx(() -> List.copyOf(model().otherCameras())));
        waitShows(0, cam1.get(0));
        // when the other camera is picked in the camera box
        clickOn("#review-camera");
        clickOn(fx(() -> lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> "Cam_2".equals(((javafx.scene.control.ListCell<?>) n).getText())).findFirst().orElseThrow()));
        // then its day is loaded: its recording on the timeline, no events (they are Cam 1's)
        waitUntil(10, "Cam_2's day is indexed", () -> model().loadedProperty().get() != null
                && model().loadedProperty().get().cameras().equals(List.of("Cam_2")));
        assertEquals(0, fx(() -> lookup(".review-event").queryAll().size()));
        assertEquals(T14 + 1000 * MS, fx(() -> model().loadedProperty().get().lead().get(0).startNanos()));
        waitShows(0, cam2.get(0));
        // and the day box shows the day picked, not its empty prompt ("Day")
        ComboBox<?> day = fx(() -> (ComboBox<?>) lookup("#review-day").query());
        Object picked = fx(day::getValue);
        assertTrue(picked instanceof ReviewModel.DayChoice d && d.day().equals(DAY), "box value: " + picked);
        String shown = fx(() -> day.getButtonCell().getText());
        assertTrue(shown != null && shown.startsWith("2026-11-30"), "box shows: " + shown);
    }

    @Test
    void camerasAreShownByTheWallsNamesNotTheirFileNames() {
        // given a wall whose cameras are called "Cam 1" and "Cam 2" (their files say Cam_1 and Cam_2)
        open(dir, ReviewDay.shownNames(List.of("Cam 1", "Cam 2")));
        // when the folder is read
        waitUntil(10, "the day is indexed", () -> model().loadedProperty().get() != null);
        // then the camera box, the picture's corner and the other camera to play in step say the wall's names
        ComboBox<?> camera = fx(() -> (ComboBox<?>) lookup("#review-camera").query());
        assertEquals("Cam_1", fx(camera::getValue));
        assertEquals("Cam 1", fx(() -> ((javafx.scene.control.ListCell<?>)
                ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) camera.getSkin()).getDisplayNode()).getText()));
        assertEquals("Cam 1", fx(() -> lookup("#review-screen-Cam_1 .review-screen-name").queryAs(Label.class).getText()));
        assertEquals("Cam 2", fx(() -> lookup("#review-extra-Cam_2").queryAs(javafx.scene.control.CheckBox.class)
                .getText()));
    }

    @Test
    void refreshKeepsTheCameraAndThePlaceEvenAfterTheCameraListWasOpened() {
        // given the second camera picked through its box, and a moment of its recording shown
        openLoaded();
        clickOn("#review-camera");
        clickOn(fx(() -> lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> "Cam_2".equals(((javafx.scene.control.ListCell<?>) n).getText())).findFirst().orElseThrow()));
        waitUntil(10, "Cam_2's day is indexed", () -> model().loadedProperty().get() != null
                && model().loadedProperty().get().cameras().equals(List.of("Cam_2")));
        fxRun(() -> model().seek(T14 + 1500 * MS));
        // when the folder is read again
        fxRun(() -> model().refresh());
        waitUntil(10, "read again", () -> !model().indexingProperty().get() && model().loadedProperty().get() != null);
        // then the same camera, at the same moment
        assertEquals("Cam_2", fx(() -> model().cameraProperty().get()));
        assertEquals("Cam_2", fx(() -> ((ComboBox<?>) lookup("#review-camera").query()).getValue()));
        assertEquals(T14 + 1500 * MS, fx(() -> model().position()));
    }

    @Test
    void afterTheFolderIsReadAgainTheSameScreenDrawsThePicture() {
        // given the frame at the start drawn
        openLoaded();
        waitShows(0, cam1.get(0));
        waitUntil(10, "the picture is drawn", () -> centre(0).getRed() > 0.8 && centre(0).getBlue() < 0.3);
        CameraScreen before = fx(() -> view.screens().get(0));
        // when the folder is read again (Refresh, or following a recording being written)
        fxRun(() -> model().refresh());
        waitUntil(10, "read again", () -> !model().indexingProperty().get() && model().loadedProperty().get() != null);
        // then the screen stays (a new one's pictures stayed black on Xvfb with openbox) and shows the frame, drawn
        assertTrue(before == fx(() -> view.screens().get(0)), "the same screen");
        waitShows(0, cam1.get(0));
        waitUntil(10, "the picture is drawn again", () -> centre(0).getRed() > 0.8 && centre(0).getBlue() < 0.3);
    }

    @Test
    void clickingTheTimelineSeeksThereAndShowsTheRecordingsFrameAtThatMoment() throws Exception {
        // given
        openLoaded();
        long target = T14 + 1250 * MS;
        // when
        Point2D at = fx(() -> view.timeline().localToScreen(view.timeline().xOf(target), 30));
        clickOn(at);
        // then the player plays from the moment under the pointer (within a pixel's time)
        long pixel = fx(() -> view.timeline().scale().span() / (long) view.timeline().scale().width());
        long pos = fx(() -> model().position());
        assertTrue(Math.abs(pos - target) <= pixel, "seeked to " + pos + ", wanted " + target);
        assertTrue(fx(() -> model().playing()));
        // and the first screen shows the recording's frame at that moment, byte for byte (time stands still)
        ReviewDay.Placed rec = fx(() -> model().loadedProperty().get().lead().get(0));
        int frame = rec.timeline().frameAt(pos - rec.startNanos());
        assertArrayEquals(rec.timeline().readFrame(frame), cam1.get(frame));
        waitShows(0, cam1.get(frame));
    }

    @Test
    void draggingOnTheTimelineShowsTheFrameUnderThePointerAndPlaysFromWhereItIsLetGo() {
        // given
        openLoaded();
        long a = T14 + 300 * MS;
        long b = T14 + 1650 * MS;
        Point2D from = fx(() -> view.timeline().localToScreen(view.timeline().xOf(a), 30));
        Point2D to = fx(() -> view.timeline().localToScreen(view.timeline().xOf(b), 30));
        long pixel = fx(() -> view.timeline().scale().span() / (long) view.timeline().scale().width());
        // when pressed at 14:00:00.300 and dragged to 14:00:01.650
        drag(from).moveTo(to);
        // then, while the button is held, the player is paused and the picture is the frame under the pointer
        assertFalse(fx(() -> model().playing()));
        assertTrue(fx(() -> view.timeline().scrubbing()));
        assertTrue(pixel < 20 * MS, "a pixel is " + pixel);
        waitShows(0, cam1.get(16)); // 1.600–1.700 s
        // when let go
        release(javafx.scene.input.MouseButton.PRIMARY);
        // then it plays from there
        assertTrue(fx(() -> model().playing()));
        long pos = fx(() -> model().position());
        assertTrue(Math.abs(pos - b) <= pixel, "plays from " + pos + ", let go at " + b);
    }

    @Test
    void playAdvancesWithTheClockAndTheSpeedChoiceScalesIt() {
        // given paused at 14:00:00
        openLoaded();
        fxRun(() -> model().seek(T14));
        // when played for 350 ms
        clickOn("#review-play");
        assertTrue(fx(() -> model().playing()));
        time.advanceBy(Duration.ofMillis(350));
        // then frame 3 (300–400 ms) is shown
        waitShows(0, cam1.get(3));
        // when the speed is set to 4x and 100 ms pass (400 ms of recording)
        fxRun(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Double> speed = (ChoiceBox<Double>) lookup("#review-speed").query();
            speed.setValue(4.0);
            speed.getOnAction().handle(null);
        });
        time.advanceBy(Duration.ofMillis(100));
        // then frame 7 (750 ms) is shown
        waitShows(0, cam1.get(7));
        assertEquals(4.0, fx(() -> model().speedProperty().get()));
        assertEquals("14:00:00.750", fx(() -> ((Label) lookup("#review-time").query()).getText()));
    }

    @Test
    void stepForwardAndBackMoveOneFramePaused() {
        // given playing from 14:00:00.520 (frame 5)
        openLoaded();
        fxRun(() -> model().playFrom(T14 + 520 * MS));
        // when
        clickOn("#review-step-forward");
        // then paused at the start of frame 6
        assertFalse(fx(() -> model().playing()));
        assertEquals(T14 + 600 * MS, fx(() -> model().position()));
        waitShows(0, cam1.get(6));
        // when stepped back twice
        clickOn("#review-step-back").clickOn("#review-step-back");
        // then frame 4
        assertEquals(T14 + 400 * MS, fx(() -> model().position()));
        waitShows(0, cam1.get(4));
    }

    @Test
    void exportWritesAClipOfTheMarkedRangeWithTheRecordingsFramesByteForByte() throws Exception {
        // given marks at 14:00:00.500 and 14:00:01.200
        openLoaded();
        fxRun(() -> model().seek(T14 + 500 * MS));
        clickOn("#review-mark-in");
        fxRun(() -> model().seek(T14 + 1200 * MS));
        clickOn("#review-mark-out");
        Path clip = out.resolve("clip.avi");
        dialogs.saveAnswer = clip;
        // when
        clickOn("#review-export");
        // then the clip holds frames 5..11 of the recording, byte for byte, at their own times from the mark
        waitUntil(10, "the export is told", () -> !dialogs.notes.isEmpty());
        assertEquals(List.of(), dialogs.errors());
        assertEquals(clip, dialogs.notes.get(0).path());
        RecordingIndex index = RecordingIndex.read(clip);
        assertEquals(7, index.frameCount());
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(cam1.get(5 + i), index.readFrame(i), "frame " + i);
            assertEquals(i * 100 * MS, index.frameNanos(i));
        }
        assertEquals(700 * MS, index.durationNanos());
        // when exported again to the same file
        dialogs.notes.clear();
        clickOn("#review-export");
        // then it is refused in words and the clip is unchanged
        waitUntil(10, "the refusal is told", () -> !dialogs.notes.isEmpty());
        assertEquals(List.of("clip.avi already exists; choose another name (export never overwrites a file)."),
                dialogs.errors());
        assertEquals(7, RecordingIndex.read(clip).frameCount());
    }

    @Test
    void saveFrameWritesTheShownFramesExactBytes() throws Exception {
        // given
        openLoaded();
        fxRun(() -> model().seek(T14 + 1430 * MS));
        Path jpg = out.resolve("frame.jpg");
        dialogs.saveAnswer = jpg;
        // when
        clickOn("#review-save-frame");
        // then
        waitUntil(10, "the save is told", () -> !dialogs.notes.isEmpty());
        assertEquals(List.of(), dialogs.errors());
        assertArrayEquals(cam1.get(14), Files.readAllBytes(jpg));
    }

    @Test
    void aTickedCameraPlaysInStepAndShowsNothingBeforeItsRecordingStarts() {
        // given
        openLoaded();
        // when Cam_2 is ticked to play beside Cam_1
        clickOn("#review-extra-Cam_2");
        waitUntil(10, "both cameras are indexed", () -> model().loadedProperty().get() != null
                && model().loadedProperty().get().cameras().equals(List.of("Cam_1", "Cam_2")));
        fxRun(() -> model().seek(T14 + 1550 * MS));
        // then at 14:00:01.550 Cam_1 shows its frame 15 and Cam_2 (0.55 s into its recording) its frame 5
        waitUntil(10, "two screens", () -> view.screens().size() == 2);
        waitShows(0, cam1.get(15));
        waitShows(1, cam2.get(5));
        // when moved to 14:00:00.500, before Cam_2 recorded
        fxRun(() -> model().seek(T14 + 500 * MS));
        // then Cam_2 shows no picture and says why
        waitShows(0, cam1.get(5));
        waitUntil(10, "Cam_2 says it has no recording", () -> view.screens().get(1).wanted() == null
                && view.screens().get(1).lookup(".review-screen-empty").isVisible());
        assertEquals("No recording at this moment",
                fx(() -> ((Label) view.screens().get(1).lookup(".review-screen-empty")).getText()));
    }

    @Test
    void aMissingFolderAndADamagedFileAreToldInWordsAndTheWindowStillWorks() throws Exception {
        // given no folder at all
        open(dir.resolve("nothing-here"));
        // then
        waitUntil(10, "the status says so", () -> model().statusProperty().get().startsWith("There is no recordings folder"));
        assertTrue(fx(() -> lookup("#review-empty").query().isVisible()));
        fxRun(() -> {
            view.close();
            stage.close();
        });
        decoding.close();
        // given a damaged file beside a good one
        Files.writeString(dir.resolve("Cam_1_2026-11-30_15-00-00.avi"), "not a video at all");
        // when
        open(dir);
        waitUntil(10, "the day is indexed", () -> model().loadedProperty().get() != null);
        // then the damaged file is named, the good recording plays
        String status = fx(() -> model().statusProperty().get());
        assertTrue(status.contains("Cam_1_2026-11-30_15-00-00.avi"), status);
        assertEquals(1, fx(() -> model().loadedProperty().get().lead().size()));
        waitShows(0, cam1.get(0));
    }
}
