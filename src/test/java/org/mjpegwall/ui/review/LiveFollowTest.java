package org.mjpegwall.ui.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.TestRecordings;
import org.mjpegwall.ui.model.CurrentThreadTaskExecutor;
import org.mjpegwall.ui.model.FakeDialogService;

/**
 * A review playing a recording that is still being written plays on into what is written since: the recorder's
 * next segment (a file of 1 s, 10 fps) appears while the review has played to the end of the first.
 */
class LiveFollowTest {
    private static final long T14 = Duration.ofHours(14).toNanos();
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private ReviewModel open(FakeTime time) {
        ReviewModel model = new ReviewModel(dir, dir, ZoneOffset.UTC, new CurrentThreadTaskExecutor(),
                new FakeDialogService(), time, new IndexCache(8));
        model.refresh();
        return model;
    }

    private Path segment(String suffix, int firstFrame) throws Exception {
        return TestRecordings.write(dir.resolve("Door_2026-11-30_14-00-00" + suffix + ".avi"),
                TestRecordings.frames(firstFrame, 10), 12, 120);
    }

    @Test
    void playingIntoTheEndOfARecordingStillWrittenPlaysOnIntoWhatWasWrittenSince() throws Exception {
        // given the first second of a recording, indexed just after it was written, played to its end
        Path first = segment("", 0);
        FakeTime time = new FakeTime(Files.getLastModifiedTime(first).toInstant());
        ReviewModel model = open(time);
        LiveFollow follow = new LiveFollow(model);
        assertTrue(model.loadedProperty().get().growing());
        model.playFrom(T14);
        time.advanceBy(Duration.ofSeconds(2));
        assertEquals(T14 + SECOND, model.position());
        assertFalse(model.playing());
        // when the recorder's next segment appears and the review pulses
        List<byte[]> more = TestRecordings.frames(10, 10);
        segment("-002", 10);
        follow.pulse(0);
        // then the recording is read again, and plays on from where it ran out into the new frames
        assertEquals(T14 + 2 * SECOND, model.loadedProperty().get().lastNanos());
        assertTrue(model.playing());
        time.advanceBy(Duration.ofMillis(450));
        assertEquals(T14 + 1450 * MS, model.position());
        assertArrayEquals(more.get(4), model.shownNow().get(0).bytes());
        // when it runs out again and a third segment appears, then it is read only after two seconds since the last time
        time.advanceBy(Duration.ofSeconds(1));
        segment("-003", 20);
        follow.pulse(LiveFollow.EVERY.toNanos() - 1);
        assertEquals(T14 + 2 * SECOND, model.loadedProperty().get().lastNanos());
        follow.pulse(LiveFollow.EVERY.toNanos());
        assertEquals(T14 + 3 * SECOND, model.loadedProperty().get().lastNanos());
        assertTrue(model.playing());
    }

    @Test
    void aRecordingNoLongerWrittenIsNotReadAgain() throws Exception {
        // given a recording indexed a minute after its file last changed, played to its end
        Path first = segment("", 0);
        FakeTime time = new FakeTime(Files.getLastModifiedTime(first).toInstant().plus(Duration.ofMinutes(1)));
        ReviewModel model = open(time);
        LiveFollow follow = new LiveFollow(model);
        assertFalse(model.loadedProperty().get().growing());
        model.playFrom(T14);
        time.advanceBy(Duration.ofSeconds(2));
        // when a file appears and the review pulses
        segment("-002", 10);
        follow.pulse(0);
        // then nothing was read again: the day ends where it did, and the player stays at the end
        assertEquals(T14 + SECOND, model.loadedProperty().get().lastNanos());
        assertFalse(model.playing());
    }
}
