package org.mjpegwall.source;

import org.mjpegwall.testing.Await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** HTTPS through the JDK's TLS, against a scripted server with a self-signed certificate. */
class MjpegClientTlsTest {
    private static final byte[] A = TestJpegs.fake(3000, 1);
    private static final byte[] B = TestJpegs.fake(90_000, 2);
    private static SSLContext tls;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) throws Exception {
        tls = ScriptedServer.selfSignedTls(dir);
    }

    private static ScriptedServer server() throws Exception {
        return ScriptedServer.startTls(tls, ex -> {
            ex.respondMjpeg("b", multipart("b", false, A, B, A));
            ex.stallUntilClosed();
        });
    }

    private static URI https(ScriptedServer server) {
        return URI.create("https://127.0.0.1:" + server.port() + "/stream");
    }

    @Test
    void readsStreamOverHttps() throws Exception {
        try (ScriptedServer server = server(); ClientHarness h = ClientHarness.start(ClientHarness.fast(https(server))
                .sslSocketFactory(tls.getSocketFactory()).build())) {
            h.collect(2);
            assertArrayEquals(A, h.frames.get(0));
            assertArrayEquals(B, h.frames.get(1));
        }
    }

    @Test
    void untrustedCertificateIsATlsFailureInPlainWords() throws Exception {
        try (ScriptedServer server = server();
                MjpegClient client = ClientHarness.fast(https(server)).build()) {
            client.start();
            String error = Await.value("an error", () -> client.stats().lastError());
            assertTrue(error.startsWith("TLS handshake failed: "), error);
            assertEquals(0, client.stats().totalFrames());
        }
    }

    @Test
    void plainHttpServerAnsweringHttpsIsATlsFailure() throws Exception {
        // given: a server that answers any connection at once with plain HTTP, ignoring the ClientHello
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = ss.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    s.getOutputStream().flush();
                    s.getInputStream().read(new byte[1024]);
                } catch (java.io.IOException ignored) {
                    // the client hangs up
                }
            });
            answer.start();
            URI uri = URI.create("https://127.0.0.1:" + ss.getLocalPort() + "/");
            try (MjpegClient client = ClientHarness.fast(uri).sslSocketFactory(tls.getSocketFactory()).build()) {
                // when
                client.start();
                // then
                String error = Await.value("an error", () -> client.stats().lastError());
                assertTrue(error.startsWith("TLS handshake failed: "), error);
            }
            answer.join(5000);
        }
    }
}
