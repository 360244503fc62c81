package org.mjpegwall.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The event log reader on untrusted lines: it never throws for content, and whatever it returns is
 * valid (times in order, fractions 0..1, a key frame that cannot point outside the log folder).
 * Seeds under {@code EventLogReaderFuzzTestInputs/read} run in {@code mvn verify}.
 */
class EventLogReaderFuzzTest {
    private static final Path LOG = Path.of("/var/log-folder");

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws IOException {
        EventLogReader.Result r = EventLogReader.read(new ByteArrayInputStream(data));
        long lines = 1;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        assertTrue(r.events().size() + r.skippedLines() <= lines);
        for (LoggedEvent e : r.events()) {
            assertFalse(e.end() != null && e.end().isBefore(e.start()));
            assertTrue(e.peakScore() >= 0 && e.peakScore() <= 1 && e.peakArea() >= 0 && e.peakArea() <= 1);
            if (e.keyFrame() != null) {
                assertEquals(LOG, e.keyFramePath(LOG).normalize().getParent(), "key frame stays in the log folder");
            }
        }
    }
}
