package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.record.AviRepair;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.MotionCamera;

/** {@code record --on-motion} in a child JVM, killed with SIGKILL in the middle of an event. */
class RecordOnMotionCrashTest {
    static final int FPS = 10;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    @Timeout(120)
    void sigkillDuringAnEventLosesAtMostTheLastSecond() throws Exception {
        // given: a camera with motion from frame 20 (2 s) on, and a child JVM recording it on motion
        try (MotionCamera camera = MotionCamera.start(FPS, 600, 20, 599)) {
            Path file = dir.resolve("event.avi");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Launcher.class.getName(), "record",
                    camera.uri().toString(), "--out", file.toString(), "--on-motion", "--pre-seconds", "1")
                    .redirectOutput(logs.resolve("out.txt").toFile()).redirectError(logs.resolve("err.txt").toFile())
                    .start();
            long killNanos;
            try {
                // when: the event has been recorded for about 5 s, the child is killed without warning
                Await.until("the clip's file", 60, () -> Files.exists(file) || !child.isAlive());
                assertTrue(child.isAlive(), () -> read(logs.resolve("err.txt")));
                int atFile = camera.sent();
                Await.until("5 s more of the event", 60, () -> camera.sent() >= atFile + 5 * FPS);
                killNanos = System.nanoTime();
                child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL");

            // then: after the program's repair, the file holds every frame from the pre-roll on, byte for byte,
            // up to at least the last frame sent a second before the kill
            AviRepair.Result repaired = AviRepair.repair(file);
            assertTrue(repaired.succeeded(), repaired.toString());
            int mustHave = 0;
            for (int n = 0; n < 600 && camera.sentNanos(n) >= 0 && camera.sentNanos(n) < killNanos - 1_000_000_000L;
                    n++) {
                mustHave = n;
            }
            try (AviReader r = AviReader.open(file)) {
                assertTrue(r.info().indexed());
                List<byte[]> frames = r.readFrames();
                int first = MotionCamera.number(frames.get(0));
                int last = first + frames.size() - 1;
                for (int i = 0; i < frames.size(); i++) {
                    assertArrayEquals(camera.frame(first + i), frames.get(i), "frame " + (first + i));
                }
                // the pre-roll (exact to a frame in RecordOnMotionTest; here the analysis sees every other frame)
                assertTrue(first >= 9 && first <= 14, "the clip starts about 1 s before the motion: frame " + first);
                assertTrue(last >= mustHave, "frames " + first + ".." + last + ", but frame " + mustHave
                        + " was sent more than a second before the kill");
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
