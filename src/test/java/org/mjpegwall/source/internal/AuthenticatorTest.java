package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic and Digest answers, checked against the worked examples of RFC 7616 section 3.9.1. */
class AuthenticatorTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void digestMd5MatchesRfc7616Example() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", Authenticator.digestResponse("MD5", "Mufasa",
                "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", NONCE, "00000001", CNONCE, "auth"));
    }

    @Test
    void digestSha256MatchesRfc7616Example() {
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                Authenticator.digestResponse("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                        "/dir/index.html", NONCE, "00000001", CNONCE, "auth"));
    }

    @Test
    void algorithmNameIsCaseInsensitive() {
        assertEquals(Authenticator.digestResponse("SHA-256", "u", "r", "p", "GET", "/", "n", "00000001", "c", "auth"),
                Authenticator.digestResponse("sha-256", "u", "r", "p", "GET", "/", "n", "00000001", "c", "auth"));
    }

    @Test
    void ignoresAChallengeWhoseValuesWouldSplitTheAuthorizationHeader() {
        // given: a realm with CR LF (found by AuthenticatorFuzzTest with a NUL in the nonce)
        Authenticator a = new Authenticator("u", "p");
        // when
        boolean answered = a.onChallenge(List.of("Digest realm=\"cam\r\nX-Evil: 1\", nonce=\"n\""));
        // then
        assertFalse(answered);
        assertNull(a.authorization("GET", "/"));
    }

    @Test
    void answersTheAlgorithmByItsNameNeverAsTheCameraSpelledIt() {
        // given
        Authenticator lower = new Authenticator("u", "p");
        Authenticator unknown = new Authenticator("u", "p");
        // when
        lower.onChallenge(List.of("Digest realm=\"x\", nonce=\"n\", algorithm=sha-256-SESS"));
        unknown.onChallenge(List.of("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256-tricky"));
        // then
        assertTrue(lower.authorization("GET", "/").contains("algorithm=SHA-256-sess,"));
        assertNull(unknown.authorization("GET", "/"), "an algorithm it cannot compute is not answered");
    }

    @Test
    void sendsNothingBeforeAChallenge() {
        assertNull(new Authenticator("u", "p").authorization("GET", "/"));
    }

    @Test
    void answersBasicChallenge() {
        Authenticator a = new Authenticator("viewer", "pa:ss");
        assertTrue(a.onChallenge(List.of("Basic realm=\"cam\"")));
        String header = a.authorization("GET", "/video");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("viewer:pa:ss".getBytes()), header);
    }

    @Test
    void prefersSha256DigestOverMd5AndBasic() {
        Authenticator a = new Authenticator("u", "p");
        a.onChallenge(List.of("Basic realm=\"x\"", "Digest realm=\"x\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"",
                "Digest realm=\"x\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth,auth-int\""));
        String header = a.authorization("GET", "/v");
        assertTrue(header.startsWith("Digest "), header);
        assertTrue(header.contains("algorithm=SHA-256"), header);
        assertTrue(header.contains("nonce=\"n2\""), header);
        assertTrue(header.contains("qop=auth"), header);
        assertTrue(header.contains("nc=00000001"), header);
    }

    @Test
    void digestHeaderCarriesAVerifiableResponse() {
        // given
        Authenticator a = new Authenticator("Mufasa", "Circle of Life");
        a.onChallenge(List.of("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, "
                + "nonce=\"" + NONCE + "\", opaque=\"FQhe\""));
        // when
        Map<String, String> p = Authenticator.parseChallenge(a.authorization("GET", "/dir/index.html"));
        // then: the server's recomputation with the client's cnonce and nc matches
        assertEquals("FQhe", p.get("opaque"));
        assertEquals(Authenticator.digestResponse("MD5", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", NONCE, p.get("nc"), p.get("cnonce"), "auth"), p.get("response"));
    }

    @Test
    void nonceCountGoesUpWithEachRequest() {
        Authenticator a = new Authenticator("u", "p");
        a.onChallenge(List.of("Digest realm=\"r\", nonce=\"n\", qop=auth"));
        a.authorization("GET", "/");
        assertTrue(a.authorization("GET", "/").contains("nc=00000002"));
    }

    @Test
    void aSecondChallengeAfterAnsweringMeansWrongPasswordUnlessStale() {
        Authenticator a = new Authenticator("u", "p");
        assertTrue(a.onChallenge(List.of("Digest realm=\"r\", nonce=\"n1\", qop=auth")));
        a.authorization("GET", "/");
        assertTrue(a.onChallenge(List.of("Digest realm=\"r\", nonce=\"n2\", qop=auth, stale=true")), "stale nonce");
        a.authorization("GET", "/");
        assertFalse(a.onChallenge(List.of("Digest realm=\"r\", nonce=\"n3\", qop=auth")), "refused");
    }

    @Test
    void ignoresUnknownSchemes() {
        assertFalse(new Authenticator("u", "p").onChallenge(List.of("Negotiate", "Bearer realm=\"x\"")));
    }

    @Test
    void parsesQuotedParametersWithCommasAndEscapes() {
        List<String[]> p = Authenticator.parseParams("a=1, b=\"x, y\", c=\"q\\\"q\"");
        assertEquals("1", p.get(0)[1]);
        assertEquals("x, y", p.get(1)[1]);
        assertEquals("q\"q", p.get(2)[1]);
    }
}
