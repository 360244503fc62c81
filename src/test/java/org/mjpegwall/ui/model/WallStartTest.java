package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;

/** Starting the wall never fails, and never loses the user's file, because of a bad configuration. */
class WallStartTest {
    @TempDir
    Path home;

    @Test
    void corruptConfigurationIsKeptAsABackupAndTheWallStartsAfreshAndSaves() throws Exception {
        // given a configuration file that is not valid JSON
        Path file = home.resolve("config.json");
        String broken = "{\"version\":1,\"cameras\":[{\"name\":\"Garage\",";
        Files.writeString(file, broken);
        // when
        WallStart.Prepared prepared = WallStart.prepareOrRecover(
                new WallStart.Options(file, 0, 160, 120, 5), Instant.now());
        try {
            // then the user is told where the old file went, the bytes are there, and changes are saved again
            assertNotNull(prepared.problem());
            List<Path> backups;
            try (var files = Files.list(home)) {
                backups = files.filter(p -> p.getFileName().toString().startsWith("config.json.broken-")).toList();
            }
            assertEquals(1, backups.size());
            assertEquals(broken, Files.readString(backups.get(0)));
            assertTrue(prepared.problem().contains(backups.get(0).toString()), prepared.problem());
            assertTrue(prepared.session().persist());
            assertEquals(4, prepared.session().demoCameras().size());
            prepared.session().store().save(WallConfig.empty().withCamera(CameraConfig.of("Porch", "http://127.0.0.1:9/x")));
            assertEquals("Porch", ConfigStore.at(file).load().orElseThrow().cameras().get(0).name());
            assertEquals(broken, Files.readString(backups.get(0)));
        } finally {
            prepared.session().onClose().run();
        }
    }

    @Test
    void unreadableConfigurationIsLeftAloneAndNeverOverwritten() throws Exception {
        // given a configuration path that cannot be read (a directory: root can read any file)
        Path file = home.resolve("config.json");
        Files.createDirectory(file);
        // when
        WallStart.Prepared prepared = WallStart.prepareOrRecover(
                new WallStart.Options(file, 0, 160, 120, 5), Instant.now());
        try {
            // then the wall still starts, with demo cameras, says why, and will not save
            assertNotNull(prepared.problem());
            assertTrue(prepared.problem().contains(file.toString()), prepared.problem());
            assertFalse(prepared.session().persist());
            assertEquals(4, prepared.session().demoCameras().size());
            assertTrue(Files.isDirectory(file));
        } finally {
            prepared.session().onClose().run();
        }
    }

    @Test
    void savedConfigurationWithoutCamerasStillStartsWithDemosAndKeepsTheWindow() throws Exception {
        // given a first start that was quit: only the window's geometry was saved
        Path file = home.resolve("config.json");
        WallConfig quit = WallConfig.empty().withShowStats(true);
        ConfigStore.at(file).save(quit);
        // when
        WallSession session = WallStart.prepare(new WallStart.Options(file, 0, 160, 120, 5));
        try {
            // then the demo cameras and the hint are back, the saved choices are kept, and changes are saved
            assertEquals(4, session.demoCameras().size());
            assertTrue(session.showHint());
            assertTrue(session.persist());
            assertTrue(session.config().showStats());
        } finally {
            session.onClose().run();
        }
    }

    @Test
    void goodConfigurationStartsWithoutAProblem() throws Exception {
        // given
        Path file = home.resolve("config.json");
        ConfigStore.at(file).save(WallConfig.empty().withCamera(CameraConfig.of("Porch", "http://127.0.0.1:9/x")));
        // when
        WallStart.Prepared prepared = WallStart.prepareOrRecover(
                new WallStart.Options(file, 0, 160, 120, 5), Instant.now());
        try {
            // then
            assertNull(prepared.problem());
            assertTrue(prepared.session().persist());
            assertEquals(List.of("Porch"), prepared.session().config().cameras().stream().map(CameraConfig::name).toList());
        } finally {
            prepared.session().onClose().run();
        }
    }
}
