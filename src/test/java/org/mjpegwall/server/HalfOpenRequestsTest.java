package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.testing.Await;

/** Clients that send half a request and wait must not hold the server's threads or connections for ever. */
@Timeout(60)
class HalfOpenRequestsTest {
    private static final String CONNECTION = "sun.net.httpserver.HttpConnection";
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final FrameHub hub = new FrameHub();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private MjpegServer start(MjpegServer.Builder builder) throws IOException {
        MjpegServer server = builder.build();
        cleanup.add(0, server);
        server.addCamera("1", "cam", hub);
        server.start();
        return server;
    }

    @Test
    void halfOpenRequestsBeyondTheCapAreCutWhileAViewerStillStreams() throws Exception {
        // given a server with the default limits (32 requests read at once), and a live camera
        MjpegServer server = start(MjpegServer.builder());
        cleanup.add(new NumberedFrames.Publisher(hub, 100_000, 2_000, 10));

        // when 100 connections each send half a request line and then wait
        List<SocketChannel> halfOpen = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            halfOpen.add(sendHalfARequest(server.baseUri(), "GET /camera/1/str"));
        }

        // then the server closes all but the 32 newest, and a new viewer still streams
        Set<SocketChannel> closed = new HashSet<>();
        Await.until("68 half-open requests closed by the server", 30, () -> closedByServer(halfOpen, closed) >= 68);
        try (Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg")) {
            InputStream in = new BufferedInputStream(viewer.getInputStream());
            RawHttp.Response head = RawHttp.readHead(in);
            assertEquals(200, head.status());
            MultipartReader parts = new MultipartReader(in, head.headers().get("content-type"));
            for (int i = 0; i < 3; i++) {
                assertNotNull(parts.next(), "frame " + i);
            }
        }
    }

    @Test
    void requestsBeingReadNeverExceedTheCap() throws Exception {
        // given a server that reads at most 8 requests at once
        MjpegServer server = start(MjpegServer.builder().maxPendingRequests(8));
        long connectionsBefore = LiveObjects.count(CONNECTION);

        // when 30 connections send half a request
        List<SocketChannel> halfOpen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            halfOpen.add(sendHalfARequest(server.baseUri(), "GET /camera/1/str"));
        }

        // then 22 are cut (and forgotten by the JDK's server), and 8 are being read
        Set<SocketChannel> closed = new HashSet<>();
        Await.until("22 half-open requests closed by the server", 30, () -> closedByServer(halfOpen, closed) >= 22);
        assertEquals(22, server.guard().cut());
        assertThat(server.guard().pending(), lessThanOrEqualTo(8));
        Await.until("the cut connections forgotten", 20, () -> LiveObjects.count(CONNECTION) <= connectionsBefore + 8);
    }

    @Test
    void aRequestNotCompleteWithinTheTimeoutIsCut() throws Exception {
        // given a server on a fake clock, and a client that sends its request line and one header, then waits
        AtomicLong now = new AtomicLong();
        MjpegServer server = start(MjpegServer.builder().clock(now::get).requestTimeout(Duration.ofSeconds(10)));
        SocketChannel slow = sendHalfARequest(server.baseUri(), "GET /camera/1/stream.mjpg HTTP/1.1\r\nHost: x\r\n");
        Set<SocketChannel> closed = new HashSet<>();
        Await.until("the server reads the request", 10, () -> server.guard().pending() == 1);

        // when 9 s pass
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        server.guard().sweep();

        // then the request is still being read
        assertEquals(0, server.guard().cut());
        assertEquals(0, closedByServer(List.of(slow), closed));

        // when 2 s more pass
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        server.guard().sweep();

        // then it is cut and its connection closed
        assertEquals(1, server.guard().cut());
        Await.until("the connection closed by the server", 10, () -> closedByServer(List.of(slow), closed) == 1);
        assertEquals(0, server.guard().pending());
    }

    @Test
    void aViewerWhoseRequestWasReadIsNeverCut() throws Exception {
        // given a viewer streaming from a server on a fake clock
        AtomicLong now = new AtomicLong();
        MjpegServer server = start(MjpegServer.builder().clock(now::get).requestTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofDays(1)));
        cleanup.add(new NumberedFrames.Publisher(hub, 100_000, 2_000, 10));
        try (Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg")) {
            InputStream in = new BufferedInputStream(viewer.getInputStream());
            RawHttp.Response head = RawHttp.readHead(in);
            MultipartReader parts = new MultipartReader(in, head.headers().get("content-type"));
            assertNotNull(parts.next());

            // when an hour passes
            now.addAndGet(TimeUnit.HOURS.toNanos(1));
            server.guard().sweep();

            // then the stream goes on
            assertEquals(0, server.guard().cut());
            long first = NumberedFrames.number(parts.next());
            assertThat(NumberedFrames.number(parts.next()), greaterThan(first));
            assertEquals(1, server.viewers());
        }
    }

    @Test
    void aViewerThatStopsReadingIsCutAfterTheWriteTimeoutAndItsSlotFreed() throws Exception {
        // given a viewer that sends its request and never reads, on a server on a fake clock, and big frames
        AtomicLong now = new AtomicLong();
        MjpegServer server = start(MjpegServer.builder().clock(now::get).writeTimeout(Duration.ofSeconds(60)));
        long connectionsBefore = LiveObjects.count(CONNECTION);
        cleanup.add(new NumberedFrames.Publisher(hub, 100_000, 256 * 1024, 10));
        Socket stalled = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        cleanup.add(stalled);
        Await.until("the viewer is streaming", 10, () -> server.viewers() == 1);

        // when a minute passes at a time (the write to it blocks once its socket buffers are full)
        Await.until("the stalled viewer cut", 30, () -> {
            now.addAndGet(TimeUnit.SECONDS.toNanos(61));
            server.guard().sweep();
            return server.viewers() == 0;
        });

        // then its slot is free and a new viewer streams
        assertThat(server.guard().cut(), greaterThan(0L));
        try (Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg")) {
            InputStream in = new BufferedInputStream(viewer.getInputStream());
            RawHttp.Response head = RawHttp.readHead(in);
            assertEquals(200, head.status());
            assertNotNull(new MultipartReader(in, head.headers().get("content-type")).next());
        }
        Await.until("the stalled viewer's connection forgotten", 20, () -> LiveObjects.count(CONNECTION) <= connectionsBefore);
    }

    private SocketChannel sendHalfARequest(URI base, String text) throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
        cleanup.add(ch);
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        ch.configureBlocking(false);
        return ch;
    }

    /** How many of the channels the server has closed (end of stream or reset), remembering earlier findings. */
    private static int closedByServer(List<SocketChannel> channels, Set<SocketChannel> closed) {
        ByteBuffer sink = ByteBuffer.allocate(1024);
        for (SocketChannel ch : channels) {
            if (closed.contains(ch)) {
                continue;
            }
            try {
                sink.clear();
                if (ch.read(sink) < 0) {
                    closed.add(ch);
                }
            } catch (IOException ex) {
                closed.add(ch);
            }
        }
        return closed.size();
    }
}
