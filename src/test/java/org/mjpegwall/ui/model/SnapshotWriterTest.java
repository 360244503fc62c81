package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.TestJpegs;

class SnapshotWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheExactBytesNamedByCameraAndTime() throws Exception {
        // given
        byte[] jpeg = TestJpegs.solid(64, 48, Color.RED, 3);
        Frame frame = new Frame(jpeg, 1, 0, 0);
        LocalDateTime t = LocalDateTime.of(2026, 3, 4, 5, 6, 7, 89_000_000);
        // when
        Path file = SnapshotWriter.write(frame, dir.resolve("pics"), "Front door/1", t);
        // then
        assertEquals("Front_door_1_2026-03-04_05-06-07-089.jpg", file.getFileName().toString());
        assertArrayEquals(jpeg, Files.readAllBytes(file));
    }

    @Test
    void neverOverwritesAnEarlierSnapshot() throws Exception {
        Frame a = new Frame(new byte[] {1}, 1, 0, 0);
        Frame b = new Frame(new byte[] {2}, 2, 0, 0);
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
        Path first = SnapshotWriter.write(a, dir, "cam", t);
        Path second = SnapshotWriter.write(b, dir, "cam", t);
        assertNotEquals(first, second);
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(first));
    }

    @Test
    void anUnwritableFolderGivesAMessageInWords() throws Exception {
        // given a file where the folder should be
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        // when
        IOException e = assertThrows(IOException.class,
                () -> SnapshotWriter.write(new Frame(new byte[] {1}, 1, 0, 0), notADir.resolve("sub"), "cam", LocalDateTime.now()));
        // then
        assertTrue(e.getMessage().startsWith("Could not save the snapshot in"), e.getMessage());
    }
}
