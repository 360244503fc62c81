package org.mjpegwall.ui.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.mjpegwall.frame.Jpeg;
import org.mjpegwall.frame.decode.Decoded;
import org.mjpegwall.frame.decode.JpegDecodeException;
import org.mjpegwall.frame.decode.NearestFit;
import org.mjpegwall.frame.decode.OutputBuffer;
import org.mjpegwall.frame.decode.PixelLayout;

/**
 * A tile's pictures decoded by a {@code frame.decode} decoder (libjpeg-turbo) at the DCT factor that covers the
 * drawn size, straight into BGRA memory that two {@link PixelBuffer}s show as {@code IntArgbPre} ints (BGRA bytes
 * read little-endian are ARGB, and opaque pixels are their own premultiplied form): no copy and no conversion
 * between the decoder and the texture upload. A wall tile's picture is made exactly the size it is drawn at
 * ({@link NearestFit} bridges the rest of the way from the DCT factor), so the render thread copies it 1:1.
 *
 * <p>Double buffering: the worker decodes into the buffer not on screen; the FX thread then marks it updated and
 * shows its image. The buffer that left the screen is written again only once a pulse has synchronised the scene
 * since then ({@code synced}), because until that sync JavaFX's render thread may still be uploading it. A new
 * {@code PixelBuffer}/{@code WritableImage} pair is made only when the decoded size changes.
 *
 * <p>Threads: the worker reads {@code front} and writes {@code out[back]} and {@code written} only while its
 * decode is in flight, during which the FX thread changes neither; the hand-over both ways is the executor's
 * submit and {@link FrameDecoder}'s volatile result.
 */
final class TurboPixels implements TilePixels {
    private final TileDecoding decoders;
    private final OutputBuffer[] out = {new OutputBuffer(), new OutputBuffer()};
    // The worker's alone (one decode per tile at a time): the picture at the DCT factor before it is fitted.
    private final OutputBuffer scratch = new OutputBuffer();
    private final NearestFit fit = new NearestFit();
    private ByteBuffer written; // the worker's output memory, handed over with its result
    // FX thread only (read by the worker while its decode is in flight, see above):
    private final ByteBuffer[] memory = new ByteBuffer[2];
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
    private final WritableImage[] images = new WritableImage[2];
    /** The {@code synced} count when each buffer last left the screen; -1: never shown. */
    private final long[] leftScreen = {-1, -1};
    private int front = -1;
    private int width;
    private int height;
    private long allocations;

    TurboPixels(TileDecoding decoders) {
        this.decoders = decoders;
    }

    /** The buffer not on screen: the one the next decode writes. */
    private int back() {
        return front == 0 ? 1 : 0;
    }

    @Override
    public FrameDecoder.Decoded decode(byte[] data, int len, int maxW, int maxH, long arrivalNanos, boolean exact) {
        try {
            Jpeg.Size size = exact && maxW > 0 && maxH > 0 ? Jpeg.size(data, 0, len) : null;
            int[] drawn = size == null || size.width() < 1 || size.height() < 1 ? null
                    : NearestFit.fitted(size.width(), size.height(), maxW, maxH);
            if (drawn == null || drawn[0] >= size.width()) {
                // Full size, or drawn at least as large: decoded straight into the buffer shown next.
                Decoded d = decoders.forThisThread().decode(data, 0, len, maxW, maxH, PixelLayout.BGRA, out[back()]);
                written = d.pixels();
                return new FrameDecoder.Decoded(true, d.width(), d.height(), d.plan().sourceWidth(),
                        d.plan().sourceHeight(), arrivalNanos, 0);
            }
            Decoded d = decoders.forThisThread().decode(data, 0, len, drawn[0], drawn[1], PixelLayout.BGRA, scratch);
            int w = Math.min(drawn[0], d.width());
            int h = Math.min(drawn[1], d.height());
            written = out[back()].reserve(w * h * 4);
            fit.resample(d.pixels(), d.width(), d.height(), d.stride(), written, w, h);
            return new FrameDecoder.Decoded(true, w, h, d.plan().sourceWidth(), d.plan().sourceHeight(), arrivalNanos, 0);
        } catch (JpegDecodeException e) {
            return FrameDecoder.Decoded.failed(arrivalNanos);
        }
    }

    @Override
    public boolean apply(FrameDecoder.Decoded d, long synced) {
        if (!d.ok()) {
            return false;
        }
        int b = back();
        if (d.width() != width || d.height() != height) {
            // A new size: both buffers get new images now, so that the size changes once, not frame by frame.
            // The memory shown until now is only wrapped again here, not written.
            width = d.width();
            height = d.height();
            wrap(b, written);
            wrap(1 - b, out[1 - b].reserve(width * height * 4));
            allocations++;
        } else if (memory[b] != written) {
            wrap(b, written); // cannot happen while the size stays (the memory grows only for a bigger picture)
        }
        buffers[b].updateBuffer(pb -> null);
        if (front >= 0) {
            leftScreen[front] = synced;
        }
        front = b;
        return true;
    }

    private void wrap(int i, ByteBuffer bytes) {
        memory[i] = bytes;
        IntBuffer ints = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        buffers[i] = new PixelBuffer<>(width, height, ints, PixelFormat.getIntArgbPreInstance());
        images[i] = new WritableImage(buffers[i]);
    }

    @Override
    public boolean writable(long synced) {
        return synced > leftScreen[back()];
    }

    @Override
    public Image image() {
        return front < 0 ? null : images[front];
    }

    @Override
    public long allocations() {
        return allocations;
    }

    @Override
    public boolean coversDrawnSizeAtFullResolution() {
        return true;
    }

    /** The memory the screen shows (tests: it must never be the memory being written); null before the first frame. */
    ByteBuffer shownMemory() {
        return front < 0 ? null : memory[front];
    }
}
