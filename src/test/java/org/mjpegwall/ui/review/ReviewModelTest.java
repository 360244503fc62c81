package org.mjpegwall.ui.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.mjpegwall.ui.model.FakeDialogService;
import org.mjpegwall.ui.model.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.TestRecordings;

/**
 * The review's model without a toolkit: a day of two clips around motion (14:00:00–14:00:01 and 14:00:05–14:00:06,
 * 10 fps), played as one film, stepped across the clips, and opened at a motion event.
 */
class ReviewModelTest {
    private static final long T14 = Duration.ofHours(14).toNanos();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final FakeDialogService dialogs = new FakeDialogService();
    private List<byte[]> first;
    private List<byte[]> second;
    private ReviewModel model;

    @BeforeEach
    void day() throws Exception {
        first = TestRecordings.frames(0, 10);
        second = TestRecordings.frames(50, 10);
        TestRecordings.write(dir.resolve("Door_2026-11-30_14-00-00.avi"), first, 12, 120);
        TestRecordings.write(dir.resolve("Door_2026-11-30_14-00-05.avi"), second, 12, 120);
        TestRecordings.write(dir.resolve("Door_2026-11-29_09-00-00.avi"), TestRecordings.frames(90, 3), 12, 36);
        model = new ReviewModel(dir, dir, ZoneOffset.UTC, new CurrentThreadTaskExecutor(), dialogs, time, new IndexCache(8));
        model.refresh();
    }

    @Test
    void listsTheCamerasDaysNewestFirstWithTheirRecordingsAndSizes() {
        // then
        assertEquals(List.of("Door"), model.cameras());
        assertEquals(List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 29)),
                model.days().stream().map(ReviewModel.DayChoice::day).toList());
        assertEquals(2, model.days().get(0).recordings());
        long bytes = Files.exists(dir.resolve("Door_2026-11-30_14-00-00.avi")) ? sizeOf("Door_2026-11-30_14-00-00.avi")
                + sizeOf("Door_2026-11-30_14-00-05.avi") : -1;
        assertEquals(bytes, model.days().get(0).bytes());
        assertEquals(2, model.recordings().size());
        assertEquals(List.of(T14, T14 + 5000 * MS),
                model.loadedProperty().get().lead().stream().map(ReviewDay.Placed::startNanos).toList());
    }

    private long sizeOf(String name) {
        try {
            return Files.size(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refreshShowsWhatWasRecordedSinceAndKeepsThePlaceThePlayingAndTheMarks() throws Exception {
        // given the clip from 14:00:00.300 marked, and playing from 14:00:00.500
        model.seek(T14 + 300 * MS);
        model.export().markIn();
        model.playFrom(T14 + 500 * MS);
        // and a clip recorded since, at 14:00:10
        TestRecordings.write(dir.resolve("Door_2026-11-30_14-00-10.avi"), TestRecordings.frames(70, 10), 12, 120);
        // when the folder is read again
        model.refresh();
        // then the new clip is on the day, and the place, the playing and the mark are as they were
        assertEquals(3, model.recordings().size());
        assertEquals(T14 + 10_000 * MS, model.loadedProperty().get().lead().get(2).startNanos());
        assertEquals(T14 + 500 * MS, model.position());
        assertTrue(model.playing());
        assertEquals(T14 + 300 * MS, model.export().markInProperty().get());
        // when another day is picked, then neither the place nor the mark of this one goes with it
        model.dayProperty().set(LocalDate.of(2026, 11, 29));
        assertEquals(Duration.ofHours(9).toNanos(), model.position());
        assertFalse(model.playing());
        assertEquals(-1, model.export().markInProperty().get());
    }

    @Test
    void playingThroughTheGapBetweenClipsGoesOnWithTheNextClip() throws Exception {
        // given playing from the first clip's last frame
        model.playFrom(T14 + 950 * MS);
        assertArrayEquals(first.get(9), model.shownNow().get(0).bytes());
        // when 100 ms pass: the first clip has ended, the next starts 4 s later
        time.advanceBy(Duration.ofMillis(100));
        List<ReviewDay.Shown> shown = model.shownNow();
        // then the player jumped to the next clip's first frame instead of showing 4 s of nothing
        assertEquals(T14 + 5000 * MS, model.position());
        assertArrayEquals(second.get(0), shown.get(0).bytes());
        assertTrue(model.playing());
    }

    @Test
    void stepsCrossFromOneClipToTheNextAndBack() throws Exception {
        // given at the first clip's last frame
        model.seek(T14 + 900 * MS);
        // when
        model.stepForward();
        // then the next clip's first frame, paused
        assertEquals(T14 + 5000 * MS, model.position());
        assertFalse(model.playing());
        assertArrayEquals(second.get(0), model.shownNow().get(0).bytes());
        // when
        model.stepBack();
        // then the first clip's last frame
        assertEquals(T14 + 900 * MS, model.position());
        assertArrayEquals(first.get(9), model.shownNow().get(0).bytes());
    }

    @Test
    void openingAtAMotionEventShowsItsCameraAndDayFromTwoSecondsBefore() throws Exception {
        // given the older day is shown
        model.dayProperty().set(LocalDate.of(2026, 11, 29));
        assertEquals(1, model.recordings().size());
        // when "Review" on an event of the camera named "Door" at 14:00:07
        model.openAtEvent("Door", Instant.parse("2026-11-30T14:00:07Z"));
        // then its day, playing from 14:00:05, its second clip's first frame
        assertEquals(LocalDate.of(2026, 11, 30), model.dayProperty().get());
        assertEquals(T14 + 5000 * MS, model.position());
        assertTrue(model.playing());
        assertArrayEquals(second.get(0), model.shownNow().get(0).bytes());
    }

    @Test
    void speedsStepThroughTheOfferedOnesAndStopAtTheEnds() {
        // when
        model.changeSpeed(1);
        model.changeSpeed(1);
        // then
        assertEquals(4.0, model.speedProperty().get());
        // when
        for (int i = 0; i < 10; i++) {
            model.changeSpeed(-1);
        }
        // then
        assertEquals(0.25, model.speedProperty().get());
        assertEquals(0.25, model.player().speed());
    }

    @Test
    void anEmptyFolderSaysHowRecordingsAppear() throws Exception {
        // given
        Path empty = Files.createDirectory(dir.resolve("empty"));
        ReviewModel m = new ReviewModel(empty, dir, ZoneOffset.UTC, new CurrentThreadTaskExecutor(), dialogs, time,
                new IndexCache(8));
        // when
        m.refresh();
        // then
        assertTrue(m.statusProperty().get().startsWith("No recordings in " + empty), m.statusProperty().get());
        assertEquals(null, m.loadedProperty().get());
        m.togglePlay(); // nothing to play: nothing happens
        m.export().exportClip();
        assertEquals(List.of("Mark the clip's start (I) and end (O) on the timeline."), dialogs.errors());
    }

    @Test
    void theTimeScaleShowsTheRecordedStretchWithLabelledTicksAndZoomsAroundThePointer() {
        // given a day recorded from 14:00:00 to 14:00:06 on 1200 px
        TimeScale s = TimeScale.around(T14, T14 + 6000 * MS, 1200);
        // then ten minutes around it are shown, 13:55–14:05: a tick every 10 s (20 px), labelled every minute
        assertEquals(T14 - 5 * TimeScale.MINUTE, s.fromNanos());
        assertEquals(T14 + 5 * TimeScale.MINUTE, s.toNanos());
        assertEquals(61, s.ticks().size());
        assertEquals(List.of("13:55", "13:56", "13:57", "13:58", "13:59", "14:00", "14:01", "14:02", "14:03", "14:04",
                "14:05"), s.ticks().stream().map(TimeScale.Tick::label).filter(l -> l != null).toList());
        // when zoomed to 14:00:00–14:00:20
        TimeScale close = new TimeScale(T14, T14 + 20 * TimeScale.SECOND, 1200);
        // then a tick every second (60 px), labelled every 5 s
        assertEquals(List.of("14:00", "14:00:05", "14:00:10", "14:00:15", "14:00:20"),
                close.ticks().stream().map(TimeScale.Tick::label).filter(l -> l != null).toList());
        // when a whole day is shown on 1200 px
        TimeScale day = TimeScale.around(0, TimeScale.DAY, 1200);
        // then a tick every half hour (25 px), labelled every 2 hours (an hour is 50 px: too close for a label)
        assertEquals(49, day.ticks().size());
        assertEquals("00:00", day.ticks().get(0).label());
        assertEquals(null, day.ticks().get(2).label());
        assertEquals("02:00", day.ticks().get(4).label());
        // when zoomed in around x = 300
        TimeScale z = s.zoom(0.5, 300);
        // then the moment under x = 300 stays there, the stretch is half as long
        assertEquals(s.nanos(300), z.nanos(300), 1e6);
        assertEquals(5 * TimeScale.MINUTE, z.span());
    }
}
