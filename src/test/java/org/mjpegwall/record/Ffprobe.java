package org.mjpegwall.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mjpegwall.testing.ExternalTools;

/** Runs ffprobe on a file and returns its JSON report (streams with packet counts, and format). */
final class Ffprobe {
    private Ffprobe() {
    }

    static JsonNode probe(Path file) throws IOException, InterruptedException {
        Path ffprobe = ExternalTools.require("ffprobe");
        Path out = Files.createTempFile("ffprobe", ".json");
        try {
            int rc = ExternalTools.run(out, 60, ffprobe.toString(), "-v", "error", "-count_packets",
                    "-show_streams", "-show_format", "-of", "json", file.toString());
            String text = Files.readString(out);
            if (rc != 0) {
                throw new AssertionError("ffprobe failed on " + file + ": " + text);
            }
            // -v error still prints decoder complaints before the JSON; they would mean a broken file.
            int brace = text.indexOf('{');
            if (brace > 0 && !text.substring(0, brace).isBlank()) {
                throw new AssertionError("ffprobe reported errors on " + file + ": " + text.substring(0, brace));
            }
            return new ObjectMapper().readTree(text.substring(Math.max(0, brace)));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
