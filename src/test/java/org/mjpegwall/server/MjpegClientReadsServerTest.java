package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.demo.DemoServer;

/** The project's own MjpegClient reading what the server sends. */
@Timeout(60) // a broken stream would otherwise block a read forever
class MjpegClientReadsServerTest {
    @Test
    void projectClientReadsFramesByteEqualToThosePublished() throws Exception {
        // given
        FrameHub hub = new FrameHub();
        try (MjpegServer server = MjpegServer.builder().build();
             NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, 2000, 20_000, 10)) {
            server.addCamera("1", "test", hub);
            server.start();
            MjpegClient client = new MjpegClient(server.streamUri("1"));
            for (FrameBuffer b : client.requestBuffers(64 * 1024, 4)) {
                client.enqueueBuffer(b);
            }

            // when
            client.start();
            List<byte[]> got = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    FrameBuffer b = client.dequeueBuffer(10, TimeUnit.SECONDS);
                    assertNotNull(b, "frame " + i);
                    got.add(b.toByteArray());
                    client.enqueueBuffer(b);
                }
            } finally {
                client.stop();
            }

            // then each frame is exactly a published one, newest-first order kept
            long previous = 0;
            for (byte[] f : got) {
                long n = NumberedFrames.number(f);
                assertThat(n, greaterThan(previous));
                assertTrue(Arrays.equals(NumberedFrames.frame(n, 20_000).jpeg(), f), "frame " + n + " byte-equal");
                previous = n;
            }
        }
    }

    /** The README's echo example, as written there: read a camera with MjpegClient and serve it again. */
    @Test
    void seedEchoExampleReadsACameraAndServesItAgain() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withCameras(1).withSize(320, 240))) {
            // given (the README snippet, with the demo camera as the camera and port 0)
            MjpegClient client = new MjpegClient(demo.cameraUris().get(0));
            client.requestBuffers(1 << 20, 8).forEach(client::enqueueBuffer);
            client.start();

            MjpegStreamHandler echo = MjpegStreamHandler.fromSource(() -> {
                FrameBuffer buf = client.dequeueBuffer();
                try {
                    return buf.toByteArray();
                } finally {
                    client.enqueueBuffer(buf);
                }
            });
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/video", echo);
            ExecutorService pool = Executors.newCachedThreadPool();
            http.setExecutor(pool);
            http.start();
            try {
                // when a strict reader watches the echo
                URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/video");
                HttpResponse<InputStream> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                Set<String> distinct = new HashSet<>();
                try (InputStream in = new BufferedInputStream(resp.body())) {
                    MultipartReader reader = new MultipartReader(in, resp.headers().firstValue("Content-Type").orElse(null));
                    for (int i = 0; i < 5; i++) {
                        byte[] jpeg = reader.next();
                        // then each part is a 320x240 demo frame
                        assertEquals(320, ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth());
                        distinct.add(Arrays.toString(jpeg));
                    }
                }
                assertEquals(5, distinct.size(), "frames are live, not repeated");
            } finally {
                client.stop();
                http.stop(0);
                pool.shutdownNow();
            }
        }
    }
}
