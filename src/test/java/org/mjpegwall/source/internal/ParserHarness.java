package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.source.internal.WireReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.mjpegwall.frame.FrameBuffer;

/** Feeds bytes to a {@link MultipartParser} (no socket) and records what it hands to its sink. */
final class ParserHarness implements MultipartParser.Sink {
    final List<byte[]> frames = new ArrayList<>();
    int discarded;
    int released;
    final List<Long> skipped = new ArrayList<>();
    final Deque<FrameBuffer> pool = new ArrayDeque<>();
    final MultipartParser parser;

    ParserHarness(byte[] body, String headerBoundary, int bufferLength, int buffers, long maxFrame, int maxRead) {
        this(body, headerBoundary, fixed(bufferLength, buffers), maxFrame, maxRead);
    }

    /** With the given buffers (fixed or growing). */
    ParserHarness(byte[] body, String headerBoundary, List<FrameBuffer> buffers, long maxFrame, int maxRead) {
        pool.addAll(buffers);
        this.parser = new MultipartParser(new WireReader(trickle(body, maxRead)), headerBoundary, maxFrame);
    }

    private static List<FrameBuffer> fixed(int length, int count) {
        List<FrameBuffer> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new FrameBuffer(length));
        }
        return list;
    }

    /** Parses with reads of at most {@code maxRead} bytes of random size (0 = whole reads). */
    static ParserHarness parse(byte[] body, String headerBoundary, int maxRead) throws IOException {
        ParserHarness h = new ParserHarness(body, headerBoundary, 1 << 20, 4, 32 << 20, maxRead);
        h.readAll();
        return h;
    }

    void readAll() throws IOException {
        for (int i = 0; i < 10_000 && parser.readPart(this); i++) {
            // collect
        }
    }

    /** An InputStream whose reads return at most {@code maxRead} bytes (random sizes, fixed seed). */
    static InputStream trickle(byte[] body, int maxRead) {
        if (maxRead <= 0) {
            return new ByteArrayInputStream(body);
        }
        Random random = new Random(42);
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(maxRead)));
            }
        };
    }

    @Override
    public FrameBuffer acquire() {
        return pool.poll();
    }

    @Override
    public void deliver(FrameBuffer buffer, int used) {
        frames.add(java.util.Arrays.copyOf(buffer.data(), used));
        pool.add(buffer);
    }

    @Override
    public void discard(FrameBuffer buffer) {
        discarded++;
        if (buffer != null) {
            pool.add(buffer);
        }
    }

    @Override
    public void skipped(FrameBuffer buffer, long size) {
        skipped.add(size);
        if (buffer != null) {
            pool.add(buffer);
        }
    }

    @Override
    public void release(FrameBuffer buffer) {
        released++;
        if (buffer != null) {
            pool.add(buffer);
        }
    }
}
