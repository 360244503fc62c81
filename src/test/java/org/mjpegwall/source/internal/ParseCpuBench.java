package org.mjpegwall.source.internal;

import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.source.internal.WireReader;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.testing.TestJpegs;

/**
 * Not a test: a manual benchmark of the parser's CPU cost with no socket and no other thread, so that
 * it holds still on a loaded machine (thread CPU time, not wall time). It compares, per KiB, a plain
 * 64 KiB-read copy of the stream with the parser delivering every frame, with and without
 * Content-Length. Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes org.mjpegwall.source.internal.ParseCpuBench}
 */
public final class ParseCpuBench {
    private ParseCpuBench() {
    }

    public static void main(String[] args) throws IOException {
        for (boolean contentLength : new boolean[] {true, false}) {
            ByteArrayOutputStream c = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                byte[] f = TestJpegs.fake(40_000 + 1_500 * i, i); // random bytes, like entropy-coded data
                c.writeBytes(("--benchboundary\r\nContent-Type: image/jpeg\r\n"
                        + (contentLength ? "Content-Length: " + f.length + "\r\n" : "") + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                c.writeBytes(f);
                c.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] cycle = c.toByteArray();
            long repeats = (512L << 20) / cycle.length;
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double bestPlain = Double.MAX_VALUE;
            double bestParser = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long c0 = mx.getCurrentThreadCpuTime();
                InputStream in = stream(cycle, repeats);
                byte[] discard = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(discard, 0, discard.length)) >= 0; ) {
                    total += n;
                }
                long c1 = mx.getCurrentThreadCpuTime();
                long frames = parse(cycle, repeats);
                long c2 = mx.getCurrentThreadCpuTime();
                if (frames != repeats * 8) {
                    throw new IllegalStateException("parsed " + frames + " of " + repeats * 8 + " frames");
                }
                bestPlain = Math.min(bestPlain, (c1 - c0) / (total / 1024.0));
                bestParser = Math.min(bestParser, (c2 - c1) / (total / 1024.0));
            }
            System.out.printf("%-24s plain copy %5.1f ns/KiB   parser %5.1f ns/KiB%n",
                    contentLength ? "with Content-Length:" : "without (boundary scan):", bestPlain, bestParser);
        }
    }

    private static long parse(byte[] cycle, long repeats) throws IOException {
        FrameBuffer[] pool = new FrameBuffer[8];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new FrameBuffer(1 << 20);
        }
        long[] frames = {0};
        MultipartParser p = new MultipartParser(new WireReader(stream(cycle, repeats)), "benchboundary", 32 << 20);
        MultipartParser.Sink sink = new MultipartParser.Sink() {
            @Override
            public FrameBuffer acquire() {
                return pool[(int) (frames[0] & 7)];
            }

            @Override
            public void deliver(FrameBuffer buffer, int used) {
                frames[0]++;
            }

            @Override
            public void discard(FrameBuffer buffer) {
                throw new IllegalStateException("discarded a frame");
            }

            @Override
            public void skipped(FrameBuffer buffer, long size) {
                throw new IllegalStateException("skipped a frame of " + size + " bytes");
            }

            @Override
            public void release(FrameBuffer buffer) {
                // nothing pooled here
            }
        };
        try {
            while (p.readPart(sink)) {
                // frames are counted by the sink
            }
        } catch (EOFException e) {
            frames[0]++; // the last part has no boundary after it: without a length it cannot end
        }
        return frames[0];
    }

    /** The cycle {@code repeats} times, in reads of at most 64 KiB (like a busy socket). */
    private static InputStream stream(byte[] cycle, long repeats) {
        return new InputStream() {
            private long left = repeats;
            private int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == cycle.length) {
                    if (--left <= 0) {
                        return -1;
                    }
                    pos = 0;
                }
                int n = Math.min(Math.min(len, 64 * 1024), cycle.length - pos);
                System.arraycopy(cycle, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
