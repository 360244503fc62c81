package org.mjpegwall.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.TestRecordings;

class RecordingIndexTest {
    @TempDir
    Path dir;

    @Test
    void indexesEachFrameAtItsRecordedTime() throws IOException {
        // given 5 frames every 8 ticks (15 fps on the 120 Hz timebase), the stream held to tick 40
        List<byte[]> frames = TestRecordings.frames(0, 5);
        Path f = TestRecordings.write(dir.resolve("a.avi"), frames, 8, 40);
        // when
        RecordingIndex idx = RecordingIndex.read(f);
        // then
        assertTrue(idx.fromIdx1());
        assertTrue(idx.marked());
        assertEquals(120, idx.ticksPerSecond());
        assertEquals(5, idx.frameCount());
        assertEquals(40, idx.ticks());
        assertEquals(333_333_333, idx.durationNanos(), 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(i * 8, idx.frameTick(i));
            assertArrayEquals(frames.get(i), idx.readFrame(i), "frame " + i);
        }
        // a moment just before frame 2's start shows frame 1, and its start shows frame 2
        assertEquals(1, idx.frameAt(idx.frameNanos(2) - 1));
        assertEquals(2, idx.frameAt(idx.frameNanos(2)));
    }

    @Test
    void indexesACrashCutFileUpToItsLastCompleteFrame() throws IOException {
        // given a file with no idx1 whose last frame is cut in half
        List<byte[]> frames = TestRecordings.frames(0, 6);
        Path f = TestRecordings.crashCut(dir.resolve("cut.avi"), frames, 8, frames.get(5).length / 2);
        // when
        RecordingIndex idx = RecordingIndex.read(f);
        // then the five complete frames, byte for byte
        assertFalse(idx.fromIdx1());
        assertEquals(5, idx.frameCount());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(frames.get(i), idx.readFrame(i));
        }
    }

    @Test
    void secondOpenIsServedFromTheCacheUntilTheFileChanges() throws IOException {
        // given
        Path f = TestRecordings.crashCut(dir.resolve("live.avi"), TestRecordings.frames(0, 4), 8, 10);
        IndexCache cache = new IndexCache(8);
        // when
        RecordingIndex first = cache.open(f);
        RecordingIndex second = cache.open(f);
        // then
        assertSame(first, second);
        assertEquals(1, cache.reads());
        // when the file grows (a recording still being written) and is touched
        TestRecordings.append(f, new byte[] {0, 0});
        Files.setLastModifiedTime(f, FileTime.fromMillis(first.modifiedMillis() + 5000));
        RecordingIndex third = cache.open(f);
        // then it is read again
        assertNotSame(first, third);
        assertEquals(2, cache.reads());
    }

    @Test
    void refusesAFileThatIsNoAviInWords() throws IOException {
        // given
        Path f = Files.writeString(dir.resolve("notes.avi"), "hello, not a video");
        // when
        IOException e = assertThrows(IOException.class, () -> RecordingIndex.read(f));
        // then
        assertTrue(e.getMessage().contains("not an AVI file"), e.getMessage());
    }
}
