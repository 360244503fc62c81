package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.ChunkedInputStream;
import org.mjpegwall.source.internal.HttpHead;
import org.mjpegwall.source.internal.WireReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Status lines and response heads, from bytes. */
class HttpHeadTest {
    private static HttpHead read(String text) throws IOException {
        return HttpHead.read(new WireReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void parsesStatusLines() throws ProtocolException {
        assertEquals(200, HttpHead.parseStatusLine("HTTP/1.1 200 OK").code());
        assertEquals("HTTP/1.0", HttpHead.parseStatusLine("HTTP/1.0 404 Not Found").version());
        assertEquals("", HttpHead.parseStatusLine("HTTP/1.1 204").reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HTTP/1.1", "HTTP/1.1 2OO OK", "HTTP/2 200 OK", "ICY 200 OK", "HTTP/1.1 2000 OK",
        "<html>"})
    void rejectsBadStatusLines(String line) {
        assertThrows(ProtocolException.class, () -> HttpHead.parseStatusLine(line));
    }

    @Test
    void readsHeadersInAnyCaseAndTheBoundaryQuotedOrNot() throws IOException {
        HttpHead h = read("HTTP/1.1 200 OK\r\ncontent-type: multipart/x-mixed-replace;boundary=\"--my b\"\r\n"
                + "X-A: 1\r\n\r\n");
        assertEquals("multipart/x-mixed-replace", h.mediaType());
        assertEquals("--my b", h.boundary());
        assertEquals("1", h.header("x-a"));
        assertNull(h.header("Content-Length"));
        HttpHead h2 = read("HTTP/1.0 200 OK\nContent-Type: multipart/x-mixed-replace; BOUNDARY=abc ; x=y\n\n");
        assertEquals("abc", h2.boundary());
    }

    @Test
    void readsChunkedAndLength() throws IOException {
        HttpHead h = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\nContent-Length: 12\r\n\r\n");
        assertTrue(h.chunked());
        assertEquals(12, h.contentLength());
    }

    @Test
    void rejectsHeaderLineLongerThanLimit() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> read("HTTP/1.1 200 OK\r\nX: " + "a".repeat(9000) + "\r\n\r\n"));
        assertEquals("HTTP header line longer than 8 KiB", e.getMessage());
    }

    @Test
    void rejectsHeaderBlockLongerThanLimit() {
        String many = ("X-Pad: " + "a".repeat(1000) + "\r\n").repeat(70);
        ProtocolException e = assertThrows(ProtocolException.class, () -> read("HTTP/1.1 200 OK\r\n" + many + "\r\n"));
        assertEquals("HTTP headers longer than 64 KiB", e.getMessage());
    }

    @Test
    void chunkedStreamDecodes() throws IOException {
        byte[] body = "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ChunkedInputStream in = new ChunkedInputStream(new WireReader(new ByteArrayInputStream(body)));
        assertEquals("hello world", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void chunkedStreamRejectsBadSize() {
        byte[] body = "zz\r\nhello\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ChunkedInputStream in = new ChunkedInputStream(new WireReader(new ByteArrayInputStream(body)));
        assertThrows(ProtocolException.class, in::readAllBytes);
    }

    @Test
    void skipsAHeaderWhoseNameIsOnlyControlCharacters() throws IOException {
        // given a header line whose name trims to nothing (found by the fuzzer)
        HttpHead head = read("HTTP/1.1 200 OK\r\n\u0001: x\r\nContent-Type: image/jpeg\r\n\r\n");
        // then it is dropped like any malformed line, and the rest is read
        assertEquals(1, head.headers().size());
        assertEquals("image/jpeg", head.mediaType());
    }
}
