package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mjpegwall.testing.FuzzTempFiles;

/**
 * Fuzzes the repair with whole files: it never throws, changes only files MJPEG Wall wrote, deletes
 * only those without a playable frame, never leaves fewer playable frames, and a repaired file is
 * complete the next time. Seeds in {@code AviRepairFuzzTestInputs/}.
 */
class AviRepairFuzzTest {
    private static final Path DIR = FuzzTempFiles.folder("avi-repair");

    @FuzzTest(maxDuration = "10m")
    void repairNeverMakesAFileWorse(byte[] data) throws IOException {
        Path f = Files.write(DIR.resolve("rec.avi"), data);
        try {
            // given what a careful reader finds in the file
            AviCheck before = null;
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                before = AviCheck.of(ch);
            } catch (AviLayout.NotAviException notAvi) {
                // stays null
            }

            // when
            AviRepair.Result result = AviRepair.repair(f);

            // then
            switch (result.outcome()) {
                case UNCHANGED -> {
                    assertNotNull(result.message());
                    assertArrayEquals(data, Files.readAllBytes(f));
                }
                case ALREADY_COMPLETE -> assertArrayEquals(data, Files.readAllBytes(f));
                case DELETED_EMPTY -> {
                    assertTrue(before != null && before.layout().marked() && before.playableFrames() == 0);
                    assertTrue(Files.notExists(f));
                }
                case REPAIRED -> {
                    assertTrue(before != null && before.layout().marked(), "only files of ours change");
                    try (AviReader r = AviReader.open(f)) {
                        assertTrue(r.frameCount() >= before.playableFrames(),
                                r.frameCount() + " frames after, " + before.playableFrames() + " before");
                        assertEquals(result.frames(), r.frameCount());
                        assertTrue(r.info().indexed() && r.info().marked());
                    }
                    assertTrue(AviRepair.isComplete(f));
                    assertEquals(AviRepair.Outcome.ALREADY_COMPLETE, AviRepair.repair(f).outcome());
                }
                default -> throw new AssertionError(result.outcome());
            }
        } finally {
            FuzzTempFiles.clear(DIR);
        }
    }
}
