package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;

/** An independent reader, ffprobe, agrees on codec, frame count and duration. */
class FfprobeTest {
    /** The program's recordings, as the wall or a command holds them. */
    final RecordingRegistry registry = new RecordingRegistry();

    @TempDir
    Path dir;

    @Test
    void ffprobeSeesMjpegWithEveryFrameAndRealDurationForVariableRate() throws Exception {
        // given a camera at 5 fps in the dark, 30 fps in daylight, then 12 fps
        List<Frame> frames = RecorderTest.variableRate(10, 5, 10, 30, 5, 12);
        double realSeconds = (frames.get(frames.size() - 1).arrivalNanos() - frames.get(0).arrivalNanos()) / 1e9
                + 1 / 12.0;
        Recorder rec = Recorder.start(RecordingOptions.forCamera(dir, "cam").withQueueCapacity(10_000)
                .withClocks(RecorderTest.WALL, () -> RecorderTest.T0), registry);

        // when
        frames.forEach(rec::accept);
        rec.stop();

        // then
        Path file = rec.status().files().get(0);
        JsonNode probe = Ffprobe.probe(file);
        JsonNode stream = probe.path("streams").path(0);
        assertEquals("mjpeg", stream.path("codec_name").asText());
        assertEquals(64, stream.path("width").asInt());
        assertEquals(frames.size(), stream.path("nb_read_packets").asLong(), "every frame, none repeated");
        double seconds = probe.path("format").path("duration").asDouble();
        assertEquals(realSeconds, seconds, realSeconds * 0.02, "duration within 2% of the recorded time");
    }
}
