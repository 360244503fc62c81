package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;

class DiskTroubleTest {
    /** The program's recordings, as the wall or a command holds them. */
    final RecordingRegistry registry = new RecordingRegistry();

    @TempDir
    Path dir;

    RecordingOptions options() {
        return RecordingOptions.forCamera(dir, "cam").withQueueCapacity(100_000)
                .withClocks(RecorderTest.WALL, () -> RecorderTest.T0);
    }

    @Test
    void fullDiskStopsRecordingCleanlyAndKeepsWhatWasWritten() throws Exception {
        // given a disk that is full after 50 kB
        List<Frame> frames = RecorderTest.variableRate(10, 30);
        List<RecordingStatus> events = new CopyOnWriteArrayList<>();
        ChannelOpener fullAt50k = path -> new FullDiskChannel(ChannelOpener.FILES.open(path), 50_000);
        Recorder rec = Recorder.start(options(), registry, events::add, fullAt50k);

        // when
        frames.forEach(rec::accept);
        RecordingStatus end = rec.stopAsync().get(10, TimeUnit.SECONDS);

        // then the recording failed with a plain message, and said so to the listener
        assertEquals(RecordingStatus.State.FAILED, end.state());
        Path file = dir.resolve("cam_2026-11-24_12-30-00.avi");
        assertEquals("disk full: " + file, end.lastError());
        assertEquals(RecordingStatus.State.FAILED, events.get(events.size() - 1).state());
        assertTrue(registry.isEmpty(), "a failed recording gives back its name and file");
        long written = end.framesWritten();
        assertTrue(written > 10 && written < frames.size(), "written " + written);

        // and the file holds exactly the frames written, complete, within the disk's size
        assertTrue(Files.size(file) <= 50_000);
        try (AviReader r = AviReader.open(file)) {
            assertEquals(r.info().declaredMoviEnd(), r.info().validEnd(), "headers cover every complete chunk");
            assertEquals(Files.size(file), r.info().validEnd(), "no partial chunk left at the end");
            List<byte[]> back = r.readFrames();
            assertEquals(written, back.size());
            for (int i = 0; i < back.size(); i++) {
                assertArrayEquals(frames.get(i).jpeg(), back.get(i), "frame " + i);
            }
        }
        assertPlays(file, written);

        // and later frames are ignored without error
        rec.accept(frames.get(0));
        assertEquals(written, rec.status().framesWritten());
    }

    @Test
    void diskFullWhileWritingTheIndexLeavesAPlayableFileWithEveryFrame() throws Exception {
        // given a disk with room for every frame but not for the index: measure the frames' size first
        List<Frame> frames = RecorderTest.variableRate(3, 30);
        Path probeDir = java.nio.file.Files.createDirectory(dir.resolve("probe"));
        Recorder probe = Recorder.start(RecordingOptions.forCamera(probeDir, "cam").withQueueCapacity(1000)
                .withClocks(RecorderTest.WALL, () -> RecorderTest.T0), registry);
        frames.forEach(probe::accept);
        probe.stop();
        long dataEnd;
        try (AviReader r = AviReader.open(probe.status().files().get(0))) {
            dataEnd = r.info().declaredMoviEnd();
        }
        ChannelOpener noRoomForIndex = path -> new FullDiskChannel(ChannelOpener.FILES.open(path), dataEnd + 20);
        Recorder rec = Recorder.start(options(), registry, null, noRoomForIndex);

        // when
        frames.forEach(rec::accept);
        RecordingStatus end = rec.stopAsync().get(10, TimeUnit.SECONDS);

        // then
        assertEquals(RecordingStatus.State.FAILED, end.state());
        assertTrue(end.lastError().startsWith("disk full: "), end.lastError());
        assertEquals(frames.size(), end.framesWritten());
        Path file = end.files().get(0);
        assertEquals(Files.size(file), end.bytesWritten());
        try (AviReader r = AviReader.open(file)) {
            assertFalse(r.info().indexed(), "no half-written index");
            assertEquals(Files.size(file), r.info().validEnd());
            assertEquals(frames.size(), r.frameCount());
        }
        assertPlays(file, frames.size());
    }

    @Test
    void missingFolderAtNextSegmentStopsRecordingWithClearMessage() throws Exception {
        // given the folder disappears after the first segment (e.g. a USB disk unplugged)
        AtomicInteger opened = new AtomicInteger();
        ChannelOpener unplugged = path -> {
            if (opened.incrementAndGet() > 1) {
                throw new NoSuchFileException(path.toString());
            }
            return ChannelOpener.FILES.open(path);
        };
        Recorder rec = Recorder.start(options().withSegmentLength(Duration.ofSeconds(1)), registry, null, unplugged);

        // when
        RecorderTest.variableRate(3, 10).forEach(rec::accept);
        RecordingStatus end = rec.stopAsync().get(10, TimeUnit.SECONDS);

        // then
        assertEquals(RecordingStatus.State.FAILED, end.state());
        assertEquals("folder missing: " + dir, end.lastError());
        assertEquals(1, end.files().size());
        try (AviReader r = AviReader.open(end.files().get(0))) {
            assertTrue(r.info().indexed(), "the finished first segment is complete");
            assertEquals(10, r.frameCount());
        }
    }

    @Test
    @Timeout(20)
    void acceptNeverBlocksWhenTheDiskStalls() throws Exception {
        // given a disk whose writes hang until released, and room for 10 queued frames
        CountDownLatch release = new CountDownLatch(1);
        ChannelOpener stalled = path -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChannelOpener.FILES.open(path);
        };
        Recorder rec = Recorder.start(options().withQueueCapacity(10), registry, null, stalled);
        List<Frame> frames = RecorderTest.variableRate(10, 30);

        // when the feed thread offers 300 frames while the writer is stuck
        frames.forEach(rec::accept);

        // then it got through (the test would time out otherwise) and the overflow was counted
        long dropped = rec.status().framesDropped();
        assertTrue(dropped >= frames.size() - 11, "dropped " + dropped);
        release.countDown();
        rec.stop();
        assertEquals(frames.size(), rec.status().framesWritten() + rec.status().framesDropped());
    }

    static void assertPlays(Path file, long frames) throws IOException, InterruptedException {
        JsonNode probe = Ffprobe.probe(file);
        JsonNode stream = probe.path("streams").path(0);
        assertEquals("mjpeg", stream.path("codec_name").asText());
        assertEquals(frames, stream.path("nb_read_packets").asLong());
        assertFalse(probe.path("format").path("duration").isMissingNode());
    }
}
