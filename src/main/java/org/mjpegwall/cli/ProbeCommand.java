package org.mjpegwall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.source.MjpegClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code probe URL}: runs a client for a while and prints its statistics. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Connects to an MJPEG camera (or snapshot URL), reads frames for a while and prints the "
                + "client's statistics. Exit status 0 when at least one frame arrived."})
public final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CameraLogin login;

    @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// URL of the stream")
    String url;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "stop after S seconds (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--frames", paramLabel = "N", description = "stop after N frames")
    Long frames;

    @Option(names = "--json", description = "print one JSON object on one line instead of the stats block")
    boolean json;

    @Option(names = "--decode", description = "decode each frame with the program's JPEG decoder and count errors")
    boolean decode;

    @Option(names = "--buffer-size", paramLabel = "BYTES", defaultValue = "8388608",
            description = "bytes per frame buffer; larger frames are discarded (default ${DEFAULT-VALUE})")
    int bufferSize;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LibraryLog.quietClient();
        MjpegClient client;
        try {
            client = login.client(url);
        } catch (IllegalArgumentException e) {
            return CliErrors.fail(err, "probe", 2, e.getMessage());
        }
        long decoded = 0;
        long decodeErrors = 0;
        long delivered = 0;
        try (client) {
            for (FrameBuffer buf : client.requestBuffers(bufferSize, 4)) {
                client.enqueueBuffer(buf);
            }
            client.start();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline && (frames == null || delivered < frames)) {
                long waitNanos = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100));
                FrameBuffer buf = client.dequeueBuffer(Math.max(1, waitNanos), TimeUnit.NANOSECONDS);
                if (buf == null) {
                    continue;
                }
                delivered++;
                if (decode) {
                    try {
                        Jpeg.decode(buf.data(), 0, buf.used());
                        decoded++;
                    } catch (IOException e) {
                        decodeErrors++;
                    }
                }
                client.enqueueBuffer(buf);
            }
            SourceStats stats = client.stats();
            if (json) {
                out.println(toJson(stats, decoded, decodeErrors));
            } else {
                PrintStream ps = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
                client.printStats(ps);
                ps.flush();
                if (decode) {
                    out.printf("Decoded frames:   %d%n", decoded);
                    out.printf("Decode errors:    %d%n", decodeErrors);
                }
            }
            out.flush();
            if (stats.totalFrames() == 0) {
                return CliErrors.fail(err, "probe", 1, CliErrors.noFrameWithin(stats, seconds));
            }
            return 0;
        }
    }

    private String toJson(SourceStats s, long decoded, long decodeErrors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("state", s.state().name());
        m.put("fps", Math.round(s.fps() * 100) / 100.0);
        m.put("totalFrames", s.totalFrames());
        m.put("discardedFrames", s.discardedFrames());
        m.put("overruns", s.overruns());
        m.put("reconnects", s.reconnects());
        m.put("bytes", s.bytes());
        m.put("lastError", s.lastError());
        if (decode) {
            m.put("decoded", decoded);
            m.put("decodeErrors", decodeErrors);
        }
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bridges printStats(PrintStream) to picocli's writer, so tests can capture the output. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            line.write(b);
        }

        @Override
        public void flush() {
            w.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
            w.flush();
        }
    }
}
