package org.mjpegwall.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one check of a camera URL. */
class HttpUrlsTest {
    @Test
    void acceptsHttpAndHttpsInAnyCaseWithAHost() {
        assertNull(HttpUrls.problem(URI.create("http://cam/")));
        assertNull(HttpUrls.problem(URI.create("HTTPS://cam:8443/v")));
    }

    @Test
    void namesTheProblemWithOtherUrls() {
        assertEquals("not an http or https URL", HttpUrls.problem(URI.create("ftp://cam/")));
        assertEquals("not an http or https URL", HttpUrls.problem(URI.create("/relative")));
        assertEquals("URL has no host", HttpUrls.problem(URI.create("http:///v")));
    }

    @Test
    void requireNamesNoSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpUrls.require(URI.create("ftp://viewer:s3cret@cam/v?pwd=s3cret")));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains("viewer"), e.getMessage());
    }

    @Test
    void defaultPortsFollowTheScheme() {
        assertEquals(80, HttpUrls.port(URI.create("http://cam/")));
        assertEquals(443, HttpUrls.port(URI.create("https://cam/")));
        assertEquals(8080, HttpUrls.port(URI.create("https://cam:8080/")));
        assertTrue(HttpUrls.isTls(URI.create("HTTPS://cam/")));
        assertFalse(HttpUrls.isTls(URI.create("http://cam/")));
    }
}
