package org.mjpegwall.source.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.util.Units;

/**
 * Reads a body that is one JPEG (a snapshot URL's answer) into a pooled buffer: a known length straight
 * into the buffer, an unknown one up to the end of the stream, growing the buffer while the image fits.
 * An image too large for the buffer or the frame limit is read on and discarded, in a scratch area of the
 * reader's read size made only then.
 */
final class SingleImageReader {
    private final WireReader r;
    private final long maxFrame;
    private final long skipLimit;
    private byte[] scratch; // made when first needed

    SingleImageReader(WireReader reader, long maxFrame, long skipLimit) {
        this.r = reader;
        this.maxFrame = maxFrame;
        this.skipLimit = skipLimit;
    }

    /** {@code length} bytes, or up to the end of the stream when the length is unknown (-1). */
    void read(MultipartParser.Sink sink, long length) throws IOException {
        if (length > skipLimit) {
            throw MultipartParser.tooLarge(length, skipLimit);
        }
        if (length == 0) {
            // Delivered, it would be an empty frame; a camera that answers so has no picture to give.
            throw new ProtocolException("the camera sent an empty image (Content-Length: 0)");
        }
        if (length > maxFrame) {
            if (!r.skipFully(length)) {
                throw new EOFException("connection closed inside an image");
            }
            sink.skipped(null, length);
            return;
        }
        FrameBuffer b = sink.acquire();
        if (length >= 0) {
            readCounted(sink, b, length);
            return;
        }
        // Unknown length: read to the end of the stream, into the buffer while it fits (and grows).
        byte[] dst = b == null ? scratch() : b.data();
        int used = 0;
        long total = 0;
        boolean kept = b != null;
        while (true) {
            if (used == dst.length) {
                if (kept && total < maxFrame && b.ensureCapacity((int) Math.min(maxFrame, total + WireReader.CHUNK))) {
                    dst = b.data();
                } else {
                    kept = false; // too large for the buffer: keep reading, discard
                    dst = scratch();
                    used = 0;
                }
            }
            int n = r.readSome(dst, used, dst.length - used);
            if (n < 0) {
                break;
            }
            used += n;
            total += n;
            if (total > skipLimit) {
                sink.release(b);
                throw new ProtocolException("image larger than the " + Units.bytes(skipLimit) + " skip limit");
            }
        }
        if (total == 0) {
            sink.release(b);
        } else if (kept && total <= maxFrame) {
            sink.deliver(b, used);
        } else if (b == null) {
            sink.discard(null);
        } else {
            sink.skipped(b, total);
        }
    }

    private void readCounted(MultipartParser.Sink sink, FrameBuffer b, long length) throws IOException {
        if (b != null && b.ensureCapacity((int) length)) {
            if (!r.readFully(b.data(), 0, (int) length)) {
                sink.release(b);
                throw new EOFException("connection closed inside an image");
            }
            sink.deliver(b, (int) length);
        } else {
            if (!r.skipFully(length)) {
                sink.release(b);
                throw new EOFException("connection closed inside an image");
            }
            if (b == null) {
                sink.discard(null);
            } else {
                sink.skipped(b, length);
            }
        }
    }

    private byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[WireReader.CHUNK];
        }
        return scratch;
    }
}
