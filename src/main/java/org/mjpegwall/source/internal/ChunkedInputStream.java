package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.WireReader;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** Decodes HTTP/1.1 chunked transfer coding from a {@link WireReader}, with bounded size lines. */
public final class ChunkedInputStream extends InputStream {
    private final WireReader r;
    private long remaining;
    private boolean done;

    public ChunkedInputStream(WireReader reader) {
        this.r = reader;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (remaining == 0) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = r.readSome(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            String crlf = r.readLine(WireReader.LINE_LIMIT, "chunk end");
            if (crlf == null || !crlf.isEmpty()) {
                throw new ProtocolException("malformed chunk: no line break after its data");
            }
        }
        return n;
    }

    private boolean nextChunk() throws IOException {
        String line = r.readLine(WireReader.LINE_LIMIT, "chunk size line");
        if (line == null) {
            done = true;
            return false; // closed between chunks: treat as end of body
        }
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
        try {
            remaining = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed chunk size");
        }
        if (remaining < 0) {
            throw new ProtocolException("malformed chunk size");
        }
        if (remaining == 0) {
            done = true; // trailers are ignored: the stream is over
            return false;
        }
        return true;
    }
}
