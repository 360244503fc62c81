package org.mjpegwall.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.TestRecordings;

class RecordingCatalogTest {
    @TempDir
    Path dir;

    @Test
    void listsRecordingsByCameraAndDayWithTheirSegmentsAndSizes() throws IOException {
        // given two recordings of Yard on two days (one in two segments), one of Door, a hand-named one, and a text
        List<byte[]> f = TestRecordings.frames(0, 3);
        Path y1 = TestRecordings.write(dir.resolve("Yard_2026-11-29_23-50-00.avi"), f, 12, 36);
        Path y2 = TestRecordings.write(dir.resolve("Yard_2026-11-29_23-50-00-002.avi"), f, 12, 36);
        Path y3 = TestRecordings.write(dir.resolve("Yard_2026-11-30_03-12-00.avi"), f, 12, 36);
        TestRecordings.write(dir.resolve("Door_2026-11-30_03-12-00_2.avi"), f, 12, 36);
        TestRecordings.write(dir.resolve("clip.avi"), f, 12, 36);
        Files.writeString(dir.resolve("notes.txt"), "x");
        // when
        List<Recording> all = RecordingCatalog.scan(dir, ZoneOffset.UTC);
        // then
        assertEquals(List.of("Door", "Yard", "Yard", "clip"), all.stream().map(Recording::camera).toList());
        Recording night = all.get(1);
        assertEquals(LocalDate.of(2026, 11, 29), night.day());
        assertEquals(LocalDateTime.of(2026, 11, 29, 23, 50), night.start());
        assertEquals(List.of(y1, y2), night.segments());
        assertEquals(Files.size(y1) + Files.size(y2), night.bytes());
        assertEquals(List.of(y3), RecordingCatalog.of(all, "Yard", LocalDate.of(2026, 11, 30)).get(0).segments());
        assertEquals(2 * 3, night.timeline(new IndexCache(4)).frameCount());
    }
}
