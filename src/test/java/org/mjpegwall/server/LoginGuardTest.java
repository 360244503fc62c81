package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Wrong passwords are throttled per address and logged without the password; logins stay HTTP Basic. */
@Timeout(60)
class LoginGuardTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String WRONG = "guess-XYZZY-42";

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static MjpegServer start(MjpegServer.Builder b) throws Exception {
        FrameHub hub = new FrameHub();
        hub.publish(NumberedFrames.frame(1, 100));
        MjpegServer server = b.password(PASSWORD).build();
        server.addCamera("1", "cam", hub);
        server.start();
        return server;
    }

    @Test
    void wrongPasswordsFromOneAddressAreAnswered429WithRetryAfterAfterTheTenth() throws Exception {
        try (MjpegServer server = start(MjpegServer.builder())) {
            // when one address sends 30 wrong passwords
            Map<Integer, Integer> statuses = new TreeMap<>();
            String retryAfter = null;
            for (int i = 0; i < 30; i++) {
                RawHttp.Response r = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg", basic("admin", WRONG));
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 429) {
                    retryAfter = r.headers().get("retry-after");
                }
            }
            RawHttp.Response right = RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg", basic("admin", PASSWORD));

            // then ten are refused as wrong, the rest (and even the right password) wait for the cooling period
            assertEquals(Map.of(401, 10, 429, 20), statuses);
            assertNotNull(retryAfter);
            assertThat(Integer.parseInt(retryAfter), allOf(greaterThan(0), lessThanOrEqualTo(60)));
            assertEquals(429, right.status());
        }
    }

    @Test
    void theRightPasswordWorksAgainAfterTheCoolingPeriod() throws Exception {
        // given a server on a fake clock, and an address refused after ten wrong passwords
        AtomicLong now = new AtomicLong();
        try (MjpegServer server = start(MjpegServer.builder().clock(now::get))) {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, RawHttp.get(server.baseUri(), "/status", basic("", WRONG)).status());
            }
            assertEquals(429, RawHttp.get(server.baseUri(), "/status", basic("", PASSWORD)).status());

            // when the minute of cooling has passed
            now.addAndGet(TimeUnit.SECONDS.toNanos(61));

            // then
            assertEquals(200, RawHttp.get(server.baseUri(), "/status", basic("", PASSWORD)).status());
        }
    }

    @Test
    void failedLoginsAreLoggedAtWarnAFewTimesWithoutPasswordOrUserName() throws Exception {
        // given
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (MjpegServer server = start(MjpegServer.builder())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

            // when 30 wrong passwords come from one address
            for (int i = 0; i < 30; i++) {
                RawHttp.get(server.baseUri(), "/camera/1/snapshot.jpg", basic("operator-name", WRONG));
            }
        } finally {
            System.setErr(original);
        }

        // then there are one or two WARN lines naming the address, never the password or the user name
        List<String> warnings = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.contains("WARN") && l.contains("LoginGuard")).toList();
        assertThat(warnings.size(), allOf(greaterThan(0), lessThanOrEqualTo(2)));
        assertThat(warnings, everyItem(containsString("127.0.0.1")));
        assertThat(captured.toString(StandardCharsets.UTF_8), not(containsString(WRONG)));
        assertThat(captured.toString(StandardCharsets.UTF_8), not(containsString("operator-name")));
        assertThat(warnings.get(0), containsString("failed login from 127.0.0.1"));
    }

    @Test
    void aMalformedAuthorizationIsAnswered401NotDropped() throws Exception {
        try (MjpegServer server = start(MjpegServer.builder())) {
            // when
            RawHttp.Response notBase64 = RawHttp.get(server.baseUri(), "/status", "Authorization: Basic !!not-base64!!");
            RawHttp.Response noColon = RawHttp.get(server.baseUri(), "/status",
                    "Authorization: Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)));
            RawHttp.Response otherScheme = RawHttp.get(server.baseUri(), "/status", "Authorization: Bearer abc");

            // then
            assertEquals(401, notBase64.status());
            assertEquals(401, noColon.status());
            assertEquals(401, otherScheme.status());
            assertThat(notBase64.headers().get("www-authenticate"), containsString("Basic realm="));
        }
    }
}
