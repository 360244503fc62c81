package org.mjpegwall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
    /** A camera as files of the previous version have it: no recording mode, no retention. */
    private static final String PREVIOUS_VERSION = "{\"version\":2,\"cameras\":[{\"id\":\"c1\",\"name\":\"Door\","
            + "\"url\":\"http://10.0.0.5/video\",\"enabled\":true}]}";

    @TempDir
    Path home;

    @Test
    void missingFileMeansFirstStart() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("mjpeg-wall/config.json"));
        // when / then
        assertTrue(store.load().isEmpty());
    }

    @Test
    void savesAndLoadsEverythingTheWallRemembers() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("sub/dir/config.json"));
        CameraConfig cam = new CameraConfig(null, "Door", "http://10.0.0.5/video", "admin", "s3cret", false, 2.5);
        WallConfig config = WallConfig.empty().withCamera(cam).withCamera(CameraConfig.of("Yard", "http://10.0.0.6/"))
                .withWindow(new WindowGeometry(10, 20, 1024, 700, false)).withColumns(3).withShowStats(true)
                .withTilesPerPage(9).withAutoCycleSeconds(15).withPicturesFolder("/tmp/pics")
                .withShare(new ShareConfig(8081, true, "pw"));
        // when
        store.save(config);
        WallConfig loaded = store.load().orElseThrow();
        // then
        assertEquals(config, loaded);
        assertEquals("Door", loaded.cameras().get(0).name());
        assertEquals(cam.id(), loaded.cameras().get(0).id());
    }

    @Test
    void recordingModeSurvivesSaveAndLoad() throws Exception {
        // given
        Path file = home.resolve("config.json");
        WallConfig config = WallConfig.empty()
                .withCamera(CameraConfig.of("Yard", "http://10.0.0.6/").withRecordMode(RecordingMode.ON_MOTION))
                .withCamera(CameraConfig.of("Hall", "http://10.0.0.7/").withRecordMode(RecordingMode.CONTINUOUS))
                .withCamera(CameraConfig.of("Door", "http://10.0.0.8/"));
        // when: saved, and loaded by a new store as after a restart
        ConfigStore.at(file).save(config);
        WallConfig loaded = ConfigStore.at(file).load().orElseThrow();
        // then
        assertEquals(List.of(RecordingMode.ON_MOTION, RecordingMode.CONTINUOUS, RecordingMode.OFF),
                loaded.cameras().stream().map(CameraConfig::recordMode).toList());
        assertTrue(Files.readString(file).contains("\"recordMode\" : \"ON_MOTION\"")
                || Files.readString(file).contains("\"recordMode\":\"ON_MOTION\""), Files.readString(file));
    }

    @Test
    void aFileFromBeforeTheRecordingModeLoadsWithRecordingOff() throws Exception {
        // given: a camera as files of the previous version have it
        Path file = home.resolve("config.json");
        Files.writeString(file, PREVIOUS_VERSION);
        // when
        WallConfig loaded = ConfigStore.at(file).load().orElseThrow();
        // then
        assertEquals(RecordingMode.OFF, loaded.cameras().get(0).recordMode());
        assertEquals("Door", loaded.cameras().get(0).name());
    }

    @Test
    void theRetentionSettingSurvivesSaveAndLoad() throws Exception {
        // given
        Path file = home.resolve("config.json");
        WallConfig config = WallConfig.empty().withRetention(new RetentionConfig(30, 500_000_000_000L));
        // when: saved, and loaded by a new store as after a restart
        ConfigStore.at(file).save(config);
        WallConfig loaded = ConfigStore.at(file).load().orElseThrow();
        // then
        assertEquals(new RetentionConfig(30, 500_000_000_000L), loaded.retention());
        assertTrue(Files.readString(file).contains("\"keepDays\" : 30"), Files.readString(file));
    }

    @Test
    void aNewWallKeepsTwoWeeksAndAFileFromBeforeTheSettingKeepsEverything() throws Exception {
        // given: a file as the previous version wrote it, without "retention"
        Path file = home.resolve("config.json");
        Files.writeString(file, PREVIOUS_VERSION);
        // when
        WallConfig loaded = ConfigStore.at(file).load().orElseThrow();
        // then: that wall kept everything, and an update deletes nothing it was not told to
        assertEquals(RetentionConfig.KEEP_ALL, loaded.retention());
        assertFalse(loaded.retention().limited());
        assertEquals(new RetentionConfig(14, 0), WallConfig.empty().retention());
    }

    @Test
    void aRetentionOutOfRangeIsRefusedInWords() throws Exception {
        // given hand-edited values that cannot be meant: negative days, a quota of 5 bytes, a thousand years
        for (String bad : new String[] {"{\"keepDays\":-1,\"maxBytes\":0}", "{\"keepDays\":14,\"maxBytes\":5}",
                "{\"keepDays\":365000,\"maxBytes\":0}", "{\"keepDays\":14,\"maxBytes\":-20}"}) {
            Path file = home.resolve("config.json");
            Files.writeString(file, "{\"version\":2,\"cameras\":[{\"id\":\"c1\",\"name\":\"Door\","
                    + "\"url\":\"http://10.0.0.5/video\",\"password\":\"hunter2\"}],\n\"retention\":" + bad + "}");
            // when
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigStore.at(file).load(), bad);
            // then: it says which setting, where and why, and quotes no password
            assertTrue(e.getMessage().contains("retention setting out of range (line 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("keepDays is") || e.getMessage().contains("maxBytes is"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertTrue(e.corrupt(), "moved aside and started afresh, as any unusable file");
        }
    }

    @Test
    void fileIsReadableOnlyByTheUser() throws Exception {
        // given
        Path file = home.resolve("config.json");
        ConfigStore store = ConfigStore.at(file);
        // when
        store.save(WallConfig.empty().withCamera(new CameraConfig(null, "A", "http://h/", "u", "p", true, null)));
        store.save(WallConfig.empty());
        // then
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void saveLeavesNoTemporaryFilesBehind() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        // when
        for (int i = 0; i < 3; i++) {
            store.save(WallConfig.empty().withShowStats(i % 2 == 0));
        }
        // then
        try (var files = Files.list(home)) {
            assertEquals(List.of("config.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aHugeFileIsRefusedInWordsWithoutBeingReadIntoMemory() throws Exception {
        // given a 3 GB (sparse) file where the configuration should be
        Path file = home.resolve("config.json");
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        // when
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigStore.at(file).load());
        // then it counts as not a configuration: the wall moves it aside and starts afresh
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertTrue(e.corrupt());
        assertEquals(3L << 30, Files.size(file));
    }

    @Test
    void corruptFileGivesAClearMessage() throws Exception {
        // given
        Path file = home.resolve("config.json");
        Files.writeString(file, "{ \"cameras\": [ oops");
        // when
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigStore.at(file).load());
        // then
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void corruptFileIsFlaggedAndMovedAsideIntact() throws Exception {
        // given a configuration cut off in the middle (a crash of another program, a bad edit)
        Path file = home.resolve("config.json");
        String broken = "{ \"cameras\": [ { \"name\": \"Garage\", \"password\": \"pw\"";
        Files.writeString(file, broken);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ConfigStore store = ConfigStore.at(file);
        ConfigException e = assertThrows(ConfigException.class, store::load);
        assertTrue(e.corrupt(), "a parse error is flagged as a corrupt file");
        // when
        Path backup = store.moveAside(java.time.Instant.parse("2026-01-02T03:04:05Z"));
        // then the user's bytes are kept, next to the original, still private; the original name is free
        assertEquals(broken, Files.readString(backup));
        assertEquals(home, backup.getParent());
        assertTrue(backup.getFileName().toString().startsWith("config.json.broken-"), backup.toString());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(backup));
        assertFalse(Files.exists(file));
        assertTrue(store.load().isEmpty());
    }

    @Test
    void secondBackupInTheSameSecondDoesNotOverwriteTheFirst() throws Exception {
        // given
        Path file = home.resolve("config.json");
        ConfigStore store = ConfigStore.at(file);
        java.time.Instant now = java.time.Instant.parse("2026-01-02T03:04:05Z");
        Files.writeString(file, "first");
        Path first = store.moveAside(now);
        Files.writeString(file, "second");
        // when
        Path second = store.moveAside(now);
        // then
        assertEquals("first", Files.readString(first));
        assertEquals("second", Files.readString(second));
    }

    @Test
    void unreadableFileIsNotFlaggedCorrupt() throws Exception {
        // given a path that exists but cannot be read as a file (root reads any file, so use a directory)
        Path file = home.resolve("config.json");
        Files.createDirectory(file);
        // when
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigStore.at(file).load());
        // then
        assertFalse(e.corrupt(), e.getMessage());
    }

    @Test
    void exportThenImportRoundTrips() throws Exception {
        // given
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        WallConfig config = WallConfig.empty().withCamera(CameraConfig.of("Garage", "http://192.168.1.9/mjpg"));
        Path exported = home.resolve("export/wall.json");
        // when
        store.exportTo(exported, config);
        // then
        assertEquals(config, ConfigStore.importFrom(exported));
    }

    @Test
    void systemPropertyOverridesTheDirectory() {
        // given
        String old = System.getProperty(ConfigStore.DIR_PROPERTY);
        System.setProperty(ConfigStore.DIR_PROPERTY, home.toString());
        try {
            // when / then
            assertEquals(home.resolve("config.json").toAbsolutePath(), ConfigStore.atDefaultLocation().file());
        } finally {
            if (old == null) {
                System.clearProperty(ConfigStore.DIR_PROPERTY);
            } else {
                System.setProperty(ConfigStore.DIR_PROPERTY, old);
            }
        }
    }

    @Test
    void passwordNeverAppearsInToString() {
        CameraConfig cam = new CameraConfig(null, "A", "http://h/", "u", "hunter2", true, null);
        assertFalse(cam.toString().contains("hunter2"));
    }
}
