package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mjpegwall.testing.FuzzTempFiles;
import org.mjpegwall.testing.TestJpegs;

/**
 * Fuzzes the AVI reader with whole files, and its index check with any idx1 behind a good recording.
 * Runs its seed corpus ({@code AviReaderFuzzTestInputs/}) in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AviReaderFuzzTest {
    private static final Path DIR = FuzzTempFiles.folder("avi-reader");

    @FuzzTest(maxDuration = "10m")
    void readsAnyFileWithoutCrashing(byte[] data) throws IOException {
        Path f = Files.write(DIR.resolve("any.avi"), data);
        try (AviReader r = AviReader.open(f)) {
            // then every chunk lies in the file and every frame is a JPEG start
            for (AviReader.Chunk c : r.chunks()) {
                assertTrue(c.size() >= 0 && c.position() >= 0 && c.position() + c.size() <= data.length, c.toString());
            }
            for (byte[] frame : r.readFrames()) {
                assertTrue(frame.length >= 2 && (frame[0] & 0xFF) == 0xFF && (frame[1] & 0xFF) == 0xD8);
            }
            assertTrue(!r.duration().isNegative());
        } catch (IOException refused) {
            assertNotNull(refused.getMessage(), "a refusal says why");
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyIndexIsCheckedAgainstTheData(byte[] index) throws IOException {
        // given a finished recording whose idx1 holds the fuzzer's bytes
        Path f = Files.write(DIR.resolve("index.avi"), Seeds.withIndex(index));
        try {
            // when / then the index can neither hide a frame nor invent one
            try (AviReader r = AviReader.open(f)) {
                assertEquals(Seeds.FRAMES.size(), r.frameCount());
                List<byte[]> frames = r.readFrames();
                for (int i = 0; i < frames.size(); i++) {
                    assertArrayEquals(Seeds.FRAMES.get(i), frames.get(i), "frame " + i);
                }
            }
            AviRepair.Result result = AviRepair.repair(f);
            assertTrue(result.succeeded(), result.toString());
            assertEquals(Seeds.FRAMES.size(), result.frames());
        } finally {
            FuzzTempFiles.clear(DIR);
        }
    }

    /** Small recordings for seeds and for the index target. */
    static final class Seeds {
        static final List<byte[]> FRAMES;
        /** A finished recording without its idx1 chunk, and that idx1's entries. */
        private static final byte[] MOVI;
        static final byte[] INDEX;

        static {
            byte[] image = TestJpegs.image(8, 8);
            FRAMES = List.of(TestJpegs.numbered(image, 0), TestJpegs.numbered(image, 1), TestJpegs.numbered(image, 2));
            try {
                Path f = DIR.resolve("seed.avi");
                Files.deleteIfExists(f);
                try (AviWriter w = AviWriter.create(f, 120)) {
                    for (int i = 0; i < FRAMES.size(); i++) {
                        w.writeFrame(FRAMES.get(i), 2L * i);
                    }
                    w.finish(6);
                }
                byte[] all = Files.readAllBytes(f);
                Files.delete(f);
                int idx1 = all.length - 8 - 16 * 6;
                MOVI = java.util.Arrays.copyOf(all, idx1);
                INDEX = java.util.Arrays.copyOfRange(all, idx1 + 8, all.length);
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static byte[] withIndex(byte[] index) {
            ByteBuffer b = ByteBuffer.allocate(MOVI.length + 8 + index.length + (index.length & 1))
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.put(MOVI).put("idx1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(index.length).put(index);
            b.putInt(4, b.capacity() - 8);
            return b.array();
        }
    }
}
