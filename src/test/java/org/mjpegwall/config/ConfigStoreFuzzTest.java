package org.mjpegwall.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.mjpegwall.testing.FuzzTempFiles;

/**
 * Fuzzes loading the configuration file: any bytes either load, or give a {@link ConfigException}
 * in words (which the wall turns into a message and a fresh start, never a crash); loading never
 * changes the file, a broken file is moved aside intact, and whatever loads saves and loads back
 * the same. Seeds in {@code ConfigStoreFuzzTestInputs/}.
 */
class ConfigStoreFuzzTest {
    private static final Path DIR = FuzzTempFiles.folder("config");

    @FuzzTest(maxDuration = "10m")
    void anyFileLoadsOrIsRefusedInWordsAndIsNeverOverwritten(byte[] data) throws Exception {
        Path file = Files.write(DIR.resolve("config.json"), data);
        ConfigStore store = ConfigStore.at(file);
        try {
            WallConfig config;
            try {
                config = store.load().orElseThrow();
            } catch (ConfigException refused) {
                assertNotNull(refused.getMessage());
                assertArrayEquals(data, Files.readAllBytes(file), "loading never changes the file");
                if (refused.corrupt()) {
                    Path backup = store.moveAside(Instant.EPOCH);
                    assertArrayEquals(data, Files.readAllBytes(backup), "moved aside intact");
                }
                return;
            }
            assertArrayEquals(data, Files.readAllBytes(file), "loading never changes the file");
            ConfigStore copy = ConfigStore.at(DIR.resolve("copy.json"));
            copy.save(config);
            assertEquals(config, copy.load().orElseThrow(), "what loads saves and loads back the same");
        } finally {
            FuzzTempFiles.clear(DIR);
        }
    }
}
