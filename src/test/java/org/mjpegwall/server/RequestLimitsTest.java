package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
    private final RequestLimits limits = new RequestLimits(100, 300, 10);

    private static Map<String, List<String>> headers(int count, int valueLength) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            h.put("H" + i, List.of("v".repeat(valueLength)));
        }
        return h;
    }

    @Test
    void acceptsARequestWithinEveryLimit() {
        assertNull(limits.check("GET", "/camera/1/stream.mjpg", "HTTP/1.1", headers(10, 20)));
    }

    @Test
    void refusesAnOverlongRequestLineWith414() {
        // given a line of 4 + 87 + 1 + 8 = 100 bytes, and one of 101
        String target = "/" + "x".repeat(86);

        // then
        assertNull(limits.check("GET", target, "HTTP/1.1", Map.of()));
        assertEquals(414, limits.check("GET", target + "x", "HTTP/1.1", Map.of()).status());
    }

    @Test
    void refusesTooManyHeaderLinesWith431() {
        // a header with two values is two lines
        Map<String, List<String>> h = headers(9, 1);
        h.put("Twice", List.of("a", "b"));

        assertEquals(431, limits.check("GET", "/", "HTTP/1.1", h).status());
    }

    @Test
    void refusesAnOversizedHeaderBlockWith431() {
        // given 10 lines of "Hn: " + value + CRLF
        RequestLimits.Refusal r = limits.check("GET", "/", "HTTP/1.1", headers(10, 30));

        // then 10 * (2 + 2 + 30 + 2) = 360 > 300
        assertEquals(431, r.status());
        assertEquals("The request headers are 360 bytes; this server reads at most 300.", r.message());
    }

    @Test
    void refusesLimitsTooSmallToServeAnything() {
        assertThrows(IllegalArgumentException.class, () -> new RequestLimits(10, 300, 10));
    }
}
