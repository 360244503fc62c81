package org.mjpegwall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wall remembers beyond cameras: recording, sharing, kiosk, windows; and older files. */
class WallConfigTest {
    @TempDir
    Path home;

    @Test
    void sharingUsesAFixedPortByDefault() {
        assertEquals(ShareConfig.DEFAULT_PORT, WallConfig.empty().share().port());
        assertTrue(ShareConfig.DEFAULT_PORT > 1024);
    }

    @Test
    void aFileOfVersionOneWithTheOldAnyPortDefaultGetsTheFixedPort() throws Exception {
        // given a file written by the previous version, which saved its default "any port" (0)
        Path file = home.resolve("config.json");
        Files.writeString(file, "{\"version\":1,\"cameras\":[],\"share\":{\"port\":0,\"expose\":false,\"password\":null}}");
        // when
        WallConfig c = ConfigStore.at(file).load().orElseThrow();
        // then
        assertEquals(ShareConfig.DEFAULT_PORT, c.share().port());
        assertEquals(WallConfig.CURRENT_VERSION, c.version());
        assertEquals(List.of(), c.recording());
        assertFalse(c.kiosk());
        assertNull(c.secondWindow());
    }

    @Test
    void aPortChosenInTheCurrentVersionIsKeptEvenWhenItIsAnyPort() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        // when
        store.save(WallConfig.empty().withShare(new ShareConfig(0, false, null)));
        // then
        assertEquals(0, store.load().orElseThrow().share().port());
    }

    @Test
    void recordingSharingKioskAndWindowsAreSavedAndLoaded() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        CameraConfig door = CameraConfig.of("Door", "http://10.0.0.5/video");
        WallConfig config = WallConfig.empty().withCamera(door).withRecording(List.of(door.id()))
                .withSharing(List.of(door.id())).withKiosk(true, 1).withPage(2)
                .withSecondWindow(new SecondWindowConfig(1, 3));
        // when
        store.save(config);
        WallConfig loaded = store.load().orElseThrow();
        // then
        assertEquals(config, loaded);
        assertEquals(List.of(door.id()), loaded.recording());
        assertTrue(loaded.kiosk());
        assertEquals(1, loaded.kioskScreen());
        assertEquals(new SecondWindowConfig(1, 3), loaded.secondWindow());
    }

    @Test
    void handEditedNonsenseIsTamed() throws Exception {
        // given
        Path file = home.resolve("config.json");
        Files.writeString(file, "{\"recording\":[null,\"a\",\"a\"],\"kioskScreen\":-4,\"page\":-1,"
                + "\"secondWindow\":{\"screen\":-1,\"page\":-2}}");
        // when
        WallConfig c = ConfigStore.at(file).load().orElseThrow();
        // then
        assertEquals(List.of("a"), c.recording());
        assertEquals(0, c.kioskScreen());
        assertEquals(0, c.page());
        assertEquals(new SecondWindowConfig(0, 0), c.secondWindow());
    }
}
