package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.HttpHead;
import org.mjpegwall.source.internal.WireReader;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the HTTP response head reader with any bytes: it either returns a head whose accessors all
 * work, or fails with an {@link IOException} (a message in words), within its size limits.
 * Seeds: {@code src/test/resources/org/mjpegwall/client/internal/HttpHeadFuzzTestInputs/readsAnyResponseHead/}.
 */
class HttpHeadFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void readsAnyResponseHead(byte[] input) {
        // given
        WireReader reader = new WireReader(new ByteArrayInputStream(input));
        HttpHead head;
        // when
        try {
            head = HttpHead.read(reader);
        } catch (IOException e) {
            // then: refused in words
            assertNotNull(e.getMessage());
            return;
        }
        // then: a head that was accepted is within the limits and every accessor answers
        assertTrue(head.code() >= 0 && head.code() <= 999, "code " + head.code());
        int size = head.version().length() + head.reason().length();
        for (String[] h : head.headers()) {
            size += h[0].length() + h[1].length();
            assertTrue(h[0].length() > 0, "empty header name");
        }
        assertTrue(size <= HttpHead.HEAD_LIMIT, "head of " + size + " characters");
        head.mediaType();
        head.boundary();
        head.contentLength();
        head.chunked();
        head.headers("WWW-Authenticate");
    }
}
