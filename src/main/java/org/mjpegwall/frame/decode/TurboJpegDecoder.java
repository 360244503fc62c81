package org.mjpegwall.frame.decode;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link JpegDecoder} on libjpeg-turbo's TurboJPEG API: reads the header, plans the scale
 * ({@link DecodePlan}), and lets {@code tjDecompress2} scale in the DCT and convert the colours straight into
 * the caller's buffer. Steady state allocates nothing per frame: the frame is copied into a reused native
 * input buffer, the header's four ints land in a reused native block, and the output pointer is remembered
 * per output buffer.
 *
 * <p>Frames without Huffman tables (many USB webcams) are decoded as they are: libjpeg-turbo (since 1.5) uses
 * the standard tables of JPEG Annex K when a scan refers to a table the frame never defined, which is what
 * {@code client.Jpeg.withStandardHuffmanTables} inserts for the stricter decoders. JpegDecoderTest checks both
 * give the same pixels.
 *
 * <p>One TurboJPEG handle per instance; a handle is not thread-safe, so a second thread entering
 * {@link #decode} while one is inside fails fast instead of corrupting the handle. Why a new handle after a
 * failed frame: libjpeg-turbo 2.1's {@code tjDecompressHeader3} returns from its error handler without
 * aborting the decompressor, so the next, good frame would fail too ("Bogus marker length").
 */
final class TurboJpegDecoder implements JpegDecoder {
    private static final Cleaner CLEANER = Cleaner.create();
    /** TJFLAG_LIMITSCANS (2.1+; older libraries ignore it): refuse progressive frames of more than 500 scans. */
    private static final int FLAGS = 32768;
    private static final int TJERR_WARNING = 0;
    private static final int MIN_INPUT = 256 * 1024;

    private final Handle handle = new Handle();
    private final Cleaner.Cleanable destroy;
    private final int[] scales;
    private final Memory header = new Memory(16);
    private final Pointer width = header.share(0);
    private final Pointer height = header.share(4);
    private final Pointer subsampling = header.share(8);
    private final Pointer colorspace = header.share(12);
    private final NativeLong inputSize = new NativeLong();
    private final AtomicBoolean inUse = new AtomicBoolean();
    private Memory input = new Memory(MIN_INPUT);
    private ByteBuffer outBuffer;
    private Pointer outPointer;
    private volatile boolean closed;

    /**
     * @throws IllegalStateException if the library is not loaded or gives no handle
     */
    TurboJpegDecoder() {
        if (TurboJpegNative.LOAD_ERROR != null) {
            throw new IllegalStateException(TurboJpegNative.LOAD_ERROR);
        }
        handle.renew();
        destroy = CLEANER.register(this, handle);
        scales = Scales.OFFERED;
    }

    @Override
    public String name() {
        return "libjpeg-turbo";
    }

    @Override
    public Decoded decode(byte[] data, int off, int len, int maxWidth, int maxHeight, PixelLayout layout,
            OutputBuffer out) throws JpegDecodeException {
        DecodePlan.checkArguments(data, off, len, layout, out);
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException("a TurboJPEG decoder is used by two threads at once");
        }
        try {
            if (closed) {
                throw new IllegalStateException("decoder closed");
            }
            return decodeLocked(data, off, len, maxWidth, maxHeight, layout, out);
        } finally {
            inUse.set(false);
        }
    }

    private Decoded decodeLocked(byte[] data, int off, int len, int maxWidth, int maxHeight, PixelLayout layout,
            OutputBuffer out) throws JpegDecodeException {
        DecodePlan.checkLength(len);
        if (len < 4) {
            throw new JpegDecodeException("not a JPEG: only " + len + " bytes");
        }
        if (input.size() < len) {
            input.close();
            input = new Memory(Math.max(len, Math.min(DecodePlan.MAX_JPEG_BYTES, input.size() * 2)));
        }
        input.write(0, data, off, len);
        inputSize.setValue(len);
        // Zeroed first: for a stream of tables only (no frame header), libjpeg-turbo 2.1 returns success and leaves
        // the sizes untouched, which would decode garbage at the previous frame's size.
        header.clear(16);
        if (TurboJpegNative.tjDecompressHeader3(handle.pointer, input, inputSize, width, height, subsampling,
                colorspace) != 0) {
            String message = error();
            handle.renew();
            throw new JpegDecodeException("not a decodable JPEG: " + message);
        }
        DecodePlan plan = DecodePlan.of(width.getInt(0), height.getInt(0), maxWidth, maxHeight, layout, scales);
        ByteBuffer pixels = out.reserve(plan.bytes());
        if (pixels != outBuffer) {
            outBuffer = pixels;
            outPointer = Native.getDirectBufferPointer(pixels);
        }
        String warning = null;
        if (TurboJpegNative.tjDecompress2(handle.pointer, input, inputSize, outPointer, plan.width(), plan.stride(),
                plan.height(), layout.turboFormat(), FLAGS) != 0) {
            String message = error();
            if (TurboJpegNative.tjGetErrorCode(handle.pointer) != TJERR_WARNING) {
                handle.renew();
                throw new JpegDecodeException("cannot decode the JPEG: " + message);
            }
            warning = message;
        }
        return new Decoded(plan, pixels, warning);
    }

    private String error() {
        String s = TurboJpegNative.tjGetErrorStr2(handle.pointer);
        return s == null || s.isBlank() ? "no reason given" : s.strip();
    }

    @Override
    public void close() {
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException("close() while another thread decodes");
        }
        try {
            if (!closed) {
                closed = true;
                destroy.clean();
                input.close();
                header.close();
            }
        } finally {
            inUse.set(false);
        }
    }

    /** The TurboJPEG handle, apart from the decoder so that the cleaner can destroy it once the decoder is gone. */
    private static final class Handle implements Runnable {
        Pointer pointer;

        /** Replaces the handle with a fresh one. */
        void renew() {
            run();
            Pointer p = TurboJpegNative.tjInitDecompress();
            if (p == null) {
                throw new IllegalStateException("libjpeg-turbo gave no decompressor: "
                        + TurboJpegNative.tjGetErrorStr2(null));
            }
            pointer = p;
        }

        /** Destroys the handle (on close, or by the cleaner when the decoder was dropped unclosed). */
        @Override
        public void run() {
            if (pointer != null) {
                TurboJpegNative.tjDestroy(pointer);
                pointer = null;
            }
        }
    }

    /** The scaling denominators of {@link DecodePlan#SCALES} the loaded library offers (tjGetScalingFactors). */
    static final class Scales {
        static final int[] OFFERED = offered();

        private Scales() {
        }

        private static int[] offered() {
            try (Memory count = new Memory(4)) {
                Pointer list = TurboJpegNative.tjGetScalingFactors(count);
                int n = count.getInt(0);
                if (list == null || n < 1 || n > 64) {
                    return new int[] {1};
                }
                int[] factors = list.getIntArray(0, 2 * n); // {num, denom} pairs
                return Arrays.stream(DecodePlan.SCALES).filter(s -> offers(factors, s)).toArray();
            }
        }

        private static boolean offers(int[] factors, int scale) {
            for (int i = 0; i + 1 < factors.length; i += 2) {
                if (factors[i] == 1 && factors[i + 1] == scale) {
                    return true;
                }
            }
            return scale == 1;
        }
    }
}
