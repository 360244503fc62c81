package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** The probe command against a scripted camera. */
class ProbeCommandTest {
    private static ScriptedServer camera(byte[]... frames) throws Exception {
        return ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", multipart("b", true, frames));
            ex.stallUntilClosed();
        });
    }

    @Test
    void printsSeedStyleStatsAndExitsZeroWhenFramesArrive() throws Exception {
        try (ScriptedServer server = camera(TestJpegs.fake(1000, 1), TestJpegs.fake(1000, 2), TestJpegs.fake(1000, 3))) {
            // when
            CliRun run = CliRun.of("probe", server.uri("/s").toString(), "--frames", "3", "--seconds", "20");
            // then
            assertEquals(0, run.status(), run.err());
            String[] lines = run.out().split("\\R");
            assertEquals("URL:              " + server.uri("/s"), lines[0]);
            assertTrue(lines[1].startsWith("FPS:"), lines[1]);
            assertEquals("Buffer overruns:  0", lines[2]);
            assertEquals("Reconnects:       0", lines[3]);
            assertEquals("Total frames:     3", lines[4]);
            assertEquals("Discarded frames: 0", lines[5]);
            assertTrue(lines[6].startsWith("Buffer queue:"), lines[6]);
        }
    }

    @Test
    void userWithoutPasswordIsAcceptedAndPasswordWithoutUserIsAUsageError() throws Exception {
        try (ScriptedServer server = camera(TestJpegs.fake(1000, 1))) {
            // when a user name comes alone (a camera account with an empty password)
            CliRun alone = CliRun.of("probe", server.uri("/s").toString(), "--user", "viewer", "--frames", "1", "--seconds", "20");
            // then it probes as usual
            assertEquals(0, alone.status(), alone.err());

            // when a password comes without a user name
            CliRun orphan = CliRun.of("probe", server.uri("/s").toString(), "--password", "topsecret", "--frames", "1");
            // then it says so instead of silently ignoring the password
            assertEquals(2, orphan.status());
            assertTrue(orphan.err().contains("--password needs --user"), orphan.err());
            assertFalse(orphan.err().contains("topsecret"), orphan.err());
        }
    }

    @Test
    void printsOneJsonLineWithDecodeCountsAndRedactedUrl() throws Exception {
        // given: two real JPEGs and one that is not decodable
        try (ScriptedServer server = camera(TestJpegs.real(32, 24, 1), TestJpegs.fake(500, 2), TestJpegs.real(32, 24, 3))) {
            String url = "http://viewer:topsecret@127.0.0.1:" + server.port() + "/s";
            // when
            CliRun run = CliRun.of("probe", url, "--frames", "3", "--seconds", "20", "--json", "--decode");
            // then
            assertEquals(0, run.status(), run.err());
            assertEquals(1, run.out().strip().lines().count());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("http://127.0.0.1:" + server.port() + "/s", json.get("url").asText());
            assertEquals(3, json.get("totalFrames").asLong());
            assertEquals(2, json.get("decoded").asLong());
            assertEquals(1, json.get("decodeErrors").asLong());
            assertEquals(0, json.get("discardedFrames").asLong());
            assertTrue(json.get("bytes").asLong() > 0);
            assertTrue(json.get("lastError").isNull());
            for (String field : new String[] {"state", "fps", "overruns", "reconnects"}) {
                assertTrue(json.has(field), field);
            }
            assertFalse(run.out().contains("topsecret"));
        }
    }

    @Test
    void exitsNonZeroWithTheErrorWhenNoFrameArrives() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.head("HTTP/1.1 404 Not Found", "Content-Length: 0"))) {
            CliRun run = CliRun.of("probe", server.uri("/nothing").toString(), "--seconds", "0.5", "--json");
            assertEquals(1, run.status());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("not found (HTTP 404)", json.get("lastError").asText());
            assertEquals(0, json.get("totalFrames").asLong());
        }
    }

    @Test
    void rejectsABadUrlWithAClearMessage() {
        CliRun run = CliRun.of("probe", "ftp://cam/x");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("not an http or https URL"), run.err());
    }

    @Test
    void sendsGivenCredentials() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            if (ex.request().header("Authorization") == null) {
                ex.head("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Basic realm=\"x\"", "Content-Length: 0");
                return;
            }
            ex.respondMjpeg("b", multipart("b", true, TestJpegs.fake(100, 1)));
            ex.stallUntilClosed();
        })) {
            CliRun run = CliRun.of("probe", server.uri("/").toString(), "--user", "u", "--password", "pw", "--frames",
                    "1", "--seconds", "20");
            assertEquals(0, run.status(), run.out() + run.err());
            assertFalse(run.out().contains("pw"));
        }
    }
}
