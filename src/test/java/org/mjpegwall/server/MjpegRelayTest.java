package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.util.Secrets;

/** The relay end to end with the project's own MjpegClient, upstream and downstream. */
@Timeout(60) // a broken stream would otherwise block a read forever
class MjpegRelayTest {
    private static final List<byte[]> UPSTREAM_FRAMES = List.of(TestJpegs.fake(3000, 1), TestJpegs.fake(3100, 2),
            TestJpegs.fake(3200, 3), TestJpegs.fake(3300, 4), TestJpegs.fake(3400, 5));

    /** An upstream with quirks: quoted boundary, no Content-Length in the parts, a pause between frames. */
    private static void quirkyCamera(ScriptedServer.Exchange ex) throws Exception {
        ex.head("HTTP/1.0 200 OK", "Content-Type: multipart/x-mixed-replace;boundary=\"quirky\"");
        for (byte[] f : UPSTREAM_FRAMES) {
            ex.write(ScriptedServer.multipart("quirky", false, f)).flush();
            ex.pause(Duration.ofMillis(100));
        }
        // Without Content-Length a part ends at the next delimiter, so announce one more part, then stall.
        ex.write("--quirky\r\n").flush();
        ex.stallUntilClosed();
    }

    @Test
    void relaysAQuirkyCameraInTheStandardFormByteForByte() throws Exception {
        try (ScriptedServer camera = ScriptedServer.start(MjpegRelayTest::quirkyCamera);
             MjpegRelay relay = MjpegRelay.forCamera(camera.uri("/video"), null, null).start();
             MjpegServer server = MjpegServer.builder().build()) {
            server.addCamera("1", "relay", relay.hub(), relay::status);
            server.start();

            // when a strict reader watches the relay until the camera's last frame arrives
            Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
            InputStream in = new BufferedInputStream(viewer.getInputStream());
            RawHttp.Response head = RawHttp.readHead(in);
            MultipartReader reader = new MultipartReader(in, head.headers().get("content-type"));
            List<byte[]> got = new ArrayList<>();
            byte[] last = UPSTREAM_FRAMES.get(UPSTREAM_FRAMES.size() - 1);
            while (got.isEmpty() || !Arrays.equals(got.get(got.size() - 1), last)) {
                got.add(reader.next()); // MultipartReader fails on any part not in the standard form
            }
            viewer.close();

            // then every relayed part is exactly one of the camera's frames, in order, with one upstream connection
            int previous = -1;
            for (byte[] part : got) {
                int index = indexOf(part);
                assertThat("part is one of the camera's frames", index, greaterThanOrEqualTo(0));
                assertThat("in order", index, greaterThan(previous));
                previous = index;
            }
            assertEquals(1, camera.connections());
        }
    }

    private static int indexOf(byte[] part) {
        for (int i = 0; i < UPSTREAM_FRAMES.size(); i++) {
            if (Arrays.equals(UPSTREAM_FRAMES.get(i), part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void cameraCredentialsReachTheCameraButNoPageOrStatus() throws Exception {
        // given a camera that wants Basic credentials
        String password = "hunter2-secret";
        String expected = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        ScriptedServer.Script script = ex -> {
            if (!expected.equals(ex.request().header("Authorization"))) {
                ex.head("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Basic realm=\"cam\"", "Content-Length: 0");
                ex.close();
                return;
            }
            quirkyCamera(ex);
        };
        try (ScriptedServer camera = ScriptedServer.start(script);
             MjpegRelay relay = MjpegRelay.forCamera(URI.create("http://admin:" + password + "@127.0.0.1:" + camera.port()
                     + "/video?pwd=" + password), null, null).start();
             MjpegServer server = MjpegServer.builder().build()) {
            server.addCamera("1", "Relay of " + Secrets.redact(camera.uri("/video")), relay.hub(), relay::status);
            server.start();

            // when a viewer makes the relay connect, and frames arrive
            Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
            assertEquals(200, RawHttp.readHead(viewer.getInputStream()).status());
            assertNotNull(relay.hub().awaitNewer(null, 10, TimeUnit.SECONDS), "frames arrive with the credentials");
            String index = RawHttp.get(server.baseUri(), "/").text();
            String status = RawHttp.get(server.baseUri(), "/status").text();
            viewer.close();

            // then
            assertThat(index, not(containsString(password)));
            assertThat(status, not(containsString(password)));
            assertThat(status, containsString("\"source\" : \"http://127.0.0.1:" + camera.port() + "/video?pwd=***\""));
            assertThat(status, containsString("STREAMING"));
        }
    }

    @Test
    void projectClientReadsTheRelayOfADemoCamera() throws Exception {
        // given demo camera -> relay -> MjpegClient
        try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withCameras(1).withSize(320, 240));
             MjpegRelay relay = MjpegRelay.forCamera(demo.cameraUris().get(0), null, null).start();
             MjpegServer server = MjpegServer.builder().build()) {
            server.addCamera("1", "relay", relay.hub(), relay::status);
            server.start();
            MjpegClient client = new MjpegClient(server.streamUri("1"));
            for (FrameBuffer b : client.requestBuffers(1 << 20, 4)) {
                client.enqueueBuffer(b);
            }

            // when
            client.start();
            List<byte[]> frames = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    FrameBuffer b = client.dequeueBuffer(10, TimeUnit.SECONDS);
                    assertNotNull(b, "frame " + i + " arrived");
                    frames.add(b.toByteArray());
                    client.enqueueBuffer(b);
                }
            } finally {
                client.stop();
            }

            // then the client got distinct, decodable demo frames
            for (byte[] f : frames) {
                assertEquals(320, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(f)).getWidth());
            }
            assertFalse(Arrays.equals(frames.get(0), frames.get(4)), "frames change");
            assertTrue(relay.upstreamOpen());
        }
    }

    @Test
    void closingTheRelayAndServerLeavesNoThreads() throws Exception {
        // given demo camera -> relay with an open upstream -> a connected viewer
        DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withCameras(1).withSize(160, 120));
        MjpegRelay relay = MjpegRelay.forCamera(demo.cameraUris().get(0), null, null).start();
        MjpegServer server = MjpegServer.builder().build();
        server.addCamera("1", "relay", relay.hub(), relay::status);
        server.start();
        Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        assertEquals(200, RawHttp.readHead(viewer.getInputStream()).status());
        assertNotNull(relay.hub().awaitNewer(null, 10, TimeUnit.SECONDS));
        assertFalse(relayThreads().isEmpty(), "relay threads run while open");

        // when
        server.close();
        relay.close();
        demo.close();
        viewer.close();

        // then
        for (int i = 0; i < 100 && !relayThreads().isEmpty(); i++) {
            Thread.sleep(20); // a stopping client's thread may take a moment to end after stop()
        }
        assertEquals(List.of(), relayThreads());
    }

    private static List<String> relayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("relay-") || n.startsWith("mjpeg-server-") || n.startsWith("camera-feed")
                        || n.startsWith("demo-camera-"))
                .toList();
    }
}
