package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.testing.CliRun;
import org.mjpegwall.testing.ExternalTools;

/** {@code record} against a live demo camera on 127.0.0.1. */
class RecordCommandStreamTest {
    private DemoServer demo;

    @TempDir
    Path dir;

    @AfterEach
    void closeDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    private String camera(String password) throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withCameras(1).withFps(10).withSize(160, 120)
                .withPassword(password));
        return demo.cameraUris().get(0).toString();
    }

    @Test
    @Timeout(30)
    void recordsExactlyTheAskedNumberOfFramesIntoAPlayableFile() throws Exception {
        // given
        String url = camera(null);
        Path file = dir.resolve("clip.avi");

        // when
        long started = System.nanoTime();
        CliRun run = CliRun.of("record", url, "--out", file.toString(), "--frames", "15");
        double runSeconds = (System.nanoTime() - started) / 1e9;

        // then
        assertEquals(0, run.status(), run.err());
        assertEquals(file.toString(), run.out().strip());
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed());
            assertEquals(15, r.frameCount());
            assertEquals(160, r.info().width());
            // Each frame is kept at its arrival time and the last one is held a frame interval (0.1 s): 15 frames of
            // a 10 fps camera make at least about 1.2 s, and no more than the run took plus that last interval (a
            // busy machine delays the camera, so there is no upper figure of its own).
            double seconds = r.duration().toNanos() / 1e9;
            assertTrue(seconds >= 1.2 && seconds <= runSeconds + 0.2, seconds + " s in a run of " + runSeconds + " s");
        }
        Path log = dir.resolve("ffprobe.json");
        Path ffprobe = ExternalTools.require("ffprobe");
        assertEquals(0, ExternalTools.run(log, 30, ffprobe.toString(), "-v", "error", "-count_packets",
                "-show_streams", "-of", "json", file.toString()));
        JsonNode stream = new ObjectMapper().readTree(Files.readString(log)).path("streams").path(0);
        assertEquals("mjpeg", stream.path("codec_name").asText());
        assertEquals(15, stream.path("nb_read_packets").asInt());
    }

    @Test
    @Timeout(30)
    void recordsForSecondsIntoSegmentsWithPasswordKeptSecret() throws Exception {
        // given a camera that needs a password, and 1-second segments
        String url = camera("pa55word");
        Path file = dir.resolve("clip.avi");

        // when
        CliRun run = CliRun.of("record", url, "--out", file.toString(), "--seconds", "2.5", "--segment-minutes", "0.0167",
                "--user", "viewer", "--password", "pa55word");

        // then
        assertEquals(0, run.status(), run.err());
        List<String> files = run.out().strip().lines().toList();
        assertTrue(files.size() >= 2, files.toString());
        assertEquals(file.toString(), files.get(0));
        assertEquals(dir.resolve("clip-002.avi").toString(), files.get(1));
        int frames = 0;
        for (String f : files) {
            try (AviReader r = AviReader.open(Path.of(f))) {
                assertTrue(r.info().indexed());
                frames += r.frameCount();
            }
        }
        assertTrue(frames >= 20 && frames <= 30, frames + " frames in 2.5 s at 10 fps");
        assertThat(run.err() + run.out(), not(containsString("pa55word")));
    }

    @Test
    @Timeout(30)
    void wrongPasswordGivesUpWithTheCamerasAnswer() throws Exception {
        // given
        String url = camera("the-right-one");
        Path file = dir.resolve("clip.avi");

        // when
        CliRun run = CliRun.of("record", url, "--out", file.toString(), "--user", "u", "--password", "Xy9-not-it",
                "--give-up-after", "2");

        // then
        assertEquals(1, run.status());
        assertThat(run.err(), containsString("record: no frame from the camera in 2 s"));
        assertThat(run.err(), not(containsString("Xy9-not-it")));
        assertTrue(Files.notExists(file), "no empty file is left behind");
    }
}
