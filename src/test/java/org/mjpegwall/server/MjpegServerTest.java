package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.frame.Frame;

@Timeout(60) // a broken stream would otherwise block a read forever
class MjpegServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private FrameHub hub;
    private MjpegServer server;

    @BeforeEach
    void startServer() throws IOException {
        hub = new FrameHub();
        server = MjpegServer.builder().maxViewers(3).build();
        server.addCamera("1", "Test <camera>", hub);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        server.close();
    }

    private InputStream openStream(URI uri, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, resp.statusCode());
        InputStream in = new BufferedInputStream(resp.body());
        cleanup.add(in);
        return in;
    }

    private MultipartReader reader(URI uri) throws Exception {
        HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, resp.statusCode());
        InputStream in = new BufferedInputStream(resp.body());
        cleanup.add(in);
        return new MultipartReader(in, resp.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void viewerReceivesPublishedFramesAsStandardMultipart() throws Exception {
        // given
        NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, 400, 5000, 5);
        cleanup.add(publisher);
        MultipartReader reader = reader(server.streamUri("1"));

        // when
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            parts.add(reader.next());
        }

        // then: each part is exactly one published frame, newer than the one before
        long previous = 0;
        for (byte[] part : parts) {
            long n = NumberedFrames.number(part);
            assertThat(n, greaterThan(previous));
            assertArrayEquals(NumberedFrames.frame(n, 5000).jpeg(), part);
            previous = n;
        }
    }

    @Test
    void snapshotAnswersNewestFrameAtOnceAnd503BeforeTheFirst() throws Exception {
        // given no frame yet
        // when
        RawHttp.Response before = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg");
        hub.publish(NumberedFrames.frame(1, 100));
        Frame newest = NumberedFrames.frame(2, 100);
        hub.publish(newest);
        RawHttp.Response after = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg");

        // then
        assertEquals(503, before.status());
        assertThat(before.text(), containsString("no frame yet"));
        assertEquals(200, after.status());
        assertEquals("image/jpeg", after.headers().get("content-type"));
        assertArrayEquals(newest.jpeg(), after.body());
    }

    @Test
    void unknownPathsAndTraversalTricksAre404() throws Exception {
        // given
        hub.publish(NumberedFrames.frame(1, 100));
        String[] paths = {"/nope", "/camera/2/stream.mjpg", "/camera/1/other.jpg", "/camera/1/", "/camera/../status",
            "/camera/1/../../status", "/camera/%2e%2e/status", "/camera/1/stream.mjpg/..", "//status", "/status/",
            "/../", "/camera/1/snapshot.jpg%00", "/index.html"};

        for (String path : paths) {
            // when
            RawHttp.Response r = RawHttp.get(server.baseUri(), path);
            // then
            assertEquals(404, r.status(), path);
        }
        assertEquals(200, RawHttp.get(server.baseUri(), "/status").status());
        assertEquals(200, RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg").status());
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        // given
        hub.publish(NumberedFrames.frame(1, 100));

        // when
        String post;
        try (Socket s = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            s.getOutputStream().write("POST /camera/1/snapshot.jpg HTTP/1.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            post = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
        String head;
        try (Socket s = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            s.getOutputStream().write("HEAD /camera/1/stream.mjpg HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            head = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }

        // then
        assertThat(post, startsWith("HTTP/1.1 405"));
        assertThat(head, startsWith("HTTP/1.1 200"));
        assertThat(head.toLowerCase(java.util.Locale.ROOT), containsString("content-type: multipart/x-mixed-replace;boundary="));
        assertThat(head, not(containsString("--mjpegwallframe")));
    }

    @Test
    void indexListsCamerasWithLivePreviewsAndEscapesNames() throws Exception {
        // when
        RawHttp.Response r = RawHttp.get(server.baseUri(), "/");

        // then
        assertEquals(200, r.status());
        assertThat(r.headers().get("content-type"), startsWith("text/html"));
        assertThat(r.text(), containsString("<img src=\"camera/1/stream.mjpg\""));
        assertThat(r.text(), containsString("Test &lt;camera&gt;"));
        assertThat(r.text(), not(containsString("Test <camera>")));
    }

    @Test
    void indexOfManyCamerasPollsSnapshotsSoBrowsersKeepConnectionsFree() throws Exception {
        // given 6 cameras (browsers allow about 6 connections per server)
        for (int i = 2; i <= 6; i++) {
            server.addCamera("c" + i, "Camera " + i, new FrameHub());
        }

        // when
        String html = RawHttp.get(server.baseUri(), "/").text();

        // then
        assertThat(html, not(containsString("stream.mjpg\" alt")));
        assertThat(html, containsString("<img class=\"poll\" src=\"camera/c6/snapshot.jpg\""));
        assertThat(html, containsString("<a href=\"camera/c6/stream.mjpg\">stream</a>"));
    }

    @Test
    void viewersBeyondTheLimitGet503() throws Exception {
        // given the limit of 3 streams is reached
        hub.publish(NumberedFrames.frame(1, 100));
        for (int i = 0; i < 3; i++) {
            openStream(server.streamUri("1"));
        }
        waitFor(() -> server.viewers() == 3);

        // when
        RawHttp.Response fourth = RawHttp.get(server.baseUri(), "/camera/1/stream.mjpg");

        // then
        assertEquals(503, fourth.status());
        assertThat(fourth.text(), containsString("at most 3"));
        assertEquals(200, RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg").status(), "snapshots are not limited");
    }

    @Test
    void statusReportsCamerasViewersAndFps() throws Exception {
        // given
        NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, 1000, 1000, 10);
        cleanup.add(publisher);
        MultipartReader reader = reader(server.streamUri("1"));
        // Six read, so five are counted: the server counts a frame after its write returns, and it writes the
        // sixth only after counting the fifth (reading five raced with the count of the fifth).
        for (int i = 0; i < 6; i++) {
            reader.next();
        }

        // when
        JsonNode status = new ObjectMapper().readTree(RawHttp.get(server.baseUri(), "/status").body());

        // then
        assertEquals(1, status.get("viewers").asInt());
        JsonNode cam = status.get("cameras").get(0);
        assertEquals("1", cam.get("id").asText());
        assertEquals("/camera/1/stream.mjpg", cam.get("stream").asText());
        assertThat(cam.get("frames").asLong(), greaterThanOrEqualTo(5L));
        assertEquals(1, cam.get("viewers").size());
        JsonNode viewer = cam.get("viewers").get(0);
        assertThat(viewer.get("remote").asText(), startsWith("127.0.0.1:"));
        assertThat(viewer.get("frames").asLong(), greaterThanOrEqualTo(5L));
        assertTrue(viewer.has("fps"));
        assertTrue(cam.has("fps"));
    }

    @Test
    void aViewerThatNeverReadsDoesNotSlowTheOthersOrThePublisher() throws Exception {
        // given a viewer that sends its request and then never reads, and two normal viewers
        int count = 60;
        int size = 256 * 1024; // large, so the stalled viewer's socket buffers fill after a few frames
        hub.publish(NumberedFrames.frame(0, size));
        Socket stalled = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        cleanup.add(stalled);
        MultipartReader a = reader(server.streamUri("1"));
        MultipartReader b = reader(server.streamUri("1"));
        waitFor(() -> hub.viewers() == 3);
        AtomicInteger gotA = new AtomicInteger();
        AtomicInteger gotB = new AtomicInteger();
        Thread readA = countParts(a, count, gotA);
        Thread readB = countParts(b, count, gotB);

        // when
        NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, count, size, 33);
        cleanup.add(publisher);

        // then the publisher never waits for anyone, the stalled viewer is stuck, and the others keep up
        assertTrue(publisher.awaitDone(30), "publisher finished");
        readA.join(10_000);
        readB.join(10_000);
        long stalledFrames = hub.viewerInfos().stream().mapToLong(FrameHub.ViewerInfo::frames).min().orElseThrow();
        assertThat("the stalled viewer really stalled", stalledFrames, lessThan((long) count / 2));
        assertThat("viewer A frames", gotA.get(), greaterThanOrEqualTo(count / 2));
        assertThat("viewer B frames", gotB.get(), greaterThanOrEqualTo(count / 2));
    }

    private static Thread countParts(MultipartReader reader, int until, AtomicInteger got) {
        Thread t = new Thread(() -> {
            try {
                byte[] part;
                while ((part = reader.next()) != null) {
                    if (NumberedFrames.number(part) > 0) {
                        got.incrementAndGet();
                    }
                    if (NumberedFrames.number(part) >= until) {
                        return;
                    }
                }
            } catch (IOException ex) {
                // the test's assertions report what was received
            }
        }, "test-reader");
        t.start();
        return t;
    }

    @Test
    void closeEndsViewerStreamsAndItsThreads() throws Exception {
        // given two viewers, one of them stalled
        hub.publish(NumberedFrames.frame(1, 256 * 1024));
        NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(hub, 1000, 256 * 1024, 10);
        cleanup.add(publisher);
        Socket stalled = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        cleanup.add(stalled);
        Socket reading = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        cleanup.add(reading);
        InputStream in = reading.getInputStream();
        assertEquals(200, RawHttp.readHead(in).status());
        waitFor(() -> hub.viewers() == 2);

        // when
        server.close();

        // then the reading viewer sees the end of the stream, and no server thread is left
        byte[] sink = new byte[64 * 1024];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int n = 0;
        while (n != -1 && System.nanoTime() < deadline) {
            n = in.read(sink);
        }
        assertEquals(-1, n, "stream ended");
        assertThat(serverThreads(), is(empty()));
        assertEquals(0, hub.viewers());
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("mjpeg-server-")).toList();
    }

    @Test
    void refusesNonLoopbackBindWithoutPassword() {
        // when
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> MjpegServer.builder().bind("0.0.0.0").build());
        IllegalArgumentException ex2 = assertThrows(IllegalArgumentException.class,
                () -> MjpegServer.builder().bind("192.0.2.10").password("").build());

        // then
        assertThat(ex.getMessage(), containsString("refusing to serve on 0.0.0.0 without a password"));
        assertThat(ex2.getMessage(), containsString("without a password"));
        MjpegServer.builder().bind("0.0.0.0").password("secret").build(); // allowed with a password (not started)
    }

    @Test
    void passwordRequiresBasicAuthWithAnyUserName() throws Exception {
        // given
        FrameHub h = new FrameHub();
        h.publish(NumberedFrames.frame(7, 100));
        try (MjpegServer guarded = MjpegServer.builder().password("s3cret").build()) {
            guarded.addCamera("cam", "Guarded", h);
            guarded.start();
            String good = "Authorization: Basic " + Base64.getEncoder().encodeToString("anyone:s3cret".getBytes(StandardCharsets.UTF_8));
            String bad = "Authorization: Basic " + Base64.getEncoder().encodeToString("anyone:wrong".getBytes(StandardCharsets.UTF_8));

            // when
            RawHttp.Response none = RawHttp.get(guarded.baseUri(), "/camera/cam/snapshot.jpg");
            RawHttp.Response wrong = RawHttp.get(guarded.baseUri(), "/camera/cam/snapshot.jpg", bad);
            RawHttp.Response right = RawHttp.get(guarded.baseUri(), "/camera/cam/snapshot.jpg", good);
            RawHttp.Response status = RawHttp.get(guarded.baseUri(), "/status");

            // then
            assertEquals(401, none.status());
            assertThat(none.headers().get("www-authenticate"), startsWith("Basic"));
            assertEquals(401, wrong.status());
            assertEquals(401, status.status());
            assertEquals(200, right.status());
            assertArrayEquals(NumberedFrames.frame(7, 100).jpeg(), right.body());
        }
    }

    @Test
    void perViewerFpsCapSkipsFramesForThatViewer() throws Exception {
        // given a cap of 5 fps and a publisher at about 100 fps for about 2 s
        FrameHub h = new FrameHub();
        try (MjpegServer capped = MjpegServer.builder().maxFpsPerViewer(5).build()) {
            capped.addCamera("1", "Capped", h);
            capped.start();
            NumberedFrames.Publisher publisher = new NumberedFrames.Publisher(h, 200, 100, 10);
            cleanup.add(publisher);
            MultipartReader reader = reader(capped.streamUri("1"));

            // when
            List<Long> numbers = new ArrayList<>();
            long last = 0;
            long start = System.nanoTime();
            while (last < 190) {
                last = NumberedFrames.number(reader.next());
                numbers.add(last);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            // then the viewer got at most 5 per second (an upper bound: a slow machine only lowers the count),
            // far fewer than the 190 published
            assertThat(numbers.size(), lessThan((int) (5 * seconds) + 3));
            assertThat(numbers.size(), lessThan(100));
        }
    }

    @Test
    void removedCameraEndsItsStreamsAndThen404() throws Exception {
        // given
        hub.publish(NumberedFrames.frame(1, 100));
        Socket viewer = RawHttp.open(server.baseUri(), "/camera/1/stream.mjpg");
        cleanup.add(viewer);
        InputStream in = viewer.getInputStream();
        assertEquals(200, RawHttp.readHead(in).status());

        // when
        server.removeCamera("1");

        // then
        assertEquals(-1, drain(in));
        assertEquals(404, RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg").status());
    }

    private static int drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        int n = 0;
        for (int i = 0; i < 10_000 && n != -1; i++) {
            n = in.read(sink);
        }
        return n;
    }

    @Test
    void whileTheCameraIsSilentViewersGetTheLastFrameAgainAndLeaversAreNoticed() throws Exception {
        // given a camera that sent one frame and then fell silent
        FrameHub h = new FrameHub();
        Frame only = NumberedFrames.frame(9, 1000);
        h.publish(only);
        try (MjpegServer s = MjpegServer.builder().resendAfter(Duration.ofMillis(100)).build()) {
            s.addCamera("1", "silent", h);
            s.start();
            MultipartReader reader = reader(s.streamUri("1"));
            Socket leaver = RawHttp.open(s.baseUri(), "/camera/1/stream.mjpg");
            assertEquals(200, RawHttp.readHead(leaver.getInputStream()).status());
            waitFor(() -> h.viewers() == 2);

            // when one viewer leaves
            leaver.close();

            // then the other keeps getting the same frame, and the one that left is noticed
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(only.jpeg(), reader.next());
            }
            waitFor(() -> h.viewers() == 1);
            assertEquals(1, s.viewers());
        }
    }

    @Test
    void hubHandsOutTheNewestFrameAndTimesOutWithoutOne() throws Exception {
        // given
        FrameHub h = new FrameHub();
        assertNull(h.latest());
        assertNull(h.awaitNewer(null, 10, TimeUnit.MILLISECONDS));
        Frame one = NumberedFrames.frame(1, 10);
        Frame two = NumberedFrames.frame(2, 10);

        // when
        h.publish(one);
        h.publish(two);

        // then a waiter skips straight to the newest, and waits when it has it
        assertEquals(two, h.awaitNewer(null, 1, TimeUnit.SECONDS));
        assertEquals(two, h.awaitNewer(one, 1, TimeUnit.SECONDS));
        assertNull(h.awaitNewer(two, 20, TimeUnit.MILLISECONDS));
        assertThat(h.published(), equalTo(2L));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition reached within 5 s");
    }
}
