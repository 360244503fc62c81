package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probe and snapshot in a separate JVM with slf4j-simple at its default level (INFO, as for a user):
 * stderr holds only the command's own one-line message, never the library's log lines.
 */
class CleanCommandOutputTest {
    private record Proc(int status, List<String> out, List<String> err) {
    }

    private static Proc run(String... args) throws IOException, InterruptedException {
        return runWith(List.of(), args);
    }

    private static Proc runWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not end: " + cmd);
        }
        return new Proc(p.exitValue(), lines(p.getInputStream().readAllBytes()), lines(p.getErrorStream().readAllBytes()));
    }

    private static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\\R"));
    }

    /** A port on which nothing listens: connections are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return ss.getLocalPort();
        }
    }

    @Test
    void probeOfARefusingCameraPrintsOneJsonLineAndOneErrorLine() throws Exception {
        // given
        String url = "http://127.0.0.1:" + closedPort() + "/video?user=admin&pwd=s3cret";
        // when: long enough for several retries
        Proc p = run("probe", url, "--seconds", "2", "--json");
        // then
        assertEquals(1, p.status());
        assertEquals(1, p.out().size(), String.join("\n", p.out()));
        JsonNode json = new ObjectMapper().readTree(p.out().get(0));
        assertEquals("connection refused", json.get("lastError").asText());
        assertTrue(json.get("reconnects").asLong() >= 1, p.out().get(0));
        assertEquals(List.of("probe: no frame from " + url.replace("admin", "***").replace("s3cret", "***")
                + " within 2 s (connection refused)"), p.err());
    }

    @Test
    void snapshotOfARefusingCameraPrintsOnlyItsOwnLine(@TempDir Path dir) throws Exception {
        // given
        int port = closedPort();
        // when
        Proc p = run("snapshot", "http://127.0.0.1:" + port + "/", "--out", dir.resolve("x.jpg").toString(),
                "--timeout", "5");
        // then
        assertEquals(1, p.status());
        assertEquals(List.of(), p.out());
        assertEquals(List.of("snapshot: http://127.0.0.1:" + port + "/: connection refused"), p.err());
        assertTrue(Files.notExists(dir.resolve("x.jpg")));
    }

    @Test
    void libraryLogShowsAnOutageOnceAtInfoAndNoSecretEvenAtDebug() throws Exception {
        // given: the user asks for the library's log, down to DEBUG
        String url = "http://viewer:s3cretA@127.0.0.1:" + closedPort() + "/video?user=admin&pwd=s3cretB";
        // when: a refusing camera retried several times
        Proc p = runWith(List.of("-D" + LibraryLog.CLIENT_LEVEL + "=debug"), "probe", url, "--seconds", "2", "--json");
        // then
        String err = String.join("\n", p.err());
        assertTrue(!err.contains("s3cret") && !err.contains("viewer") && !err.contains("admin"), err);
        long info = p.err().stream().filter(l -> l.contains(" INFO ") && l.contains("connection refused")).count();
        long debug = p.err().stream().filter(l -> l.contains(" DEBUG ") && l.contains("connection refused (again")).count();
        assertEquals(1, info, err);
        assertTrue(debug >= 1, err);
    }
}
