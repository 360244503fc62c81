package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.testing.CliRun;

/**
 * One camera URL, with a {@code +} and a {@code %20} in its password, logs in from {@code probe} and from
 * {@code relay} alike (issue 11: the relay used to decode the password as form data, so a {@code +} became a
 * space and the login failed). The camera is the project's own server, which accepts only the exact password.
 */
@Timeout(120)
class PasswordCharactersTest {
    /** What the user's camera expects: a plus and a space. */
    private static final String PASSWORD = "pa+ss wd";

    private static String cameraUrl(DemoServer camera, String rawPassword) {
        URI stream = camera.cameraUris().get(0);
        return "http://viewer:" + rawPassword + "@" + stream.getHost() + ":" + stream.getPort() + stream.getRawPath();
    }

    @Test
    void theSameUrlWithPlusAndEncodedSpaceInThePasswordLogsInFromProbeAndFromRelay() throws Exception {
        try (DemoServer camera = DemoServer.start(DemoServer.Options.defaults().withCameras(1).withFps(10)
                .withSize(160, 120).withPassword(PASSWORD))) {
            // given the URL as a user writes it: '+' as is (legal in userinfo), the space as %20
            String url = cameraUrl(camera, "pa+ss%20wd");

            // when probe reads it
            CliRun probe = CliRun.of("probe", url, "--frames", "3", "--seconds", "20", "--json");

            // then it logged in and got frames
            assertEquals(0, probe.status(), probe.out() + probe.err());
            assertEquals(3, new ObjectMapper().readTree(probe.out()).get("totalFrames").asLong());

            // when relay (its own process, as a user runs it) serves the same URL, and probe watches the relay
            Process relay = startRelay(url);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(relay.getInputStream(),
                        StandardCharsets.UTF_8));
                String first = out.readLine();
                Matcher m = Pattern.compile("Relaying (\\S+) at (\\S+)").matcher(String.valueOf(first));
                assertTrue(m.matches(), "relay said: " + first);
                URI relayed = URI.create(m.group(2));
                CliRun viaRelay = CliRun.of("probe", relayed.toString(), "--frames", "3", "--seconds", "20", "--json");

                // then the relay logged in upstream with the same password: its viewer got the camera's frames
                assertEquals(0, viaRelay.status(), viaRelay.out() + viaRelay.err());
                assertEquals(3, new ObjectMapper().readTree(viaRelay.out()).get("totalFrames").asLong());
                JsonNode upstream = new ObjectMapper().readTree(get(relayed.resolve("/status")))
                        .path("cameras").path(0).path("upstream");
                assertEquals("STREAMING", upstream.path("state").asText(), upstream.toString());
                assertThat(first, not(containsString("pa+ss")));
                assertThat(upstream.toString(), not(containsString("pa+ss")));
            } finally {
                relay.destroy(); // SIGTERM: the relay's shutdown hook closes it, as Ctrl-C does
                assertTrue(relay.waitFor(20, TimeUnit.SECONDS), "relay ended");
            }

            // and (the control) the camera really checks the password: a '+' read as a space is refused
            CliRun wrong = CliRun.of("probe", cameraUrl(camera, "pa%20ss%20wd"), "--seconds", "1.5", "--json");
            assertEquals(1, wrong.status(), wrong.out());
            assertEquals(0, new ObjectMapper().readTree(wrong.out()).get("totalFrames").asLong());
        }
    }

    private static Process startRelay(String url) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", Launcher.class.getName(),
                "relay", url, "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("MJPEG_WALL_CAMERA_PASSWORD"); // the URL's password, nothing else
        pb.environment().remove("MJPEG_WALL_PASSWORD");
        return pb.start();
    }

    private static String get(URI uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
