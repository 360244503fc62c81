package org.mjpegwall.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.ExternalTools;

/**
 * Repair on damaged and foreign files ({@link HostileAvis}): it never throws, never changes a file
 * MJPEG Wall did not write, never deletes one that holds a frame, never leaves a file with fewer
 * playable frames than it had (decoded by ffmpeg too), and does what each case calls for.
 */
class RepairHostileFilesTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> repairNeverMakesAFileWorse() throws Exception {
        boolean ffmpeg = ExternalTools.find("ffmpeg") != null && ExternalTools.find("ffprobe") != null;
        if ("true".equals(System.getenv("CI"))) {
            ExternalTools.require("ffmpeg");
            ExternalTools.require("ffprobe");
        }
        List<HostileAvis.Case> cases = HostileAvis.make(dir, ffmpeg, true);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, ffmpeg)));
    }

    private static void check(HostileAvis.Case c, boolean ffmpeg) throws Exception {
        // given
        Path f = c.file();
        long size = Files.size(f);
        FileTime modified = Files.getLastModifiedTime(f);
        String hash = c.sparse() ? null : sha256(f);
        long probedBefore = ffmpeg && !c.sparse() ? ProbeCount.decodedFrames(f) : -1;

        // when
        AviRepair.Result result = null;
        try {
            result = AviRepair.repair(f);
        } catch (IOException | RuntimeException e) {
            fail(c.name() + ": repair threw " + e, e);
        }

        // then
        assertEquals(c.expected(), result.outcome(), c.name() + ": " + result);
        if (result.outcome() == AviRepair.Outcome.UNCHANGED) {
            assertTrue(result.message() != null && !result.message().isBlank(), c.name() + ": no reason given");
        }
        if (!c.ours() || result.outcome() == AviRepair.Outcome.UNCHANGED) {
            assertTrue(Files.exists(f), c.name() + ": deleted");
            assertEquals(size, Files.size(f), c.name() + ": size changed");
            assertEquals(modified, Files.getLastModifiedTime(f), c.name() + ": modified");
            if (hash != null) {
                assertEquals(hash, sha256(f), c.name() + ": bytes changed");
            }
            return;
        }
        if (!Files.exists(f)) {
            assertEquals(0, c.frames(), c.name() + ": deleted although it held frames");
            return;
        }
        try (AviReader r = AviReader.open(f)) {
            // Distinct places in the file: an index that points every entry at one frame does not count 606.
            long frames = r.chunks().stream().filter(ch -> ch.size() > 0).mapToLong(AviReader.Chunk::position)
                    .distinct().count();
            assertTrue(frames >= c.frames(), c.name() + ": " + frames + " frames after repair, " + c.frames() + " before");
        } catch (IOException e) {
            assertEquals(0, c.frames(), c.name() + ": unreadable after repair (" + e.getMessage() + ")");
        }
        if (probedBefore >= 0) {
            long after = ProbeCount.decodedFrames(f);
            assertTrue(after >= probedBefore, c.name() + ": ffmpeg decodes " + after + " frames, " + probedBefore + " before");
        }
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
