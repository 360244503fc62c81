package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.Authenticator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes challenge parsing with any WWW-Authenticate values (one per input line, as a camera may send
 * several): the authenticator never throws, and the Authorization header it answers with is one clean
 * header line that never holds the password in clear. Seeds:
 * {@code src/test/resources/org/mjpegwall/client/internal/AuthenticatorFuzzTestInputs/answersAnyChallenge/}.
 */
class AuthenticatorFuzzTest {
    private static final String PASSWORD = "s3cret-Pa55";

    @FuzzTest(maxDuration = "10m")
    void answersAnyChallenge(byte[] input) {
        // given
        String text = new String(input, StandardCharsets.ISO_8859_1);
        List<String> challenges = Arrays.asList(text.split("\n", -1));
        // a camera may of course echo the password's text itself (in a realm, say): that is no leak
        boolean echoed = text.contains(PASSWORD);
        Authenticator auth = new Authenticator("viewer", PASSWORD);
        // when
        auth.onChallenge(challenges);
        String first = auth.authorization("GET", "/video?x=1");
        boolean again = auth.onChallenge(challenges);
        String second = auth.authorization("GET", "/video?x=1");
        // then
        check(first, echoed);
        check(second, echoed);
        if (first == null) {
            assertFalse(again && second != null, "answered a challenge the first time it ignored");
        }
    }

    private static void check(String header, boolean echoed) {
        if (header == null) {
            return;
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                fail("control character " + (int) c + " in the Authorization header: " + header);
            }
        }
        if (header.startsWith("Digest ") && !echoed && header.contains(PASSWORD)) {
            fail("password in clear in a Digest answer: " + header);
        }
    }
}
