package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names of recordings, without writing any frame. */
class RecordingNamesTest {
    @TempDir
    Path dir;

    private final RecordingRegistry registry = new RecordingRegistry();

    private RecordingOptions camera(String name) {
        return RecordingOptions.forCamera(dir, name).withClocks(RecorderTest.WALL, () -> RecorderTest.T0);
    }

    @Test
    void cameraNamesBecomeSafeFileNamesOnEveryOs() {
        assertEquals("Front_door", RecordingNames.sanitise("  Front door "));
        assertEquals("a_b_c", RecordingNames.sanitise("a/b\\\\c"));
        assertEquals("etc_passwd", RecordingNames.sanitise("../etc/passwd"));
        assertEquals("CON_", RecordingNames.sanitise("CON"));
        assertEquals("lpt1_", RecordingNames.sanitise("lpt1"));
        assertEquals("camera", RecordingNames.sanitise("..."));
        assertEquals("Küche", RecordingNames.sanitise("Küche"));
        assertEquals(60, RecordingNames.sanitise("x".repeat(100)).length());
    }

    @Test
    void segmentsAreNumberedAfterTheFirst() throws IOException {
        // when
        RecordingNames names = RecordingNames.reserve(camera("Front door"), registry);

        // then
        assertEquals(dir.resolve("Front_door_2026-11-24_12-30-00.avi"), names.segment(1));
        assertEquals(dir.resolve("Front_door_2026-11-24_12-30-00-002.avi"), names.segment(2));
        assertEquals(dir.resolve("Front_door_2026-11-24_12-30-00-1000.avi"), names.segment(1000));
    }

    @Test
    void aSecondCameraOfTheSameNameInTheSameSecondGetsTheNextNumber() throws IOException {
        // given the first camera reserved its name but has no file yet
        RecordingNames first = RecordingNames.reserve(camera("Front door"), registry);

        // when
        RecordingNames second = RecordingNames.reserve(camera("Front door"), registry);

        // then
        assertEquals(dir.resolve("Front_door_2026-11-24_12-30-00.avi"), first.segment(1));
        assertEquals(dir.resolve("Front_door_2026-11-24_12-30-00_2.avi"), second.segment(1));

        // and a released name is free again
        first.release(registry);
        second.release(registry);
        assertTrue(registry.isEmpty());
        assertEquals(first.segment(1), RecordingNames.reserve(camera("Front door"), registry).segment(1));
    }

    @Test
    void anExactFileThatIsBeingRecordedIsRefused() throws IOException {
        // given
        RecordingNames.reserve(RecordingOptions.toFile(dir.resolve("clip.avi")), registry);

        // when / then
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> RecordingNames.reserve(RecordingOptions.toFile(dir.resolve("clip.avi")), registry));
        assertTrue(e.getMessage().contains("is being recorded already"), e.getMessage());
    }

    @Test
    void ownFilesAreThisCamerasOnlyOldestFirst() throws IOException {
        // given
        Path older = Files.writeString(dir.resolve("Front_door_2026-11-23_08-00-00.avi"), "a");
        Path newer = Files.writeString(dir.resolve("Front_door_2026-11-23_09-00-00-002.avi"), "b");
        Files.writeString(dir.resolve("Back_door_2026-11-23_08-00-00.avi"), "c");
        Files.writeString(dir.resolve("Front_door notes.txt"), "d");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.fromMillis(2_000_000));

        // when
        List<Path> own = RecordingNames.reserve(camera("Front door"), registry).ownFilesOldestFirst();

        // then
        assertEquals(List.of(older, newer), own);
    }
}
