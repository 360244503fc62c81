package org.mjpegwall.ui.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.mjpegwall.frame.decode.JpegDecoder;
import org.mjpegwall.frame.decode.JpegDecoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one window's tiles decode, chosen once: with libjpeg-turbo ({@code frame.decode}) into double-buffered
 * {@code PixelBuffer}s when it loads, else with JavaFX's {@code Image} as before. Holds one {@link JpegDecoder} per
 * decode worker thread (a TurboJPEG handle is not thread-safe, and opening one per frame would cost more than
 * the decode of a small tile).
 */
public final class TileDecoding implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TileDecoding.class);

    private final Supplier<JpegDecoder> open;
    private final ThreadLocal<JpegDecoder> perThread = ThreadLocal.withInitial(this::openForThread);
    private final Object lock = new Object();
    private final List<JpegDecoder> opened = new ArrayList<>(); // guarded by lock
    private boolean closed; // guarded by lock

    private TileDecoding(Supplier<JpegDecoder> open) {
        this.open = open;
    }

    /** libjpeg-turbo when {@link JpegDecoders#turboAvailable()}, else JavaFX's decoder (today's path). */
    public static TileDecoding best() {
        return JpegDecoders.turboAvailable() ? new TileDecoding(JpegDecoders::open) : javaFx();
    }

    /** JavaFX's {@code Image}, whatever is available: the fallback. */
    public static TileDecoding javaFx() {
        return new TileDecoding(null);
    }

    /** Decoders from {@code open}, one per worker thread, into double-buffered {@code PixelBuffer}s (tests inject). */
    public static TileDecoding with(Supplier<JpegDecoder> open) {
        return new TileDecoding(Objects.requireNonNull(open, "open"));
    }

    /** Whether tiles decode into {@code PixelBuffer}s through a {@code frame.decode} decoder. */
    public boolean pixelBuffered() {
        return open != null;
    }

    /** A decoder for one tile. */
    public FrameDecoder newTile() {
        return new FrameDecoder(open == null ? new FxImagePixels(FrameDecoder.MAX_FULL_PIXELS) : new TurboPixels(this));
    }

    /** The calling worker thread's decoder, opened on its first frame. */
    JpegDecoder forThisThread() {
        return perThread.get();
    }

    private JpegDecoder openForThread() {
        JpegDecoder d = open.get();
        synchronized (lock) {
            if (!closed) {
                opened.add(d);
                return d;
            }
        }
        d.close();
        throw new IllegalStateException("the wall's decoders are closed");
    }

    /** Frees the workers' decoders; call after the decode pool has stopped (a decoder still in use is left to its cleaner). */
    @Override
    public void close() {
        List<JpegDecoder> toClose;
        synchronized (lock) {
            closed = true;
            toClose = List.copyOf(opened);
            opened.clear();
        }
        for (JpegDecoder d : toClose) {
            try {
                d.close();
            } catch (IllegalStateException stillDecoding) {
                LOG.debug("decoder still in use at close; its cleaner frees it", stillDecoding);
            }
        }
    }
}
