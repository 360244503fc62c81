package org.mjpegwall.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.TestRecordings;

class TimelineTest {
    @TempDir
    Path dir;

    @Test
    void joinsSegmentsWithoutAGap() throws IOException {
        // given two segments of 1 s each: frames every 12 ticks (10 fps), the first held to tick 120
        List<byte[]> a = TestRecordings.frames(0, 10);
        List<byte[]> b = TestRecordings.frames(10, 10);
        Path f1 = TestRecordings.write(dir.resolve("cam.avi"), a, 12, 120);
        Path f2 = TestRecordings.write(dir.resolve("cam-002.avi"), b, 12, 120);
        IndexCache cache = new IndexCache(4);
        // when
        Timeline tl = Timeline.of(List.of(cache.open(f1), cache.open(f2)));
        // then the second segment starts exactly where the first ends, and every frame keeps its 100 ms
        assertEquals(2_000_000_000L, tl.durationNanos(), 2);
        assertEquals(20, tl.frameCount());
        for (int g = 0; g < 20; g++) {
            assertEquals(g * 100_000_000L, tl.frameNanos(g), 2, "frame " + g);
            assertEquals(g * 12L, tl.frameTick(g));
        }
        assertEquals(9, tl.frameAt(999_999_999L));
        assertEquals(10, tl.frameAt(1_000_000_000L));
        assertArrayEquals(b.get(0), tl.readFrame(10));
        assertArrayEquals(a.get(9), tl.readFrame(tl.frameAt(999_000_000L)));
    }
}
