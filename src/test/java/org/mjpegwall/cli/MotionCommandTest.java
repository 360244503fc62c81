package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.motion.EventLogReader;
import org.mjpegwall.motion.LoggedEvent;
import org.mjpegwall.motion.Scene;
import org.mjpegwall.server.MjpegStreamHandler;
import org.mjpegwall.testing.CliRun;

/** {@code motion} against a camera on 127.0.0.1 that streams a scene in real time: an object crosses from 1.0 s to 2.2 s. */
class MotionCommandTest {
    private static final double FPS = 15;
    private static final List<byte[]> FRAMES = new ArrayList<>();
    private HttpServer http;
    private String url;

    @TempDir
    Path dir;

    @BeforeEach
    void camera() throws Exception {
        synchronized (FRAMES) {
            if (FRAMES.isEmpty()) {
                Scene scene = new Scene(320, 240, 21).add(new Scene.Mover(1.0, 2.2, 40, 60, new Color(25, 25, 30),
                        -40, 100, 300, 0));
                for (int k = 0; k < 4 * FPS; k++) {
                    FRAMES.add(scene.jpeg(k / FPS));
                }
            }
        }
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/cam", MjpegStreamHandler.fromIterator(RealTime::new));
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        url = "http://127.0.0.1:" + http.getAddress().getPort() + "/cam";
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    /** The scene at 15 fps in real time from the request on; after 4 s the still last frame repeats. */
    private static final class RealTime implements Iterator<byte[]> {
        private final long start = System.nanoTime();
        private int next;

        @Override
        public boolean hasNext() {
            return next < 30 * FPS;
        }

        @Override
        public byte[] next() {
            long due = start + Math.round(next / FPS * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FRAMES.get(Math.min(next++, FRAMES.size() - 1));
        }
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    @Timeout(60)
    void printsTheEventWhenItEndsAsJsonThenASummary() throws Exception {
        // when
        CliRun run = CliRun.of("motion", url, "--seconds", "5", "--json", "--gap", "1", "--events", dir.toString());

        // then
        assertEquals(0, run.status(), run.err());
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(2, lines.size(), run.out());
        JsonNode event = lines.get(0);
        assertEquals("event", event.path("type").asText());
        double start = event.path("start").asDouble();
        double end = event.path("end").asDouble();
        // Lower bounds are the scene's own (nothing moves before 1.0 s, and it moves until 2.2 s); the upper ones
        // leave room for a loaded machine, where frames and analyses come late on the wall clock the command keeps.
        assertTrue(start >= 0.9 && start < 2.2, "started while the object crossed (1.0 s to 2.2 s): " + start);
        assertTrue(end >= 1.8 && end < 5.0, "ended after it had left (2.2 s), before the run did (5 s): " + end);
        assertThat(event.path("peak").asDouble(), greaterThan(0.0));
        assertThat(event.path("area").asDouble(), greaterThan(0.002));
        assertFalse(event.path("open").asBoolean());
        JsonNode summary = lines.get(1);
        assertEquals("summary", summary.path("type").asText());
        assertEquals(1, summary.path("events").asInt());
        assertThat(summary.path("frames").asLong(), greaterThanOrEqualTo(60L));
        assertThat(summary.path("analysed").asLong(), greaterThanOrEqualTo(15L));
        assertEquals(0, summary.path("decodeErrors").asInt());
        // and the event log holds it, with its key frame
        LocalDate day = EventLogReader.days(dir).get(0);
        LoggedEvent logged = EventLogReader.readDay(dir, day).events().get(0);
        assertFalse(logged.unfinished());
        assertTrue(java.nio.file.Files.size(logged.keyFramePath(dir)) > 0);
    }

    @Test
    @Timeout(60)
    void aMaskOverThePathLeavesNoEvent() throws Exception {
        // when the band the object walks through is masked
        CliRun run = CliRun.of("motion", url, "--seconds", "4", "--json", "--gap", "1", "--mask", "0,0.3,1,0.45");

        // then
        assertEquals(0, run.status(), run.err());
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(1, lines.size(), run.out());
        assertEquals(0, lines.get(0).path("events").asInt());
    }

    @Test
    @Timeout(60)
    void anEventStillGoingAtExitIsPrintedAsOpen() {
        // when the run stops while the object crosses
        CliRun run = CliRun.of("motion", url, "--seconds", "1.9");

        // then
        assertEquals(0, run.status(), run.err());
        assertThat(run.out(), containsString("event 1: "));
        assertThat(run.out(), containsString("still going at exit"));
        assertThat(run.out(), containsString("1 event(s) in "));
        assertThat(run.err(), containsString(": motion"));
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        CliRun badMask = CliRun.of("motion", url, "--mask", "0.5,0.5,2,1");
        assertEquals(2, badMask.status());
        assertThat(badMask.err(), containsString("bad mask"));
        assertThat(badMask.err(), containsString("not between 0 and 1"));

        CliRun lonePassword = CliRun.of("motion", url, "--password", "hunter2");
        assertEquals(2, lonePassword.status());
        assertThat(lonePassword.err(), containsString("--password needs --user"));

        CliRun badUrl = CliRun.of("motion", "ftp://user:hunter2@cam/x");
        assertEquals(2, badUrl.status());
        assertThat(badUrl.err(), not(containsString("hunter2")));

        CliRun badSensitivity = CliRun.of("motion", url, "--sensitivity", "0");
        assertEquals(2, badSensitivity.status());
        assertThat(badSensitivity.err(), containsString("sensitivity must be 1..100"));
    }

    @Test
    @Timeout(30)
    void aCameraThatSendsNothingIsGivenUpOn() throws Exception {
        // given a port where nothing listens
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        // when
        CliRun run = CliRun.of("motion", "http://127.0.0.1:" + port + "/cam", "--give-up-after", "1.5");

        // then
        assertEquals(1, run.status());
        assertThat(run.err(), containsString("no frame from the camera in 1.5 s"));
    }
}
