package org.mjpegwall.ui.render;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One picture of the review's playback, made by the wall's decoder ({@link TileDecoding}: libjpeg-turbo into a
 * double-buffered {@code PixelBuffer} at the DCT factor covering the drawn size, or JavaFX's {@code Image}). The
 * view asks once per pulse for the frame it wants; only a frame that differs from the one shown or in flight is
 * read and decoded, on the pool, so the FX thread never reads a file and never decodes.
 *
 * <p>Threads: {@link #pulse} and the getters are the FX thread's. Frame reads and decodes run on the pool, one at
 * a time per picture; the result is picked up by the next pulse, the same hand-over as {@link Renderer}'s.
 */
public final class PlaybackDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PlaybackDecoder.class);

    /** Reads a frame's exact bytes (a file read: runs on the pool). */
    @FunctionalInterface
    public interface FrameRead {
        byte[] read() throws java.io.IOException;
    }

    /** A frame to show: {@code key} tells frames apart (equal keys: the same frame). */
    public record Want(Object key, FrameRead read) {
        public Want {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(read, "read");
        }
    }

    private final FrameDecoder decoder;
    private final Executor pool;
    // FX thread only:
    private long pulses;
    private Object inFlight;
    private Object shown;
    private byte[] shownBytes;
    private volatile byte[] decodedBytes; // handed over with the decoder's volatile result
    private String problem;
    private volatile String failure;

    /** @param pool runs the reads and decodes (a daemon thread or two; not the FX thread) */
    public PlaybackDecoder(TileDecoding decoding, Executor pool) {
        this.decoder = decoding.newTile();
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /**
     * One pulse (FX thread): shows a finished decode, then starts on {@code want} if it is neither shown nor in
     * flight ({@code null}: no picture wanted, the last one stays).
     *
     * @param maxW the drawn width in device pixels (0 for full size)
     * @return whether the picture changed
     */
    public boolean pulse(Want want, int maxW, int maxH) {
        assert Platform.isFxApplicationThread() : "FX thread only";
        pulses++;
        boolean changed = false;
        FrameDecoder.Decoded done = decoder.poll();
        if (done != null) {
            Object key = inFlight;
            inFlight = null;
            long allocations = decoder.allocations();
            if (decoder.apply(done, pulses - 1)) {
                // Why again: on Xvfb with openbox, the first picture after a new size (a new pair of PixelBuffers)
                // stayed black until the next frame came, which in a paused review never does. Decoding the same
                // frame once more into the other buffer shows it; the wall never noticed, as its next frame
                // follows at once. Costs one decode per size change.
                shown = decoder.allocations() != allocations && decoder.pixelBuffered() ? null : key;
                shownBytes = decodedBytes;
                problem = null;
                changed = true;
            } else {
                shown = key;
                shownBytes = decodedBytes;
                problem = failure != null ? failure : "this frame cannot be decoded";
            }
        }
        if (want == null || decoder.isBusy() || want.key().equals(shown) || !decoder.writable(pulses - 1)) {
            return changed;
        }
        decoder.startDecode();
        inFlight = want.key();
        int w = Math.max(0, maxW);
        int h = Math.max(0, maxH);
        try {
            pool.execute(() -> {
                FrameDecoder.Decoded d;
                byte[] bytes = null;
                String why = null;
                try {
                    bytes = want.read().read();
                    d = decoder.decodePixels(bytes, bytes.length, w, h, 0, false); // drawn smoothly, as the focus view
                } catch (java.io.IOException e) {
                    why = e.getMessage();
                    d = FrameDecoder.Decoded.failed(0);
                } catch (RuntimeException | OutOfMemoryError e) {
                    LOG.debug("playback decode failed", e);
                    d = FrameDecoder.Decoded.failed(0);
                }
                decodedBytes = bytes;
                failure = why;
                decoder.complete(d);
            });
        } catch (RejectedExecutionException closing) {
            decoder.cancelDecode();
            inFlight = null;
        }
        return changed;
    }

    /** The picture shown; {@code null} before the first frame. */
    public Image image() {
        return decoder.image();
    }

    /** The key of the frame shown (its picture, or its problem); {@code null} before the first. */
    public Object shownKey() {
        return shown;
    }

    /** The exact bytes of the frame shown, as read from its file; {@code null} before the first. */
    public byte[] shownBytes() {
        return shownBytes;
    }

    /** Why the frame shown has no picture (unreadable, not a JPEG), or {@code null}. */
    public String problem() {
        return problem;
    }

    /** Whether a read and decode is in flight. */
    public boolean busy() {
        return decoder.isBusy();
    }

    /** Forgets what is shown, so the next pulse decodes its frame again (the drawn size changed). */
    public void invalidate() {
        shown = null;
    }
}
