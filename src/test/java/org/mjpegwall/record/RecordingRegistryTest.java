package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.testing.Await;
import org.mjpegwall.testing.TestJpegs;

/** The program's stop finishes every recording's file, whoever started it, and one that starts while it stops. */
class RecordingRegistryTest {
    private static final byte[] IMAGE = TestJpegs.image(64, 48);
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-11-24T12:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final RecordingRegistry registry = new RecordingRegistry();

    private Recorder start(String camera) throws IOException {
        return Recorder.start(RecordingOptions.forCamera(dir, camera).withClocks(WALL, System::nanoTime), registry);
    }

    private static void frames(Recorder r, int n) {
        for (int i = 0; i < n; i++) {
            long t = 1_000_000_000L + i * 100_000_000L;
            r.accept(new Frame(TestJpegs.numbered(IMAGE, i), i, t / 1_000_000, t));
        }
    }

    private static void assertFinished(Path file, int frames) throws IOException {
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed(), file + " has its index");
            assertEquals(frames, r.frameCount(), file.toString());
        }
    }

    @Test
    void stopAllFinishesTheFileOfEveryRunningRecordingWithItsIndex() throws Exception {
        // given two cameras recording
        Recorder door = start("Door");
        Recorder yard = start("Yard");
        frames(door, 12);
        frames(yard, 7);
        // when the program stops
        List<RecordingRegistry.Stop> stops = registry.stopAll();
        // then both are named, and each file is finished with every queued frame
        assertEquals(List.of("Door", "Yard"), stops.stream().map(RecordingRegistry.Stop::camera).sorted().toList());
        for (RecordingRegistry.Stop s : stops) {
            s.finished().get(10, TimeUnit.SECONDS);
        }
        assertFinished(door.status().files().get(0), 12);
        assertFinished(yard.status().files().get(0), 7);
        assertTrue(registry.isEmpty(), "nothing left running");
    }

    @Test
    void aRecordingThatStartsWhileTheProgramStopsIsStoppedAtOnce() throws Exception {
        // given a program that is stopping, with nothing recording
        assertEquals(List.of(), registry.stopAll());
        // when a recording starts late (it was on its way on another thread), and frames come
        Recorder late = start("Late");
        frames(late, 5);
        // then it ends by itself (nobody stops it here), having taken no frame, and leaves nothing running
        Await.until("the late recording ended", () -> late.status().state() == RecordingStatus.State.STOPPED);
        assertEquals(0, late.status().framesWritten());
        assertEquals(List.of(), late.status().files());
        Await.until("nothing left running", registry::isEmpty);
    }
}
