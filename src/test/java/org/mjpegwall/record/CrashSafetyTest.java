package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.TestJpegs;

/** Kills a recording JVM with SIGKILL and checks what the file still holds. */
class CrashSafetyTest {
    /** The program's recordings, as the wall or a command holds them. */
    final RecordingRegistry registry = new RecordingRegistry();

    private static final int FPS = 30;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void fileSurvivesSigkillWithAllButTheLastTwoSeconds() throws Exception {
        // given a child JVM recording 30 fps in real time
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", RecordingChild.class.getName(), dir.toString(),
                String.valueOf(FPS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long accepted = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            // when it has recorded about 4 seconds, it is killed without warning
            String line;
            while (accepted < 4 * FPS && (line = out.readLine()) != null) {
                accepted = Long.parseLong(line.substring("accepted ".length()));
            }
            // SIGKILL: no shutdown hooks, no finally blocks. (Process.destroyForcibly would also close
            // our end of the pipe; the handle only sends the signal.)
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            // frames accepted until the kill took effect
            while ((line = out.readLine()) != null) {
                accepted = Long.parseLong(line.substring("accepted ".length()));
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        // then there is one recording, and it holds the first frames, every one intact
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            file = all.get(0);
        }
        byte[] image = TestJpegs.image(64, 48);
        long atLeast = accepted - 2L * FPS;
        try (AviReader r = AviReader.open(file)) {
            assertFalse(r.info().indexed(), "killed before the index was written");
            List<byte[]> frames = r.readFrames();
            assertTrue(frames.size() >= atLeast, frames.size() + " frames of " + accepted + " accepted");
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(TestJpegs.numbered(image, i), frames.get(i), "frame " + i);
            }
            // the headers, rewritten every second, already cover all but the last ~2 s
            long headerFrames = r.chunks().stream()
                    .filter(c -> c.size() > 0 && c.position() < r.info().declaredMoviEnd()).count();
            assertTrue(headerFrames >= atLeast, headerFrames + " frames under the headers of " + accepted);
        }

        // and the file plays as it is
        JsonNode asIs = Ffprobe.probe(file).path("streams").path(0);
        assertEquals("mjpeg", asIs.path("codec_name").asText());
        assertTrue(asIs.path("nb_read_packets").asLong() >= atLeast, asIs.toString());

        // and the next recording of this camera repairs it: index added, every frame kept
        long before;
        try (AviReader r = AviReader.open(file)) {
            before = r.frameCount();
        }
        Recorder next = Recorder.start(RecordingOptions.forCamera(dir, "crash"), registry);
        next.stop();
        for (int i = 0; i < 100 && !AviRepair.isComplete(file); i++) {
            Thread.sleep(50);
        }
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed(), "repaired on the next start");
            assertEquals(before, r.frameCount());
            assertEquals(Files.size(file), r.info().validEnd() + 8 + 16L * r.chunks().size());
        }
        JsonNode repaired = Ffprobe.probe(file).path("streams").path(0);
        assertEquals(before, repaired.path("nb_read_packets").asLong());
    }
}
