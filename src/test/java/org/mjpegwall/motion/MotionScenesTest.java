package org.mjpegwall.motion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic scenes, with the JPEG encoder and the DC decoder in the loop: camera frames
 * at 15 fps, every third analysed (5 per second), as the analyser does.
 */
class MotionScenesTest {
    private static final double FPS = 15;

    /** Plays {@code seconds} of the scene through JPEG, the DC decoder and a detector; returns every result. */
    static List<MotionResult> play(Scene scene, MotionSettings settings, double seconds) throws IOException {
        MotionDetector detector = new MotionDetector(settings);
        DcThumbnailDecoder decoder = new DcThumbnailDecoder(null);
        GreyImage thumb = null;
        List<MotionResult> results = new ArrayList<>();
        for (int k = 0; k < seconds * FPS; k += 3) {
            double t = k / FPS;
            byte[] jpeg = scene.jpeg(t);
            thumb = decoder.decode(jpeg, 0, jpeg.length, thumb);
            results.add(detector.analyse(thumb, nanos(t)));
        }
        return results;
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    static List<MotionResult> with(List<MotionResult> results, MotionResult.Transition t) {
        return results.stream().filter(r -> r.transition() == t).toList();
    }

    @Test
    void stillSceneWithSensorNoiseHasNoMotion() throws IOException {
        // given a still room with strong sensor noise (sigma 8 grey levels per pixel)
        Scene scene = new Scene(640, 480, 1).noise(8);

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 20);

        // then not a single frame counts as motion, even at high sensitivity
        assertThat(results.stream().filter(MotionResult::motion).toList(), empty());
        List<MotionResult> sensitive = play(new Scene(640, 480, 2).noise(8), MotionSettings.DEFAULTS.withSensitivity(85), 10);
        assertThat(sensitive.stream().filter(MotionResult::motion).toList(), empty());
    }

    @Test
    void lightSwitchedOnOrOffIsNotMotion() throws IOException {
        // given the light comes on at 6.03 s (from 55 % to full), and goes off again at 12.03 s
        Scene scene = new Scene(640, 480, 3).light(t -> t >= 6.03 && t < 12.03 ? 1.0 : 0.55);

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 18);

        // then no event; the change of light made the detector learn the room afresh, twice
        assertThat(with(results, MotionResult.Transition.START), empty());
        assertThat(results.stream().filter(MotionResult::motion).toList(), empty());
        assertEquals(2, results.stream().filter(MotionResult::lightingChange).count(), "the two switches were seen as light");
    }

    @Test
    void lampLightingTheRoomUnevenlyIsNotMotion() throws IOException {
        // given at 5.03 s a lamp on the left comes on: 1.8x at the left edge, fading to 1x at the right
        Scene scene = new Scene(640, 480, 9).lampFrom(5.03, 0.8);

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 10);

        // then
        assertThat(with(results, MotionResult.Transition.START), empty());
        assertEquals(1, results.stream().filter(MotionResult::lightingChange).count());
    }

    @Test
    void objectThatStopsEndsItsEventAfterAbsorbingAndTheGap() throws IOException {
        // given an object that comes in at 3.03 s and stops after 1 s (a parked car)
        Scene scene = new Scene(640, 480, 10).add(new Scene.Mover(3.03, 60, 80, 80, Color.BLACK, -80, 200, 400, 0, 1.0));

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 16);

        // then it becomes background ABSORB_SECONDS after it stopped, and the event ends a gap later
        List<MotionResult> ends = with(results, MotionResult.Transition.END);
        assertEquals(1, ends.size());
        double stopped = 4.03;
        assertEquals(stopped + MotionDetector.ABSORB_SECONDS, ends.get(0).eventEndNanos() / 1e9, 0.45);
        assertThat(results.stream().filter(r -> r.timeNanos() > nanos(stopped + MotionDetector.ABSORB_SECONDS + 0.5)
                && r.motion()).toList(), empty());
    }

    @Test
    void autoExposureDriftIsNotMotion() throws IOException {
        // given the picture darkens by 35 % over 1.5 s (a camera adjusting its exposure), and back
        Scene scene = new Scene(640, 480, 4).light(t -> t < 5 ? 1.0 : t < 6.5 ? 1.0 - 0.35 * (t - 5) / 1.5
                : t < 10 ? 0.65 : t < 11 ? 0.65 + 0.35 * (t - 10) : 1.0);

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 15);

        // then
        assertThat(results.stream().filter(MotionResult::motion).toList(), empty());
    }

    @Test
    void switchToInfraredNightModeIsNotMotion() throws IOException {
        // given at 7.03 s the camera drops colour and the picture gets brighter (IR lamps)
        Scene scene = new Scene(640, 480, 5).greyFrom(7.03).light(t -> t < 7.03 ? 0.6 : 1.0);

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 12);

        // then
        assertThat(with(results, MotionResult.Transition.START), empty());
    }

    @Test
    void smallObjectCrossingStartsAnEventWithinHalfASecond() throws IOException {
        // given a 48x48 dark object (0.75 % of the picture) entering from the left at 4.03 s, crossing in 2.3 s
        double enters = 4.03;
        Scene scene = new Scene(640, 480, 6).add(new Scene.Mover(enters, enters + 2.3, 48, 48, new Color(30, 30, 35),
                -48, 260, 300, 0));

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 14);

        // then
        List<MotionResult> starts = with(results, MotionResult.Transition.START);
        assertEquals(1, starts.size(), "one event");
        MotionResult start = starts.get(0);
        assertThat("detected within 0.5 s", start.timeNanos(), lessThanOrEqualTo(nanos(enters + 0.5)));
        assertThat("dated from the first motion frame", start.eventStartNanos(), greaterThanOrEqualTo(nanos(enters)));
        Box box = start.boxes().get(0);
        double objectX = (-48 + 300 * (start.timeNanos() / 1e9 - enters)) / 640;
        assertTrue(box.x() <= Math.max(0, objectX) + 0.02 && box.x() + box.width() >= objectX + 48 / 640.0 - 0.02,
                "the box covers the object: " + box + " object at x=" + objectX);
        assertEquals(260 / 480.0, box.y(), 0.03);
        List<MotionResult> ends = with(results, MotionResult.Transition.END);
        assertEquals(1, ends.size(), "the event ended after the gap");
        double lastMotion = ends.get(0).eventEndNanos() / 1e9;
        assertEquals(enters + 2.3, lastMotion, 0.5, "the event ends when the object has left");
        assertEquals(lastMotion + MotionSettings.DEFAULTS.eventGapSeconds(), ends.get(0).timeNanos() / 1e9, 0.21);
    }

    @Test
    void largeObjectStartsAnEventAndIsNotTakenForLight() throws IOException {
        // given a 300x300 object (29 % of the picture, lighter than the room) crossing from 3.1 s
        double enters = 3.1;
        Scene scene = new Scene(640, 480, 7).add(new Scene.Mover(enters, enters + 2.0, 300, 300, new Color(235, 230, 220),
                -300, 100, 470, 0));

        // when
        List<MotionResult> results = play(scene, MotionSettings.DEFAULTS, 8);

        // then
        List<MotionResult> starts = with(results, MotionResult.Transition.START);
        assertEquals(1, starts.size());
        assertThat(starts.get(0).timeNanos(), lessThanOrEqualTo(nanos(enters + 0.5)));
        assertFalse(results.stream().anyMatch(MotionResult::lightingChange), "a large object is motion, not light");
        double peakArea = results.stream().mapToDouble(MotionResult::area).max().orElse(0);
        assertThat(peakArea, greaterThanOrEqualTo(0.2));
    }

    @Test
    void motionInsideAMaskStartsNoEventButMotionOutsideItDoes() throws IOException {
        // given a "tree" swaying in the top right from 2 s to 8 s, and a person crossing the bottom from 10.1 s
        Scene scene = new Scene(640, 480, 8)
                .add(new Scene.Mover(2, 4, 80, 120, new Color(20, 90, 20), 430, 40, 40, 10))
                .add(new Scene.Mover(4, 6, 80, 120, new Color(20, 90, 20), 510, 60, -40, -10))
                .add(new Scene.Mover(6, 8, 80, 120, new Color(20, 90, 20), 430, 40, 40, 10))
                .add(new Scene.Mover(10.1, 12, 60, 120, new Color(30, 30, 30), -60, 330, 380, 0));
        Mask tree = Mask.rectangle(0.6, 0.0, 0.4, 0.5);
        MotionSettings masked = MotionSettings.DEFAULTS.withMasks(List.of(tree)).withEventGapSeconds(1);

        // when
        List<MotionResult> results = play(scene, masked, 14);

        // then nothing before the person, and the person's event
        assertThat(results.stream().filter(r -> r.timeNanos() < nanos(10.1) && r.motion()).toList(), empty());
        List<MotionResult> starts = with(results, MotionResult.Transition.START);
        assertEquals(1, starts.size());
        assertThat(starts.get(0).timeNanos(), greaterThanOrEqualTo(nanos(10.1)));
        assertThat(starts.get(0).timeNanos(), lessThanOrEqualTo(nanos(10.6)));

        // and without the mask, the tree alone is an event (so the mask is what kept it quiet)
        List<MotionResult> unmasked = play(new Scene(640, 480, 8)
                .add(new Scene.Mover(2, 4, 80, 120, new Color(20, 90, 20), 430, 40, 40, 10)),
                MotionSettings.DEFAULTS.withEventGapSeconds(1), 6);
        assertEquals(1, with(unmasked, MotionResult.Transition.START).size());
    }
}
