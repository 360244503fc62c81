package org.mjpegwall.source;

import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.source.ClientHarness.assertFrames;
import static org.mjpegwall.source.ClientHarness.streaming;
import static org.mjpegwall.testing.ScriptedServer.ascii;
import static org.mjpegwall.testing.ScriptedServer.chunked;
import static org.mjpegwall.testing.ScriptedServer.concat;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** HTTP behaviour against a scripted server: auth, redirects, transfer variants, failures in plain words. */
class MjpegClientHttpTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(5000, 2);
    private static final byte[] C = TestJpegs.fake(70_000, 3);

    private static String awaitError(MjpegClient client) {
        return Await.value("an error in the stats", () -> client.stats().lastError());
    }

    // ---- authentication --------------------------------------------------------------------------------

    @Test
    void answersBasicChallengeWithCredentials() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("viewer:pa ss".getBytes(StandardCharsets.UTF_8));
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            if (!expected.equals(ex.request().header("Authorization"))) {
                ex.head("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Basic realm=\"cam\"", "Content-Length: 0");
                return;
            }
            streaming(A, B).run(ex);
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/v"))
                .credentials("viewer", "pa ss").build())) {
            h.collect(2);
            assertFrames(h, A, B);
            assertNull(server.requests().get(0).header("Authorization"), "no credentials before a challenge");
            assertEquals(expected, server.requests().get(1).header("Authorization"));
            assertEquals(0, h.client.stats().reconnects());
        }
    }

    @Test
    void takesCredentialsFromTheUrl() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("viewer:p@ss".getBytes(StandardCharsets.UTF_8));
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            if (!expected.equals(ex.request().header("Authorization"))) {
                ex.head("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Basic realm=\"cam\"", "Content-Length: 0");
                return;
            }
            streaming(A).run(ex);
        })) {
            URI uri = URI.create("http://viewer:p%40ss@127.0.0.1:" + server.port() + "/v");
            try (ClientHarness h = ClientHarness.start(ClientHarness.fast(uri).build())) {
                h.collect(1);
                assertFrames(h, A);
                assertEquals("http://127.0.0.1:" + server.port() + "/v", h.client.stats().url());
            }
        }
    }

    /** A server that checks RFC 7616 digests itself (independent of the client's code). */
    private static ScriptedServer.Script digestServer(String algorithmAsWritten, String password, byte[]... frames) {
        return ex -> {
            String auth = ex.request().header("Authorization");
            if (auth == null || !validDigest(auth, algorithmAsWritten, password)) {
                ex.head("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Digest realm=\"cam@example\", qop=\"auth\", "
                        + "algorithm=" + algorithmAsWritten + ", nonce=\"abc123\", opaque=\"op\"", "Content-Length: 0");
                return;
            }
            streaming(frames).run(ex);
        };
    }

    private static boolean validDigest(String header, String algorithm, String password) throws Exception {
        Map<String, String> p = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String hash = algorithm.toUpperCase(Locale.ROOT).equals("SHA-256") ? "SHA-256" : "MD5";
        MessageDigest md = MessageDigest.getInstance(hash);
        HexFormat hex = HexFormat.of();
        String ha1 = hex.formatHex(md.digest((p.get("username") + ":cam@example:" + password).getBytes(StandardCharsets.UTF_8)));
        String ha2 = hex.formatHex(md.digest(("GET:" + p.get("uri")).getBytes(StandardCharsets.UTF_8)));
        String expected = hex.formatHex(md.digest((ha1 + ":abc123:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                .getBytes(StandardCharsets.UTF_8)));
        return expected.equals(p.get("response")) && "op".equals(p.get("opaque")) && "auth".equals(p.get("qop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "md5", "SHA-256", "sha-256"})
    void answersDigestChallenge(String algorithm) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(digestServer(algorithm, "secret", A, B));
                ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/v?x=1"))
                        .credentials("viewer", "secret").build())) {
            h.collect(2);
            assertFrames(h, A, B);
            String auth = server.requests().get(1).header("Authorization");
            assertTrue(auth.contains("uri=\"/v?x=1\""), auth);
            assertFalse(auth.contains("secret"));
        }
    }

    @Test
    void digestReconnectReusesTheNonceWithAHigherCount() throws Exception {
        // given: the first authorised connection closes after one frame
        ScriptedServer.Script digest = digestServer("SHA-256", "secret", A);
        try (ScriptedServer server = ScriptedServer.start(digest, ex -> {
            if (ex.request().header("Authorization") == null) {
                throw new AssertionError("expected credentials");
            }
            ex.respondMjpeg("b", multipart("b", true, A)).close();
        }, digestServer("SHA-256", "secret", B)); ClientHarness h = ClientHarness.start(ClientHarness.fast(
                server.uri("/v")).credentials("viewer", "secret").build())) {
            h.collect(2);
            assertFrames(h, A, B);
            assertTrue(server.requests().get(2).header("Authorization").contains("nc=00000002"));
        }
    }

    @Test
    void wrongPasswordIsReportedInPlainWordsAndRetried() throws Exception {
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(digestServer("MD5", "right", A));
                MjpegClient client = ClientHarness.faked(server.uri("/v"), time, timeline)
                        .credentials("viewer", "wrong-pw").build()) {
            // when
            client.start();
            assertEquals("wrong password", awaitError(client));
            time.advanceToNextWake();
            time.awaitSleeper();
            // then: refused, retried after the backoff, refused again
            assertEquals(List.of("0.000 CONNECTING", "0.000 BACKOFF wrong password", "0.500 CONNECTING",
                    "0.500 BACKOFF wrong password"), timeline.events());
            SourceStats s = client.stats();
            assertFalse(s.toString().contains("wrong-pw"));
            assertEquals(0, s.totalFrames());
        }
    }

    @Test
    void missingPasswordIsReportedInPlainWords() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(digestServer("MD5", "right", A));
                MjpegClient client = ClientHarness.fast(server.uri("/v")).build()) {
            client.start();
            assertEquals("password required (HTTP 401)", awaitError(client));
        }
    }

    // ---- redirects and failures ------------------------------------------------------------------------

    @Test
    void followsRedirects() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.head("HTTP/1.1 302 Found", "Location: /moved?a=1", "Content-Length: 0"),
                ex -> ex.head("HTTP/1.1 307 Temporary Redirect", "Location: http://127.0.0.1:" + ex.request()
                        .header("Host").split(":")[1] + "/final", "Content-Length: 0"),
                streaming(A, B)); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/start")).build())) {
            h.collect(2);
            assertFrames(h, A, B);
            assertEquals(List.of("/start", "/moved?a=1", "/final"),
                    server.requests().stream().limit(3).map(ScriptedServer.Request::target).toList());
        }
    }

    @Test
    void reportsRedirectLoop() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.head("HTTP/1.1 302 Found", "Location: /again", "Content-Length: 0"));
                MjpegClient client = ClientHarness.fast(server.uri("/")).build()) {
            client.start();
            assertEquals("too many redirects", awaitError(client));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "HTTP/1.1 404 Not Found, not found (HTTP 404)",
        "HTTP/1.1 403 Forbidden, access denied (HTTP 403)",
        "HTTP/1.1 500 Internal Server Error, camera error (HTTP 500)",
        "HTTP/1.1 503 Service Unavailable, camera busy or unavailable (HTTP 503)",
    })
    void reportsHttpFailuresInPlainWordsAndRetries(String status, String words) throws Exception {
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.head(status, "Content-Length: 0"));
                MjpegClient client = ClientHarness.faked(server.uri("/"), time, timeline).build()) {
            // when
            client.start();
            assertEquals(words, awaitError(client));
            time.advanceToNextWake();
            time.awaitSleeper();
            // then
            assertEquals(List.of("0.000 CONNECTING", "0.000 BACKOFF " + words, "0.500 CONNECTING",
                    "0.500 BACKOFF " + words), timeline.events());
            assertEquals(Duration.ofMillis(1500).toNanos(), time.awaitSleeper(), "the delay doubled");
            assertEquals(2, server.connections());
            assertEquals(SourceState.BACKOFF, client.stats().state());
        }
    }

    @Test
    void reportsUnknownHost() {
        try (MjpegClient client = ClientHarness.fast(URI.create("http://no-such-camera.invalid/")).build()) {
            client.start();
            assertEquals("unknown host", awaitError(client));
        }
    }

    @Test
    void reportsGarbageInsteadOfHttp() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.write("SSH-2.0-OpenSSH\r\n\r\n").close());
                MjpegClient client = ClientHarness.fast(server.uri("/")).build()) {
            client.start();
            assertEquals("protocol error: not an HTTP response: \"SSH-2.0-OpenSSH\"", awaitError(client));
        }
    }

    @Test
    void reportsAWebPageInsteadOfAStream() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> ex.head("HTTP/1.1 200 OK",
                "Content-Type: text/html; charset=utf-8", "Content-Length: 5").write("hello"));
                MjpegClient client = ClientHarness.fast(server.uri("/")).build()) {
            client.start();
            assertEquals("not an MJPEG stream (Content-Type text/html)", awaitError(client));
        }
    }

    // ---- wire variants over a socket -----------------------------------------------------------------

    @Test
    void readsChunkedTransferEncoding() throws Exception {
        byte[] body = chunked(concat(multipart("b", false, A, B, C), ascii("--b\r\n")), 1000);
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: multipart/x-mixed-replace; boundary=b",
                    "Transfer-Encoding: chunked");
            ex.write(java.util.Arrays.copyOf(body, body.length - 5)).flush(); // all but the last chunk
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(3);
            assertFrames(h, A, B, C);
        }
    }

    @Test
    void readsHttp10StreamThatEndsWhenTheServerCloses() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.write("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=myboundary\r\n\r\n");
            ex.write(concat(multipart("myboundary", false, A, B), ascii("--myboundary\r\n"))).close();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(4);
            assertFrames(h, A, B, A, B);
            Await.until("the close named", () -> "connection closed by the camera".equals(h.client.stats().lastError()));
        }
    }

    @Test
    void takesBoundaryFromBodyWhenContentTypeHasNone() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.head("HTTP/1.1 200 OK", "Content-Type: application/octet-stream");
            ex.write(concat(multipart("ipcamera", false, A, B), ascii("--ipcamera\r\n"))).flush();
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(2);
            assertFrames(h, A, B);
        }
    }

    @Test
    void resyncsAfterGarbageBetweenParts() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.respondMjpeg("b", concat(multipart("b", true, A), TestJpegs.fake(10_000, 8), ascii("\r\n"),
                    multipart("b", true, B)));
            ex.stallUntilClosed();
        }); ClientHarness h = ClientHarness.start(ClientHarness.fast(server.uri("/")).build())) {
            h.collect(2);
            assertFrames(h, A, B);
        }
    }

    @Test
    void pollsSnapshotUrlAndDeliversEachImage() throws Exception {
        // given: a URL that returns one image/jpeg per request, a different one each time
        byte[][] images = {A, B, C};
        FakeTime time = new FakeTime();
        Timeline timeline = new Timeline();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            byte[] img = images[Math.min(ex.index(), 2)];
            ex.head("HTTP/1.1 200 OK", "Content-Type: image/jpeg", "Content-Length: " + img.length).write(img);
        }); ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/snap.jpg"), time, timeline)
                .snapshotPollInterval(Duration.ofSeconds(1)).build())) {
            // when
            h.collect(1);
            time.advanceToNextWake();
            h.collect(2);
            time.advanceToNextWake();
            h.collect(3);
            // then: one image per poll interval, each a first frame; no backoff, no reconnect
            assertFrames(h, A, B, C);
            assertEquals(List.of(0L, 0L, 0L), h.sequences);
            assertEquals(List.of("0.000 CONNECTING", "0.000 STREAMING", "1.000 CONNECTING", "1.000 STREAMING",
                    "2.000 CONNECTING", "2.000 STREAMING"), timeline.await(6));
            assertEquals(0, h.client.stats().reconnects(), "a poll is not a reconnect");
            assertNull(h.client.stats().lastError());
        }
    }

    @Test
    void pollsSnapshotUrlWithoutContentLength() throws Exception {
        FakeTime time = new FakeTime();
        try (ScriptedServer server = ScriptedServer.start(ex -> {
            ex.write("HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\n\r\n").write(A).close();
        }); ClientHarness h = ClientHarness.start(ClientHarness.faked(server.uri("/snap.jpg"), time, null)
                .snapshotPollInterval(Duration.ofSeconds(1)).build())) {
            h.collect(1);
            time.advanceToNextWake();
            h.collect(2);
            assertFrames(h, A, A);
        }
    }
}
