package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Viewers that connect, watch a little and go away must leave no connection behind in the JDK's server: the
 * count of live {@code sun.net.httpserver.HttpConnection} objects returns to where it was.
 */
@Timeout(120)
class ViewersLeaveNothingBehindTest {
    private static final String CONNECTION = "sun.net.httpserver.HttpConnection";
    private static final int VIEWERS = 40;

    @Test
    void streamViewersThatLeaveLeaveNoConnectionBehind() throws Exception {
        // given a server streaming a camera
        FrameHub hub = new FrameHub();
        try (MjpegServer server = MjpegServer.builder().build();
                NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, 100_000, 20_000, 5)) {
            server.addCamera("1", "cam", hub);
            server.start();
            long before = LiveObjects.count(CONNECTION);

            // when viewers come and go, half of them with a reset
            for (int i = 0; i < VIEWERS; i++) {
                watchBrieflyAndLeave(server.streamUri("1"), i % 2 == 0);
            }
            waitFor(() -> server.viewers() == 0);

            // then
            waitFor(() -> LiveObjects.count(CONNECTION) <= before + 2);
            assertThat(LiveObjects.count(CONNECTION), lessThanOrEqualTo(before + 2));
        }
    }

    @Test
    void echoHandlerViewersThatLeaveLeaveNoConnectionBehind() throws Exception {
        // given the seed's echo form: an endless source served by MjpegStreamHandler on a plain HttpServer
        byte[] jpeg = NumberedFrames.frame(1, 20_000).jpeg();
        MjpegStreamHandler handler = MjpegStreamHandler.fromSupplier(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
            return jpeg;
        });
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/video", handler);
        ExecutorService pool = Executors.newCachedThreadPool();
        http.setExecutor(pool);
        http.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/video");
            long before = LiveObjects.count(CONNECTION);

            // when
            for (int i = 0; i < VIEWERS; i++) {
                watchBrieflyAndLeave(uri, i % 2 == 0);
            }

            // then
            waitFor(() -> LiveObjects.count(CONNECTION) <= before + 2);
            assertThat(LiveObjects.count(CONNECTION), lessThanOrEqualTo(before + 2));
        } finally {
            http.stop(0);
            pool.shutdownNow();
        }
    }

    /** An HTTP/1.1 viewer (so the body is chunked, as browsers get it) that reads some frames and leaves. */
    private static void watchBrieflyAndLeave(URI stream, boolean reset) throws IOException {
        try (Socket s = new Socket(stream.getHost(), stream.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + stream.getRawPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertEquals(200, RawHttp.readHead(in).status());
            byte[] sink = new byte[8192];
            int read = 0;
            while (read < 50_000) {
                int n = in.read(sink);
                assertTrue(n > 0, "the stream goes on");
                read += n;
            }
            if (reset) {
                s.setSoLinger(true, 0);
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
