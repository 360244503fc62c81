package org.mjpegwall.motion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mjpegwall.motion.MotionResult.Transition;

/** The detector's rules frame by frame, on hand-made thumbnails (80×60, as from a 640×480 camera). */
class MotionDetectorTest {
    private static final int W = 80;
    private static final int H = 60;
    private static final long MS = 1_000_000L;

    /** A textured still picture. */
    private static GreyImage room() {
        Random r = new Random(1);
        GreyImage g = new GreyImage(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                g.set(x, y, 70 + x + y / 2 + r.nextInt(5));
            }
        }
        return g;
    }

    private static GreyImage withSquare(int x0, int y0, int size, int value) {
        GreyImage g = room();
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                g.set(x, y, value);
            }
        }
        return g;
    }

    /** Feeds still frames every 200 ms from {@code from} (inclusive) to {@code to} (exclusive); returns the time reached. */
    private static long still(MotionDetector d, long from, long to, List<MotionResult> out) {
        long t = from;
        for (; t < to; t += 200 * MS) {
            out.add(d.analyse(room(), t));
        }
        return t;
    }

    /** A detector past its first second of learning, at time 2 s. */
    private static MotionDetector learned(MotionSettings s) {
        MotionDetector d = new MotionDetector(s);
        still(d, 0, 2000 * MS, new java.util.ArrayList<>());
        return d;
    }

    @Test
    void nothingCountsWhileTheFirstSecondIsLearned() {
        // given
        MotionDetector d = new MotionDetector(MotionSettings.DEFAULTS.withConfirmFrames(1));
        d.analyse(room(), 0);

        // when an object moves during the first second
        MotionResult r = d.analyse(withSquare(10, 10, 12, 250), 400 * MS);

        // then
        assertTrue(r.learning());
        assertFalse(r.motion());
        assertEquals(Transition.NONE, r.transition());
    }

    @Test
    void anEventStartsOnlyAfterTheConfirmationFramesInARow() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS.withConfirmFrames(3));
        long t = 2000 * MS;

        // when motion, still, motion, motion, still: never three in a row
        Transition[] seen = {
            d.analyse(withSquare(10, 10, 8, 250), t).transition(),
            d.analyse(room(), t + 200 * MS).transition(),
            d.analyse(withSquare(14, 10, 8, 250), t + 400 * MS).transition(),
            d.analyse(withSquare(18, 10, 8, 250), t + 600 * MS).transition(),
            d.analyse(room(), t + 800 * MS).transition(),
        };
        // and then three in a row
        MotionResult first = d.analyse(withSquare(22, 10, 8, 250), t + 1000 * MS);
        MotionResult second = d.analyse(withSquare(26, 10, 8, 250), t + 1200 * MS);
        MotionResult third = d.analyse(withSquare(30, 10, 8, 250), t + 1400 * MS);

        // then
        assertEquals(List.of(Transition.NONE, Transition.NONE, Transition.NONE, Transition.NONE, Transition.NONE),
                List.of(seen));
        assertTrue(first.motion());
        assertEquals(Transition.NONE, second.transition());
        assertEquals(Transition.START, third.transition());
        assertEquals(t + 1000 * MS, third.eventStartNanos(), "the event is dated from its first motion frame");
    }

    @Test
    void anEventEndsAfterTheQuietGapDatedAtItsLastMotion() {
        // given an open event, gap 3 s
        MotionDetector d = learned(MotionSettings.DEFAULTS.withConfirmFrames(1).withEventGapSeconds(3));
        long t = 2000 * MS;
        assertEquals(Transition.START, d.analyse(withSquare(10, 10, 8, 250), t).transition());
        MotionResult last = d.analyse(withSquare(14, 10, 8, 250), t + 200 * MS);

        // when it is quiet for the gap
        List<MotionResult> quiet = new java.util.ArrayList<>();
        still(d, t + 400 * MS, t + 200 * MS + 3000 * MS + 1, quiet);

        // then the event continues until the gap has passed, then ends
        assertEquals(Transition.CONTINUE, last.transition());
        assertTrue(quiet.subList(0, quiet.size() - 1).stream().allMatch(r -> r.transition() == Transition.CONTINUE));
        MotionResult end = quiet.get(quiet.size() - 1);
        assertEquals(Transition.END, end.transition());
        assertEquals(t + 200 * MS, end.eventEndNanos());
        assertEquals(t, end.eventStartNanos());
        assertFalse(d.eventOpen());
    }

    @Test
    void anIsolatedChangedBlockIsDespeckledEvenAtFullSensitivity() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS.withSensitivity(100).withMinArea(0).withConfirmFrames(1));

        // when one block (a JPEG block flicker) and a diagonal pair change strongly
        GreyImage speck = room();
        speck.set(40, 30, 255);
        speck.set(10, 10, 255);
        speck.set(11, 11, 255);
        MotionResult r = d.analyse(speck, 2000 * MS);

        // then
        assertEquals(0, r.area());
        assertFalse(r.motion());
        // while a 2x2 change is kept
        assertTrue(d.analyse(withSquare(60, 40, 2, 255), 2200 * MS).motion());
    }

    @Test
    void theMinimumAreaDecides() {
        // given 6x6 = 36 of 4800 blocks (0.75 %)
        GreyImage object = withSquare(30, 20, 6, 250);

        // then
        assertTrue(learned(MotionSettings.DEFAULTS.withMinArea(0.007)).analyse(object, 2000 * MS).motion());
        assertFalse(learned(MotionSettings.DEFAULTS.withMinArea(0.008)).analyse(object, 2000 * MS).motion());
    }

    @Test
    void boxesAreNormalisedAndLargestFirst() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS);
        GreyImage two = withSquare(8, 6, 4, 250);
        for (int y = 30; y < 42; y++) {
            for (int x = 40; x < 60; x++) {
                two.set(x, y, 5);
            }
        }

        // when
        MotionResult r = d.analyse(two, 2000 * MS);

        // then
        assertEquals(2, r.boxes().size());
        assertEquals(new Box(40.0 / W, 30.0 / H, 20.0 / W, 12.0 / H), r.boxes().get(0));
        assertEquals(new Box(8.0 / W, 6.0 / H, 4.0 / W, 4.0 / H), r.boxes().get(1));
        assertEquals((16 + 240) / 4800.0, r.area(), 1e-9);
    }

    @Test
    void aMaskSetWhileRunningSilencesItsAreaAndAreaCountsOnlyUnmaskedPixels() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS.withConfirmFrames(1));
        assertTrue(d.analyse(withSquare(4, 4, 10, 250), 2000 * MS).motion());

        // when the left half is masked
        d.update(d.settings().withMasks(List.of(Mask.rectangle(0, 0, 0.5, 1))));
        MotionResult inside = d.analyse(withSquare(6, 4, 10, 250), 2200 * MS);
        MotionResult outside = d.analyse(withSquare(60, 4, 10, 250), 2400 * MS);

        // then
        assertFalse(inside.motion());
        assertThat(inside.boxes(), empty());
        assertTrue(outside.motion());
        assertEquals(100 / 2400.0, outside.area(), 1e-9, "100 changed blocks of the 2400 unmasked");
    }

    @Test
    void aNewPictureSizeOrALongPauseLearnsAfresh() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS.withConfirmFrames(1));

        // when
        MotionResult resized = d.analyse(new GreyImage(40, 30), 2000 * MS);
        MotionDetector e = learned(MotionSettings.DEFAULTS.withConfirmFrames(1));
        MotionResult afterPause = e.analyse(withSquare(10, 10, 10, 250), 2000 * MS + 11_000 * MS);

        // then
        assertTrue(resized.learning());
        assertFalse(resized.motion());
        assertTrue(afterPause.learning());
        assertFalse(afterPause.motion());
    }

    @Test
    void finishingOrSwitchingOffEndsAnOpenEvent() {
        // given
        MotionDetector d = learned(MotionSettings.DEFAULTS.withConfirmFrames(1));
        d.analyse(withSquare(10, 10, 8, 250), 2000 * MS);
        MotionDetector e = learned(MotionSettings.DEFAULTS.withConfirmFrames(1));
        e.analyse(withSquare(10, 10, 8, 250), 2000 * MS);

        // when
        MotionResult finished = d.finish(2500 * MS);
        e.update(e.settings().withEnabled(false));
        MotionResult off = e.analyse(withSquare(20, 10, 8, 250), 2200 * MS);

        // then
        assertEquals(Transition.END, finished.transition());
        assertEquals(2000 * MS, finished.eventEndNanos());
        assertNull(d.finish(2600 * MS), "nothing left to finish");
        assertEquals(Transition.END, off.transition());
        assertEquals(Transition.NONE, e.analyse(withSquare(30, 10, 8, 250), 2400 * MS).transition());
    }
}
