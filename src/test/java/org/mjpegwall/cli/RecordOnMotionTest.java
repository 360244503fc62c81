package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.testing.CliRun;
import org.mjpegwall.testing.MotionCamera;

/** {@code record --on-motion} against a scripted camera on 127.0.0.1 whose motion is known to the frame. */
class RecordOnMotionTest {
    static final int FPS = 4; // below the 5 analyses a second: every frame is analysed
    static final double FRAME_SECONDS = 1.0 / FPS;
    static final double TICK = 1.0 / 120;
    static final double SLACK = TICK + 0.03;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void recordsFromThePreRollBeforeTheMotionToThePostRollAfterItFramesUnchanged() throws Exception {
        // given: 4 s of a still room, 2 s of motion (frames 16..23), then still again
        try (MotionCamera camera = MotionCamera.start(FPS, 60, 16, 23)) {
            Path file = dir.resolve("motion.avi");

            // when
            CliRun run = CliRun.of("record", camera.uri().toString(), "--out", file.toString(), "--on-motion",
                    "--pre-seconds", "1", "--post-seconds", "2", "--seconds", "11");

            // then: one file, the frames exactly as sent, in order, none missing
            assertEquals(0, run.status(), run.err());
            assertEquals(file.toString(), run.out().strip());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList());
            }
            try (AviReader r = AviReader.open(file)) {
                List<AviReader.Chunk> chunks = r.chunks().stream().filter(c -> c.size() > 0).toList();
                List<byte[]> frames = r.readFrames();
                int first = MotionCamera.number(frames.get(0));
                for (int i = 0; i < frames.size(); i++) {
                    assertArrayEquals(camera.frame(first + i), frames.get(i), "frame " + (first + i));
                }
                int last = first + frames.size() - 1;
                // pre-roll: from the file's first frame to the first motion frame, on the recording's own clock
                double pre = (chunks.get(16 - first).tick() - chunks.get(0).tick()) * TICK;
                double post = (chunks.get(frames.size() - 1).tick() - chunks.get(23 - first).tick()) * TICK;
                String where = "frames " + first + ".." + last + ", pre-roll " + pre + " s, post-roll " + post + " s";
                // "within one frame interval": the interval the camera actually kept there (at least 1/4 s), and a
                // little for the way over loopback and the 1/120 s grid of the file; never more than asked
                double before = Math.max(FRAME_SECONDS, (camera.sentNanos(first) - camera.sentNanos(first - 1)) / 1e9);
                double after = Math.max(FRAME_SECONDS, (camera.sentNanos(last + 1) - camera.sentNanos(last)) / 1e9);
                assertTrue(pre <= 1.0 + SLACK && pre > 1.0 - before - SLACK, where);
                assertTrue(post <= 2.0 + SLACK && post > 2.0 - after - SLACK, where);
            }
        }
    }

    @Test
    @Timeout(60)
    void aQuietCameraLeavesNoFileAndSaysSo() throws Exception {
        // given: a still room
        try (MotionCamera camera = MotionCamera.start(FPS, 40, 1000, 1000)) {
            Path file = dir.resolve("quiet.avi");

            // when
            CliRun run = CliRun.of("record", camera.uri().toString(), "--out", file.toString(), "--on-motion",
                    "--seconds", "4");

            // then
            assertEquals(0, run.status(), run.err());
            assertEquals("", run.out().strip());
            assertThat(run.err(), containsString("record: no motion in "));
            assertThat(run.err(), containsString("; no file written"));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count());
            }
        }
    }
}
