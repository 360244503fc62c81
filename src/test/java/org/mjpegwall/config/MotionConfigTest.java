package org.mjpegwall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camera's motion settings in the configuration file: saved, read back, and defaults for older files. */
class MotionConfigTest {
    @TempDir
    Path home;

    @Test
    void motionSettingsAndMasksSurviveSavingAndLoading() throws Exception {
        // given a camera with every motion setting changed and a mask
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        MotionConfig motion = MotionConfig.DEFAULTS.withEnabled(false).withSensitivity(80).withMinArea(0.01)
                .withEventGapSeconds(12).withSound(true).withMasks(List.of(MaskArea.rectangle(0.5, 0, 0.5, 0.25)));
        CameraConfig cam = CameraConfig.of("Yard", "http://10.0.0.6/").withMotion(motion);
        // when
        store.save(WallConfig.empty().withCamera(cam));
        CameraConfig loaded = store.load().orElseThrow().cameras().get(0);
        // then
        assertEquals(cam, loaded);
        assertEquals(motion, loaded.motion());
        assertEquals(4, loaded.motion().masks().get(0).points().size());
        assertTrue(Files.readString(home.resolve("config.json")).contains("\"motion\""));
    }

    @Test
    void aFileWithoutMotionSettingsLoadsWithTheDefaults() throws Exception {
        // given a camera as written before motion detection existed
        Path file = home.resolve("config.json");
        Files.writeString(file, """
                {"version":2,"cameras":[{"id":"c1","name":"Door","url":"http://10.0.0.5/video","enabled":true}]}
                """);
        // when
        CameraConfig c = ConfigStore.at(file).load().orElseThrow().cameras().get(0);
        // then
        assertEquals(MotionConfig.DEFAULTS, c.motion());
        assertTrue(c.motion().enabled());
        assertFalse(c.motion().sound());
    }

    @Test
    void handEditedValuesOutOfRangeAreBroughtIntoRangeNotRefused() throws Exception {
        // given sensitivity 500, a negative area, a mask corner at 3 and a mask with two corners
        Path file = home.resolve("config.json");
        Files.writeString(file, """
                {"version":2,"cameras":[{"id":"c1","name":"Door","url":"http://10.0.0.5/","enabled":true,
                 "motion":{"sensitivity":500,"minArea":-1,"eventGapSeconds":1e9,
                  "masks":[{"points":[[0,0],[3,0],[1,1]]},{"points":[[0,0],[1,1]]}]}}]}
                """);
        // when
        MotionConfig m = ConfigStore.at(file).load().orElseThrow().cameras().get(0).motion();
        // then
        assertEquals(100, m.sensitivity());
        assertEquals(0.0, m.minArea());
        assertEquals(3600.0, m.eventGapSeconds());
        assertTrue(m.enabled(), "a missing field keeps its default");
        assertEquals(1, m.masks().size(), "the two-corner mask is dropped");
        assertEquals(1.0, m.masks().get(0).points().get(1)[0]);
    }

    @Test
    void onlyAMotionChangeKeepsTheSameConnection() {
        // given
        CameraConfig cam = CameraConfig.of("Yard", "http://10.0.0.6/");
        // when / then
        assertTrue(cam.sameConnection(cam.withMotion(cam.motion().withSensitivity(90))));
        assertFalse(cam.sameConnection(cam.withEnabled(false)));
    }
}
