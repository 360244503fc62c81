package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.CliRun;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** The snapshot command: the next complete frame, byte for byte, or a clear failure. */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    @Test
    void savesTheNextFrameByteForByte() throws Exception {
        byte[] frame = TestJpegs.real(64, 48, 3);
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", false, frame, TestJpegs.fake(100, 1)));
            ex.stallUntilClosed();
        })) {
            Path out = dir.resolve("snap.jpg");
            // when
            CliRun run = CliRun.of("snapshot", server.uri("/").toString(), "--out", out.toString());
            // then
            assertEquals(0, run.status(), run.err());
            assertArrayEquals(frame, Files.readAllBytes(out));
            assertTrue(run.out().contains("saved " + frame.length + " bytes"), run.out());
        }
    }

    @Test
    void reportsWrongPasswordClearly() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.head("HTTP/1.1 401 Unauthorized",
                "WWW-Authenticate: Basic realm=\"x\"", "Content-Length: 0"))) {
            Path out = dir.resolve("snap.jpg");
            CliRun run = CliRun.of("snapshot", server.uri("/").toString(), "--out", out.toString(), "--user", "u",
                    "--password", "hunter2");
            assertEquals(1, run.status());
            assertEquals("snapshot: " + server.uri("/") + ": wrong password", run.err().strip());
            assertFalse(Files.exists(out));
            assertFalse(run.err().contains("hunter2"));
        }
    }

    @Test
    void reportsAnUnwritablePathBeforeConnecting() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Exchange::stallUntilClosed)) {
            Path out = dir.resolve("missing-folder").resolve("snap.jpg");
            CliRun run = CliRun.of("snapshot", server.uri("/").toString(), "--out", out.toString());
            assertEquals(1, run.status());
            assertTrue(run.err().contains("does not exist"), run.err());
            assertEquals(0, server.connections());
        }
    }

    @Test
    void reportsATimeout() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", new byte[0]);
            ex.stallUntilClosed();
        })) {
            CliRun run = CliRun.of("snapshot", server.uri("/").toString(), "--out", dir.resolve("s.jpg").toString(),
                    "--timeout", "0.3");
            assertEquals(1, run.status());
            assertEquals("snapshot: no frame from " + server.uri("/") + " within 0.3 s", run.err().strip());
        }
    }

    @Test
    void reportsABadUrl() {
        CliRun run = CliRun.of("snapshot", "http://", "--out", dir.resolve("s.jpg").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("snapshot: "), run.err());
    }
}
