package org.mjpegwall.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.TestRecordings;

class PlayerTest {
    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private List<byte[]> frames;
    private Timeline timeline;

    @BeforeEach
    void recording() throws IOException {
        // 2 s at 10 fps (a frame every 12 ticks) in two 1 s segments
        frames = TestRecordings.frames(0, 20);
        Path a = TestRecordings.write(dir.resolve("cam.avi"), frames.subList(0, 10), 12, 120);
        Path b = TestRecordings.write(dir.resolve("cam-002.avi"), frames.subList(10, 20), 12, 120);
        IndexCache cache = new IndexCache(4);
        timeline = Timeline.of(List.of(cache.open(a), cache.open(b)));
    }

    /** The frame numbers shown at each 50 ms pulse, for {@code pulses} pulses. */
    private List<Integer> pulses(Player p, int pulses) {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < pulses; i++) {
            seen.add(p.shown().get(0).frame());
            time.advanceBy(Duration.ofMillis(50));
        }
        return seen;
    }

    @Test
    void playsAtTheRecordedTimingAcrossTheSegmentBoundary() throws IOException {
        // given
        Player p = Player.of(time, timeline);
        p.seek(800_000_000L);
        // when
        p.play();
        List<Integer> seen = pulses(p, 8);
        // then each frame shows for exactly 100 ms (two pulses), through the boundary at 1 s
        assertEquals(List.of(8, 8, 9, 9, 10, 10, 11, 11), seen);
        assertArrayEquals(frames.get(10), p.shownAt(1_000_000_000L).get(0).bytes());
    }

    @Test
    void speedsScaleTheClock() {
        // given
        Player p = Player.of(time, timeline);
        // when at 4x each 50 ms pulse moves 200 ms
        p.setSpeed(4.0);
        p.play();
        List<Integer> fast = pulses(p, 4);
        // then
        assertEquals(List.of(0, 2, 4, 6), fast);
        // when at 1/4x a frame lasts 400 ms
        p.pause();
        p.seek(0);
        p.setSpeed(0.25);
        p.play();
        List<Integer> slow = pulses(p, 10);
        // then
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1), slow);
        assertThrows(IllegalArgumentException.class, () -> p.setSpeed(3.0));
    }

    @Test
    void pauseHoldsTheFrameAndPlayStopsAtTheEnd() {
        // given
        Player p = Player.of(time, timeline);
        p.play();
        time.advanceBy(Duration.ofMillis(350));
        // when
        p.pause();
        time.advanceBy(Duration.ofSeconds(5));
        // then
        assertEquals(3, p.shown().get(0).frame());
        assertEquals(350_000_000L, p.position());
        assertFalse(p.ranOut(), "paused by hand");
        // when played past the end at 16x
        p.setSpeed(16.0);
        p.play();
        time.advanceBy(Duration.ofSeconds(1));
        // then it stops on the last frame, having run out
        assertFalse(p.playing());
        assertTrue(p.ranOut());
        assertEquals(timeline.durationNanos(), p.position());
        assertEquals(-1, p.shown().get(0).frame(), "past the end, no picture");
        p.stepBack();
        assertEquals(18, p.shown().get(0).frame());
        assertFalse(p.ranOut(), "moved since");
    }

    @Test
    void stepsOneFrameForwardAndBack() {
        // given
        Player p = Player.of(time, timeline);
        p.seek(950_000_000L);
        p.play();
        // when
        p.stepForward();
        // then the player pauses on the next frame's start, over the segment boundary
        assertFalse(p.playing());
        assertEquals(10, p.shown().get(0).frame());
        assertEquals(timeline.frameNanos(10), p.position());
        p.stepForward();
        assertEquals(11, p.shown().get(0).frame());
        p.stepBack();
        p.stepBack();
        assertEquals(9, p.shown().get(0).frame());
        for (int i = 0; i < 30; i++) {
            p.stepBack();
        }
        assertEquals(0, p.shown().get(0).frame());
    }

    @Test
    void seeksToAnyMomentAndShowsTheFrameThere() throws IOException {
        // given
        Player p = Player.of(time, timeline);
        // when / then
        for (int g = 0; g < 20; g++) {
            p.seek(g * 100_000_000L + 99_000_000L);
            assertArrayEquals(frames.get(g), p.shown().get(0).bytes(), "moment in frame " + g);
        }
        p.seek(-5);
        assertEquals(0, p.position());
    }

    @Test
    void keepsSeveralCamerasInStep() throws IOException {
        // given a second camera starting 0.5 s later, 5 fps
        List<byte[]> other = TestRecordings.frames(100, 5);
        Path c = TestRecordings.write(dir.resolve("yard.avi"), other, 24, 120);
        Timeline yard = Timeline.of(List.of(RecordingIndex.read(c)));
        Player p = new Player(time, List.of(new Player.Track("door", timeline, 0),
                new Player.Track("yard", yard, 500_000_000L)));
        // when
        p.play();
        List<List<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(p.shown().stream().map(Player.Shown::frame).toList());
            time.advanceBy(Duration.ofMillis(100));
        }
        // then one clock: the yard has no picture before its start, then a frame every 200 ms
        assertEquals(List.of(List.of(0, -1), List.of(1, -1), List.of(2, -1), List.of(3, -1), List.of(4, -1),
                List.of(5, 0), List.of(6, 0), List.of(7, 1)), seen);
        assertArrayEquals(other.get(1), p.shown().get(1).bytes());
        assertTrue(p.durationNanos() >= 2_000_000_000L);
    }
}
