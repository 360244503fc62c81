package org.mjpegwall.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mjpegwall.frame.decode.JpegDecoders;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * libjpeg-turbo's 1/8-scale grey decode against the DC decoder: the same thumbnails to a grey level, and the same
 * motion decisions on the synthetic scenes of {@link MotionScenesTest}.
 */
class TurboThumbnailDecoderTest {
    private static final double FPS = 15;

    @BeforeAll
    static void needsTurbo() {
        assumeTrue(JpegDecoders.turboAvailable(), "libjpeg-turbo is not installed: " + JpegDecoders.unavailableReason());
    }

    /** What the detector decided on one analysed frame. */
    record Decision(long timeNanos, boolean motion, boolean lightingChange, MotionResult.Transition transition,
            long eventStartNanos) {
        static Decision of(MotionResult r) {
            return new Decision(r.timeNanos(), r.motion(), r.lightingChange(), r.transition(),
                    r.transition() == MotionResult.Transition.NONE ? 0 : r.eventStartNanos());
        }
    }

    static List<Decision> play(Scene scene, MotionSettings settings, double seconds, ThumbnailDecoder decoder)
            throws IOException {
        MotionDetector detector = new MotionDetector(settings);
        GreyImage thumb = null;
        List<Decision> out = new ArrayList<>();
        for (int k = 0; k < seconds * FPS; k += 3) {
            double t = k / FPS;
            byte[] jpeg = scene.jpeg(t);
            thumb = decoder.decode(jpeg, 0, jpeg.length, thumb);
            out.add(Decision.of(detector.analyse(thumb, Math.round(t * 1e9))));
        }
        return out;
    }

    static List<Object[]> scenes() {
        Color tree = new Color(20, 90, 20);
        return List.of(
                new Object[] {"still room, sensor noise", new Scene(640, 480, 1).noise(8), MotionSettings.DEFAULTS, 12.0},
                new Object[] {"light switched", new Scene(640, 480, 3).light(t -> t >= 6.03 && t < 12.03 ? 1.0 : 0.55),
                    MotionSettings.DEFAULTS, 18.0},
                new Object[] {"lamp", new Scene(640, 480, 9).lampFrom(5.03, 0.8), MotionSettings.DEFAULTS, 10.0},
                new Object[] {"infrared", new Scene(640, 480, 5).greyFrom(7.03).light(t -> t < 7.03 ? 0.6 : 1.0),
                    MotionSettings.DEFAULTS, 12.0},
                new Object[] {"small object", new Scene(640, 480, 6).add(new Scene.Mover(4.03, 6.33, 48, 48,
                    new Color(30, 30, 35), -48, 260, 300, 0)), MotionSettings.DEFAULTS, 14.0},
                new Object[] {"large object", new Scene(640, 480, 7).add(new Scene.Mover(3.1, 5.1, 300, 300,
                    new Color(235, 230, 220), -300, 100, 470, 0)), MotionSettings.DEFAULTS, 8.0},
                new Object[] {"masked tree, person outside", new Scene(640, 480, 8)
                    .add(new Scene.Mover(2, 4, 80, 120, tree, 430, 40, 40, 10))
                    .add(new Scene.Mover(10.1, 12, 60, 120, new Color(30, 30, 30), -60, 330, 380, 0)),
                    MotionSettings.DEFAULTS.withMasks(List.of(Mask.rectangle(0.6, 0.0, 0.4, 0.5))).withEventGapSeconds(1),
                    14.0});
    }

    @Test
    void bothDecodersGiveTheSameMotionDecisionsOnTheSyntheticScenes() throws IOException {
        for (Object[] s : scenes()) {
            // given
            Scene scene = (Scene) s[1];
            MotionSettings settings = (MotionSettings) s[2];
            double seconds = (Double) s[3];

            // when
            List<Decision> dc = play(scene, settings, seconds, new DcThumbnailDecoder(null));
            List<Decision> turbo;
            try (TurboThumbnailDecoder decoder = new TurboThumbnailDecoder()) {
                turbo = play(scene, settings, seconds, decoder);
            }

            // then: frame by frame the same, and the scenes still mean what they should
            assertEquals(dc, turbo, (String) s[0]);
            long starts = dc.stream().filter(d -> d.transition() == MotionResult.Transition.START).count();
            boolean moving = ((String) s[0]).contains("object") || ((String) s[0]).contains("person");
            assertEquals(moving ? 1 : 0, starts, (String) s[0]);
        }
    }

    @Test
    void thumbnailsMatchTheDcDecoderToAGreyLevel() throws IOException {
        // given a noisy room with an object, 640x480 and an odd size
        for (Scene scene : List.of(new Scene(640, 480, 11).noise(6), new Scene(1923, 1081, 12).noise(6))) {
            byte[] jpeg = scene.jpeg(1.0);

            // when
            GreyImage dc = new DcThumbnailDecoder(null).decode(jpeg, 0, jpeg.length, null);
            GreyImage turbo;
            try (TurboThumbnailDecoder decoder = new TurboThumbnailDecoder()) {
                turbo = decoder.decode(jpeg, 0, jpeg.length, null);
            }

            // then
            assertEquals(dc.width(), turbo.width());
            assertEquals(dc.height(), turbo.height());
            int worst = 0;
            for (int i = 0; i < dc.width() * dc.height(); i++) {
                worst = Math.max(worst, Math.abs((dc.pixels()[i] & 0xFF) - (turbo.pixels()[i] & 0xFF)));
            }
            assertTrue(worst <= 1, "largest difference " + worst + " grey levels");
        }
    }

    @Test
    void aFrameCutShortIsRefusedWithTheReasonNotAnalysedHalfGrey() throws IOException {
        // given
        byte[] jpeg = new Scene(640, 480, 13).noise(6).jpeg(0.5);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);

        try (TurboThumbnailDecoder decoder = new TurboThumbnailDecoder()) {
            // when / then: as the DC decoder says
            Executable decode = () -> decoder.decode(cut, 0, cut.length, null);
            JpegFormatException e = assertThrows(JpegFormatException.class, decode);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            // and the next, whole frame decodes
            GreyImage ok = decoder.decode(jpeg, 0, jpeg.length, null);
            assertEquals(80, ok.width());
            assertThrows(JpegFormatException.class, () -> decoder.decode(new byte[] {1, 2, 3}, 0, 3, null));
        }
    }
}
