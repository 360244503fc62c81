package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a broken stream would otherwise block a read forever
class MjpegStreamHandlerTest {
    private static final List<byte[]> FRAMES = IntStream.rangeClosed(1, 5).mapToObj(i -> NumberedFrames.frame(i, 1000 * i).jpeg()).toList();

    private static List<byte[]> serveAndRead(HttpHandler handler) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/video", handler);
        http.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/video");
            HttpResponse<InputStream> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, resp.statusCode());
            try (InputStream in = new BufferedInputStream(resp.body())) {
                MultipartReader reader = new MultipartReader(in, resp.headers().firstValue("Content-Type").orElse(null));
                List<byte[]> parts = new ArrayList<>();
                byte[] part;
                while ((part = reader.next()) != null) {
                    parts.add(part);
                }
                return parts;
            }
        } finally {
            http.stop(0);
        }
    }

    private static void assertFrames(List<byte[]> parts) {
        assertEquals(FRAMES.size(), parts.size());
        for (int i = 0; i < FRAMES.size(); i++) {
            assertArrayEquals(FRAMES.get(i), parts.get(i));
        }
    }

    @Test
    void servesEachIteratorFrameInOrderThenEndsTheStream() throws Exception {
        // given
        AtomicInteger iterators = new AtomicInteger();
        MjpegStreamHandler handler = MjpegStreamHandler.fromIterator(() -> {
            iterators.incrementAndGet();
            return FRAMES.iterator();
        });

        // when
        List<byte[]> first = serveAndRead(handler);
        List<byte[]> second = serveAndRead(handler);

        // then every request got its own full pass
        assertFrames(first);
        assertFrames(second);
        assertEquals(2, iterators.get());
    }

    @Test
    void servesAStreamAndClosesIt() throws Exception {
        // given
        AtomicBoolean closed = new AtomicBoolean();
        MjpegStreamHandler handler = MjpegStreamHandler.fromStream(() -> FRAMES.stream().onClose(() -> closed.set(true)));

        // when
        List<byte[]> parts = serveAndRead(handler);

        // then
        assertFrames(parts);
        assertTrue(closed.get(), "stream closed after the response");
    }

    @Test
    void servesASupplierUntilItReturnsNull() throws Exception {
        // given
        Iterator<byte[]> it = FRAMES.iterator();
        MjpegStreamHandler handler = MjpegStreamHandler.fromSupplier(() -> it.hasNext() ? it.next() : null);

        // when
        List<byte[]> parts = serveAndRead(handler);

        // then
        assertFrames(parts);
        assertNull(it.hasNext() ? it.next() : null);
    }

    @Test
    void aFailingSourceEndsOnlyThatResponse() throws Exception {
        // given a source that gives two frames, then fails
        MjpegStreamHandler handler = MjpegStreamHandler.fromIterator(() -> Stream.concat(FRAMES.stream().limit(2),
                Stream.<byte[]>generate(() -> {
                    throw new IllegalStateException("camera gone");
                })).iterator());

        // when
        List<byte[]> parts;
        try {
            parts = serveAndRead(handler);
        } catch (java.io.IOException ex) {
            parts = null; // a cut chunked body is also an acceptable end
        }

        // then the viewer got the frames before the failure (or a cut stream), and the server stayed up
        if (parts != null) {
            assertEquals(2, parts.size());
        }
        assertFrames(serveAndRead(MjpegStreamHandler.fromIterator(FRAMES::iterator)));
    }
}
