package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mjpegwall.testing.ExternalTools;

/**
 * How many frames ffmpeg can decode from a file's first video stream, damaged or not (0 when none):
 * the playable frames. Why decode rather than count packets: reading a file without a usable index,
 * ffprobe also reports the entries of a damaged idx1 as 16-byte packets, and empty repeat chunks as
 * packets, neither of which is a picture.
 */
final class ProbeCount {
    private ProbeCount() {
    }

    static long decodedFrames(Path file) throws IOException, InterruptedException {
        Path ffmpeg = ExternalTools.require("ffmpeg");
        Path out = Files.createTempFile("ffmpeg-frames", ".txt");
        try {
            ExternalTools.run(out, 120, ffmpeg.toString(), "-nostdin", "-v", "quiet", "-i", file.toString(),
                    "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "framecrc", "-");
            try (var lines = Files.lines(out)) {
                return lines.filter(l -> !l.startsWith("#") && !l.isBlank()).count();
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
