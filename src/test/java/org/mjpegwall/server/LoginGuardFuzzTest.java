package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fuzzes the server's reading of a client's {@code Authorization} header, the one part of a login that parses
 * bytes from the network. Seeds in {@code LoginGuardFuzzTestInputs/basicAuthorizationNeverThrows/}.
 */
class LoginGuardFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void basicAuthorizationNeverThrows(byte[] input) {
        // given any header value
        String header = new String(input, StandardCharsets.ISO_8859_1);

        // when
        String[] userAndPassword = LoginGuard.basic(header);

        // then: malformed means null; anything read is a user without ':' that encodes back to the same pair
        if (userAndPassword != null) {
            assertEquals(2, userAndPassword.length);
            assertFalse(userAndPassword[0].contains(":"));
            String again = "Basic " + Base64.getEncoder().encodeToString(
                    (userAndPassword[0] + ":" + userAndPassword[1]).getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(userAndPassword, LoginGuard.basic(again));
        }
    }
}
