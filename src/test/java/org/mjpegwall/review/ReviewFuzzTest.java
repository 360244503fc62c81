package org.mjpegwall.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.testing.FuzzTempFiles;

/**
 * Fuzzes the review's way into a file (index, timeline, seek, frame bytes, clip export) with whole files, and the
 * time parser with any text. Runs its seed corpus ({@code ReviewFuzzTestInputs/}) in every build;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ReviewFuzzTest {
    private static final Path DIR = FuzzTempFiles.folder("review");

    @FuzzTest(maxDuration = "5m")
    void indexesAnyFileWithoutCrashing(byte[] data) throws IOException {
        Path f = Files.write(DIR.resolve("any.avi"), data);
        try {
            RecordingIndex idx = RecordingIndex.read(f);
            Timeline tl = Timeline.of(List.of(idx));
            // then every moment maps to a frame that lies in the file, starts like a JPEG and is shown then
            long step = Math.max(1, tl.durationNanos() / 7);
            for (long t = 0; t <= tl.durationNanos() && tl.frameCount() > 0; t += step) {
                int g = tl.frameAt(t);
                byte[] jpeg = tl.readFrame(g);
                assertEquals(idx.frameSize(g), jpeg.length);
                assertTrue(jpeg.length >= 2 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8);
                assertTrue(tl.frameNanos(g) <= Math.max(t, tl.frameNanos(0)), "frame starts after the moment");
            }
            // and a clip of all of it holds exactly its frames, or is refused in words and leaves nothing
            Path clip = DIR.resolve("clip.avi");
            try {
                ClipExport.Result r = ClipExport.export(tl, 0, tl.durationNanos(), clip);
                try (AviReader out = AviReader.open(clip)) {
                    assertEquals(tl.frameCount(), out.frameCount());
                    assertEquals(r.frames(), out.frameCount());
                }
            } catch (ClipExport.ExportException refused) {
                assertNotNull(refused.getMessage());
                assertTrue(!Files.exists(clip));
            }
        } catch (IOException refused) {
            assertNotNull(refused.getMessage(), "a refusal says why");
        } finally {
            FuzzTempFiles.clear(DIR);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parsesAnyTime(String text) {
        try {
            long nanos = Times.parse(text);
            assertTrue(nanos >= 0);
            assertEquals(nanos / 1_000_000, Times.parse(Times.format(nanos)) / 1_000_000, 1, Times.format(nanos));
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().contains("time") || refused.getMessage().contains("59")
                    || refused.getMessage().contains("too far"), refused.getMessage());
        }
    }
}
