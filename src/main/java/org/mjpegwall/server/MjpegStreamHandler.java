package org.mjpegwall.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves any source of JPEG frames as an MJPEG stream ({@code multipart/x-mixed-replace}): the Java form of
 * the seed's {@code MJPEGResponse(generator)}. Each request gets its own pass over the source; the stream
 * ends when the source ends or the viewer disconnects.
 *
 * <pre>{@code
 * MjpegStreamHandler echo = MjpegStreamHandler.fromSource(() -> {
 *     FrameBuffer buf = client.dequeueBuffer();
 *     try { return buf.toByteArray(); } finally { client.enqueueBuffer(buf); }
 * });
 * HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * http.createContext("/video", echo);
 * http.start();
 * }</pre>
 *
 * <p>Start Java with {@code -Dsun.net.httpserver.nodelay=true} if your code creates an {@code HttpServer}
 * before this class is first used (as above, create the handler first): without TCP_NODELAY the JDK server delays the end of each frame by about
 * 40 ms (Nagle's algorithm against delayed ACKs), so frames arrive late and in pairs.
 *
 * <p>For many viewers of one camera use {@link MjpegServer} with a {@link FrameHub} instead: there every
 * viewer gets the newest frame at its own pace.
 */
public final class MjpegStreamHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MjpegStreamHandler.class);

    static {
        HttpServerTuning.ensureNoDelay();
    }

    /**
     * A blocking supply of JPEG frames, one per call; {@code null} ends the stream. (Not a camera source: those
     * are {@code frame.FrameSource}s, which a {@link FrameHub} serves to many viewers.)
     */
    @FunctionalInterface
    public interface JpegSupplier {
        byte[] next() throws IOException, InterruptedException;
    }

    private final Supplier<? extends JpegSupplier> perRequest;

    private MjpegStreamHandler(Supplier<? extends JpegSupplier> perRequest) {
        this.perRequest = perRequest;
    }

    /** Each request streams a new iterator from {@code iterators} until it has no more frames. */
    public static MjpegStreamHandler fromIterator(Supplier<? extends Iterator<byte[]>> iterators) {
        Objects.requireNonNull(iterators, "iterators");
        return new MjpegStreamHandler(() -> {
            Iterator<byte[]> it = Objects.requireNonNull(iterators.get(), "iterator");
            return () -> it.hasNext() ? it.next() : null;
        });
    }

    /** Each request streams a new stream from {@code streams}; the stream is closed when the response ends. */
    public static MjpegStreamHandler fromStream(Supplier<? extends Stream<byte[]>> streams) {
        Objects.requireNonNull(streams, "streams");
        return new MjpegStreamHandler(() -> new StreamJpegs(Objects.requireNonNull(streams.get(), "stream")));
    }

    /** Every request pulls frames from the same supplier (it must be thread-safe); {@code null} ends a stream. */
    public static MjpegStreamHandler fromSupplier(Supplier<byte[]> frames) {
        Objects.requireNonNull(frames, "frames");
        return new MjpegStreamHandler(() -> frames::get);
    }

    /** Every request pulls frames from the same blocking source (it must be thread-safe). */
    public static MjpegStreamHandler fromSource(JpegSupplier source) {
        Objects.requireNonNull(source, "source");
        return new MjpegStreamHandler(() -> source);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        JpegSupplier source = null;
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", Multipart.CONTENT_TYPE);
            ex.getResponseHeaders().set("Cache-Control", "no-cache, no-store, must-revalidate");
            ex.getResponseHeaders().set("Pragma", "no-cache");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            source = perRequest.get();
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            byte[] jpeg;
            while ((jpeg = source.next()) != null) {
                Multipart.writePart(out, Multipart.partHeader(jpeg.length), jpeg);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (IOException ioe) {
            // Rethrown so that the JDK's server forgets the connection: a viewer that left mid-frame leaves the
            // chunked stream unfinishable, and only a handler that throws gets the connection removed.
            LOG.debug("stream ended: {}", ioe.toString());
            throw ioe;
        } finally {
            if (source instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing the frame source failed", e);
                }
            }
        }
    }

    private static final class StreamJpegs implements JpegSupplier, AutoCloseable {
        private final Stream<byte[]> stream;
        private final Iterator<byte[]> it;

        StreamJpegs(Stream<byte[]> stream) {
            this.stream = stream;
            this.it = stream.iterator();
        }

        @Override
        public byte[] next() {
            return it.hasNext() ? it.next() : null;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
