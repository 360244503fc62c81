package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.TestJpegs;

class AviRepairTest {
    private static final byte[] IMAGE = TestJpegs.image(64, 48);

    @TempDir
    Path dir;

    /** A file as a crash leaves it: 20 frames, headers synced after 12, and half of a 21st chunk. */
    private Path crashed() throws IOException {
        Path file = dir.resolve("crashed.avi");
        AviWriter w = AviWriter.create(file, 30);
        for (int i = 0; i < 20; i++) {
            w.writeFrame(TestJpegs.numbered(IMAGE, i), 2L * i);
            if (i == 11) {
                w.sync(false);
            }
        }
        w.close();
        byte[] half = new byte[300];
        System.arraycopy(TestJpegs.numbered(IMAGE, 20), 0, half, 8, 292);
        System.arraycopy(new byte[] {'0', '0', 'd', 'c', (byte) 0xE8, 3, 0, 0}, 0, half, 0, 8);
        Files.write(file, half, StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void repairKeepsEveryCompleteFrameAndAddsTheIndex() throws IOException {
        // given
        Path file = crashed();
        assertFalse(AviRepair.isComplete(file));

        // when
        AviRepair.Result result = AviRepair.repair(file);

        // then
        assertEquals(AviRepair.Outcome.REPAIRED, result.outcome());
        assertEquals(20, result.frames());
        assertTrue(AviRepair.isComplete(file));
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed());
            assertEquals(39, r.info().headerTicks(), "frames at ticks 0..38, with repeat chunks between");
            List<byte[]> frames = r.readFrames();
            assertEquals(20, frames.size());
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(TestJpegs.numbered(IMAGE, i), frames.get(i));
            }
        }
        assertEquals(AviRepair.Outcome.ALREADY_COMPLETE, AviRepair.repair(file).outcome());
    }

    @Test
    void repairCutsZerosThatAPowerLossLeftAfterTheData() throws IOException {
        // given a file whose size grew but whose last blocks were never written
        Path file = crashed();
        Files.write(file, new byte[8192], StandardOpenOption.APPEND);

        // when
        AviRepair.repair(file);

        // then
        try (AviReader r = AviReader.open(file)) {
            assertEquals(20, r.frameCount());
            assertEquals(Files.size(file), r.info().validEnd() + 8 + 16L * r.chunks().size());
        }
    }

    @Test
    void repairDeletesARecordingOfOursWithoutFramesButLeavesAZeroByteFile() throws IOException {
        // given a header-only file of ours (killed before its first frame was complete), and a 0-byte file
        Path empty = Files.createFile(dir.resolve("empty.avi"));
        Path headerOnly = dir.resolve("header.avi");
        try (FileChannel ch = FileChannel.open(headerOnly, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer head = AviHeader.build(new AviHeader.Values(64, 48, 120, 0, 0, AviHeader.DATA_START,
                    AviHeader.DATA_START, false));
            ch.write(head);
        }

        // when
        AviRepair.Result a = AviRepair.repair(empty);
        AviRepair.Result b = AviRepair.repair(headerOnly);

        // then the zero-byte file carries no marker, so it stays
        assertEquals(AviRepair.Outcome.UNCHANGED, a.outcome());
        assertTrue(Files.exists(empty));
        assertEquals(AviRepair.Outcome.DELETED_EMPTY, b.outcome());
        assertFalse(Files.exists(headerOnly));
    }

    @Test
    void writtenFilesCarryTheMarkerAndOthersDoNot() throws IOException {
        // given
        Path ours = crashed();
        Path theirs = dir.resolve("theirs.avi");
        byte[] bytes = Files.readAllBytes(ours);
        int at = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1).indexOf(AviHeader.SOFTWARE);
        bytes[at] = 'X';
        Files.write(theirs, bytes);

        // when
        AviRepair.Result a = AviRepair.repair(theirs);
        AviRepair.Result b = AviRepair.repair(ours);

        // then the same damage is repaired in our file and left alone in the other
        assertEquals(AviRepair.Outcome.UNCHANGED, a.outcome());
        assertTrue(a.message().contains("not written by MJPEG Wall"), a.message());
        assertArrayEquals(bytes, Files.readAllBytes(theirs));
        assertEquals(AviRepair.Outcome.REPAIRED, b.outcome());
    }

    @Test
    void anIndexThatDisagreesWithTheDataIsRebuiltByScanning() throws IOException {
        // given a finished recording whose idx1 points every entry at the first frame
        Path file = dir.resolve("idx.avi");
        try (AviWriter w = AviWriter.create(file, 120)) {
            for (int i = 0; i < 30; i++) {
                w.writeFrame(TestJpegs.numbered(IMAGE, i), 4L * i);
            }
            w.finish(120);
        }
        long idx1 = Files.size(file) - 16L * 120 - 8;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int e = 0; e < 120; e++) {
                ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 4), idx1 + 8 + 16L * e + 8);
            }
        }

        // when
        AviRepair.Result result = AviRepair.repair(file);

        // then
        assertEquals(AviRepair.Outcome.REPAIRED, result.outcome());
        assertEquals(30, result.frames());
        try (AviReader r = AviReader.open(file)) {
            assertTrue(r.info().indexed());
            List<byte[]> frames = r.readFrames();
            for (int i = 0; i < 30; i++) {
                assertArrayEquals(TestJpegs.numbered(IMAGE, i), frames.get(i), "frame " + i);
            }
        }
    }

    @Test
    void aChunkWithAHugeSizeIsSteppedOverAndItsFrameKept() throws IOException {
        // given an unfinished recording where the size of the 6th frame's chunk is garbage
        Path file = crashed();
        long header = AviHeader.DATA_START;
        try (AviReader r = AviReader.open(file)) {
            header = r.chunks().stream().filter(c -> c.size() > 0).skip(5).findFirst().orElseThrow().position() - 8;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x7FFF_FFF0), header + 4);
        }

        // when
        AviRepair.Result result = AviRepair.repair(file);

        // then every frame is there, the damaged one with its true size
        assertEquals(AviRepair.Outcome.REPAIRED, result.outcome());
        try (AviReader r = AviReader.open(file)) {
            List<byte[]> frames = r.readFrames();
            assertEquals(20, frames.size());
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(TestJpegs.numbered(IMAGE, i), frames.get(i), "frame " + i);
            }
            assertEquals(39, r.info().headerTicks(), "timing kept: frames at ticks 0..38");
        }
    }

    @Test
    void repairKeepsPermissionsAndModificationTimeAndLeavesNoTemporaryFile() throws IOException {
        // given
        Path file = crashed();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        FileTime old = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, old);

        // when
        AviRepair.repair(file);

        // then retention, which goes by modification time, still sees an old file
        assertEquals(old, Files.getLastModifiedTime(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of("crashed.avi"), list.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aRecordingWithoutATimebaseIsLeftAsItIsWithAReason() throws IOException {
        // given an unfinished recording of ours whose stream header says dwRate 0
        Path file = crashed();
        byte[] bytes = Files.readAllBytes(file);
        int strh = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1).indexOf("strh");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(strh + 8 + 24, 0);
        Files.write(file, bytes);

        // when
        AviRepair.Result result = AviRepair.repair(file);

        // then
        assertEquals(AviRepair.Outcome.UNCHANGED, result.outcome());
        assertTrue(result.message().contains("no frame rate"), result.message());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }
}
