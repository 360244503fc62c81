package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code demo} command in a JVM of its own, as a user runs it: there the JDK's server takes the limits the
 * program sets before it starts (in the test JVM another test may have started a JDK server first).
 */
@Timeout(120)
class DemoProcessLimitsTest {
    private static Process demo;
    private static URI base;

    @BeforeAll
    static void startDemo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "demo", "--port", "0", "--cameras", "1", "--fps", "5", "--size", "160x120"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Serving ")) {
            // log lines before the address
        }
        assertNotNull(line, "the demo printed its address");
        base = URI.create(line.substring(line.indexOf("http://")).trim());
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException ignored) {
                // the demo ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopDemo() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            if (!demo.waitFor(10, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    /** Sends a request with one header of {@code size} bytes; returns the status line, or null if dropped. */
    private static String requestWithHeaderOf(int size) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream o = s.getOutputStream();
            try {
                o.write(("GET /camera/1/snapshot.jpg HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(size) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                o.flush();
            } catch (IOException dropped) {
                return null;
            }
            try {
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            } catch (IOException reset) {
                return null;
            }
        }
    }

    @Test
    void aOneMegabyteRequestHeaderGets431NotAReset() throws Exception {
        // when
        String status = requestWithHeaderOf(1024 * 1024);

        // then
        assertNotNull(status, "an answer, not a reset");
        assertEquals("HTTP/1.1 431", status.trim());
    }

    @Test
    void aHeaderBeyondTheJdkServersOwnLimitIsDroppedWithoutAnAnswer() throws Exception {
        // The JDK's server stops reading at sun.net.httpserver.maxReqHeaderSize and closes the connection before
        // any code of ours runs: no answer is possible on it there. This test pins that limit of the platform.
        // when
        String status = requestWithHeaderOf(3 * 1024 * 1024);

        // then
        assertNull(status);
    }
}
