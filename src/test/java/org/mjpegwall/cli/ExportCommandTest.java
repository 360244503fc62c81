package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.testing.CliRun;
import org.mjpegwall.testing.TestRecordings;

class ExportCommandTest {
    @TempDir
    Path dir;

    /** The ticks of a file's frames (non-empty chunks), in order. */
    private static List<Long> frameTicks(AviReader r) {
        List<Long> out = new ArrayList<>();
        for (AviReader.Chunk c : r.chunks()) {
            if (c.size() > 0) {
                out.add(c.tick());
            }
        }
        return out;
    }

    private static void assertFrames(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "frames");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
    }

    @Test
    void exportsTheRangeWithinOneFrameIntervalByteForByte() throws IOException {
        // given 3 s at 10 fps (a frame every 12 ticks)
        List<byte[]> frames = TestRecordings.frames(0, 30);
        Path in = TestRecordings.write(dir.resolve("cam.avi"), frames, 12, 360);
        Path out = dir.resolve("clip.avi");
        // when
        CliRun run = CliRun.of("export", in.toString(), "--from", "0.95", "--to", "00:00:02.05", "--out",
                out.toString());
        // then the frames shown from 0.95 s (frame 9) up to 2.05 s (frame 20), each at its own time
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("12 frames"), run.out());
        try (AviReader r = AviReader.open(out)) {
            assertTrue(r.info().marked() && r.info().indexed());
            assertFrames(frames.subList(9, 21), r.readFrames());
            List<Long> expected = new ArrayList<>(List.of(0L));
            for (int g = 10; g <= 20; g++) {
                expected.add(g * 12L - 114);
            }
            assertEquals(expected, frameTicks(r));
            // the clip lasts 1.1 s: its start and end within one frame interval (100 ms) of the range
            assertEquals(132, r.chunks().size());
        }
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(TestRecordings.write(dir.resolve("again.avi"),
                frames, 12, 360)), "the input is unchanged");
    }

    @Test
    void exportsAcrossASegmentBoundary() throws IOException {
        // given two 1 s segments at 10 fps
        List<byte[]> frames = TestRecordings.frames(0, 20);
        Path a = TestRecordings.write(dir.resolve("cam.avi"), frames.subList(0, 10), 12, 120);
        Path b = TestRecordings.write(dir.resolve("cam-002.avi"), frames.subList(10, 20), 12, 120);
        Path out = dir.resolve("clip.avi");
        // when
        CliRun run = CliRun.of("export", a.toString(), b.toString(), "--from", "0.5", "--to", "1.5", "--out",
                out.toString());
        // then no gap and no doubled frame at the boundary
        assertEquals(0, run.status(), run.err());
        try (AviReader r = AviReader.open(out)) {
            assertFrames(frames.subList(5, 15), r.readFrames());
            assertEquals(List.of(0L, 12L, 24L, 36L, 48L, 60L, 72L, 84L, 96L, 108L), frameTicks(r));
            assertEquals(120, r.chunks().size());
        }
    }

    @Test
    void exportsFromACrashCutFile() throws IOException {
        // given a file a crash left without an index and with half a last frame
        List<byte[]> frames = TestRecordings.frames(0, 10);
        Path in = TestRecordings.crashCut(dir.resolve("cut.avi"), frames, 12, 40);
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("clip.avi");
        // when
        CliRun run = CliRun.of("export", in.toString(), "--from", "0.2", "--to", "0:00.75", "--out", out.toString());
        // then the complete frames in the range, and the input untouched
        assertEquals(0, run.status(), run.err());
        try (AviReader r = AviReader.open(out)) {
            assertFrames(frames.subList(2, 8), r.readFrames());
        }
        assertArrayEquals(before, Files.readAllBytes(in));
        // and past the last complete frame the range is refused in words
        CliRun late = CliRun.of("export", in.toString(), "--from", "0.5", "--to", "2", "--out",
                dir.resolve("late.avi").toString());
        assertEquals(1, late.status());
        assertTrue(late.err().contains("--to 0:00:02.000 is past the end of the recording (0:00:00.900)"), late.err());
        assertFalse(Files.exists(dir.resolve("late.avi")));
    }

    @Test
    void savesTheFrameShownAtAMomentAsItsExactBytes() throws IOException {
        // given
        List<byte[]> frames = TestRecordings.frames(0, 10);
        Path in = TestRecordings.write(dir.resolve("cam.avi"), frames, 12, 120);
        Path jpg = dir.resolve("still.jpg");
        // when
        CliRun run = CliRun.of("export", in.toString(), "--frame", "0.35", "--out", jpg.toString());
        // then
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(frames.get(3), Files.readAllBytes(jpg));
        // and an existing file is never overwritten
        CliRun again = CliRun.of("export", in.toString(), "--frame", "0.55", "--out", jpg.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already exists"), again.err());
        assertArrayEquals(frames.get(3), Files.readAllBytes(jpg));
    }

    @Test
    void refusesAForeignFileInWords() throws IOException {
        // given another program's AVI (our file with its marker changed) and a text file
        Path ours = TestRecordings.write(dir.resolve("cam.avi"), TestRecordings.frames(0, 5), 12, 60);
        Path foreign = TestRecordings.foreignCopy(ours, dir.resolve("other.avi"));
        Path text = Files.writeString(dir.resolve("notes.avi"), "not a video at all");
        byte[] before = Files.readAllBytes(foreign);
        // when
        CliRun a = CliRun.of("export", foreign.toString(), "--from", "0", "--to", "0.3", "--out",
                dir.resolve("a.avi").toString());
        CliRun b = CliRun.of("export", text.toString(), "--from", "0", "--to", "0.3", "--out",
                dir.resolve("b.avi").toString());
        CliRun c = CliRun.of("export", dir.resolve("missing.avi").toString(), "--from", "0", "--to", "0.3", "--out",
                dir.resolve("c.avi").toString());
        // then
        assertEquals(1, a.status());
        assertTrue(a.err().contains("not a recording of MJPEG Wall"), a.err());
        assertEquals(1, b.status());
        assertTrue(b.err().contains("not an AVI file"), b.err());
        assertEquals(1, c.status());
        assertTrue(c.err().contains("missing.avi: no such file"), c.err());
        assertArrayEquals(before, Files.readAllBytes(foreign));
        assertFalse(Files.exists(dir.resolve("a.avi")) || Files.exists(dir.resolve("b.avi")));
        // and an output folder that does not exist is named
        CliRun d = CliRun.of("export", ours.toString(), "--from", "0", "--to", "0.3", "--out",
                dir.resolve("nowhere/d.avi").toString());
        assertEquals(1, d.status());
        assertTrue(d.err().contains("nowhere/d.avi: no such file or folder"), d.err());
    }

    @Test
    void refusesBadTimesInWords() throws IOException {
        // given
        Path in = TestRecordings.write(dir.resolve("cam.avi"), TestRecordings.frames(0, 5), 12, 60);
        String out = dir.resolve("clip.avi").toString();
        // when / then
        CliRun words = CliRun.of("export", in.toString(), "--from", "noon", "--to", "1", "--out", out);
        assertEquals(2, words.status());
        assertTrue(words.err().contains("'noon' is not a time"), words.err());
        CliRun minutes = CliRun.of("export", in.toString(), "--from", "0:75", "--to", "1", "--out", out);
        assertTrue(minutes.err().contains("minutes and seconds go up to 59"), minutes.err());
        CliRun backwards = CliRun.of("export", in.toString(), "--from", "0.4", "--to", "0.2", "--out", out);
        assertEquals(1, backwards.status());
        assertTrue(backwards.err().contains("--to must be after --from"), backwards.err());
        CliRun both = CliRun.of("export", in.toString(), "--from", "0", "--frame", "0.2", "--out", out);
        assertEquals(2, both.status());
        assertTrue(both.err().contains("either --from T --to T"), both.err());
        assertFalse(Files.exists(Path.of(out)));
    }
}
