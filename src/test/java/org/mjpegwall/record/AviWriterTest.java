package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.testing.TestJpegs;

class AviWriterTest {
    private static final byte[] IMAGE = TestJpegs.image(64, 48);

    @TempDir
    Path dir;

    @Test
    void roundTripGivesBackEveryFrameByteForByte() throws IOException {
        // given frames of odd and even sizes
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            frames.add(TestJpegs.numbered(IMAGE, i * 7L));
        }
        assertTrue(frames.stream().anyMatch(f -> f.length % 2 == 1) && frames.stream().anyMatch(f -> f.length % 2 == 0));
        Path file = dir.resolve("round.avi");

        // when
        try (AviWriter w = AviWriter.create(file, 30)) {
            for (int i = 0; i < frames.size(); i++) {
                w.writeFrame(frames.get(i), i);
            }
            w.finish(frames.size());
        }

        // then
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed(), "finished file has an idx1 index");
            assertEquals(64, r.info().width());
            assertEquals(48, r.info().height());
            assertEquals(123, r.info().headerTicks());
            List<byte[]> back = r.readFrames();
            assertEquals(frames.size(), back.size());
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(frames.get(i), back.get(i), "frame " + i);
            }
        }
    }

    @Test
    void gapsBetweenFramesBecomeEmptyRepeatChunks() throws IOException {
        // given
        Path file = dir.resolve("gaps.avi");

        // when frames at ticks 0, 4 and 24 of a 120 Hz timebase, held until tick 48
        try (AviWriter w = AviWriter.create(file, 120)) {
            w.writeFrame(TestJpegs.numbered(IMAGE, 0), 0);
            w.writeFrame(TestJpegs.numbered(IMAGE, 1), 4);
            w.writeFrame(TestJpegs.numbered(IMAGE, 2), 24);
            w.finish(48);
        }

        // then
        try (AviReader r = AviReader.open(file)) {
            List<AviReader.Chunk> chunks = r.chunks();
            assertEquals(48, chunks.size());
            assertEquals(3, r.frameCount());
            assertTrue(chunks.get(0).size() > 0 && chunks.get(4).size() > 0 && chunks.get(24).size() > 0);
            assertEquals(0, chunks.get(1).size());
            assertEquals(0, chunks.get(47).size());
            assertEquals(Duration.ofMillis(400), r.duration());
        }
    }

    @Test
    void syncedFileIsReadableWithoutFinishing() throws IOException {
        // given a file that is still being written, as a crash would leave it
        Path file = dir.resolve("growing.avi");
        AviWriter w = AviWriter.create(file, 30);
        for (int i = 0; i < 10; i++) {
            w.writeFrame(TestJpegs.numbered(IMAGE, i), i);
        }
        w.sync(false);

        // when
        w.close();

        // then the headers match the frames, and the reader finds them without an index
        try (AviReader r = AviReader.open(file)) {
            assertFalse(r.info().indexed());
            assertEquals(10, r.info().headerTicks());
            assertEquals(r.info().declaredMoviEnd(), r.info().validEnd());
            assertEquals(10, r.frameCount());
        }
    }

    @Test
    void refusesFrameThatWouldPassTheSizeLimit() throws IOException {
        // given a writer with a 100 kB limit
        Path file = dir.resolve("limit.avi");
        try (AviWriter w = AviWriter.create(file, 30, 100_000)) {
            int written = 0;
            // when it is filled up
            while (w.fits(IMAGE.length + 16, written)) {
                w.writeFrame(TestJpegs.numbered(IMAGE, written), written);
                written++;
            }
            byte[] next = TestJpegs.numbered(IMAGE, written);
            int at = written;

            // then the next frame is refused and the finished file stays under the limit
            assertThrows(IllegalStateException.class, () -> w.writeFrame(next, at));
            w.finish(written + 100);
        }
        assertTrue(Files.size(file) <= 100_000, "size " + Files.size(file));
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.frameCount() > 10);
        }
    }

    @Test
    void fileWithoutFramesIsDeletedOnFinish() throws IOException {
        // given
        Path file = dir.resolve("empty.avi");
        AviWriter w = AviWriter.create(file, 30);

        // when
        w.finish(10);

        // then no zero-byte or header-only file is left
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("x.avi"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> AviWriter.create(file, 30));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void rejectsBytesThatAreNotJpeg() throws IOException {
        try (AviWriter w = AviWriter.create(dir.resolve("bad.avi"), 30)) {
            assertThrows(IllegalArgumentException.class, () -> w.writeFrame(new byte[] {1, 2, 3, 4, 5}, 0));
        }
    }

    @Test
    void readsJpegSizeFromFrameHeader() {
        assertEquals(new Jpeg.Size(64, 48), Jpeg.size(IMAGE, 0, IMAGE.length));
        byte[] numbered = TestJpegs.numbered(IMAGE, 5);
        assertEquals(new Jpeg.Size(64, 48), Jpeg.size(numbered, 0, numbered.length));
        assertEquals(null, Jpeg.size(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}, 0, 4));
    }
}
