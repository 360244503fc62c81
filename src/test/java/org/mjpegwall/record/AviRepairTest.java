package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void repairDeletesZeroByteAndHeaderOnlyFiles() throws IOException {
        // given
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

        // then
        assertEquals(AviRepair.Outcome.DELETED_EMPTY, a.outcome());
        assertEquals(AviRepair.Outcome.DELETED_EMPTY, b.outcome());
        assertFalse(Files.exists(empty));
        assertFalse(Files.exists(headerOnly));
    }
}
