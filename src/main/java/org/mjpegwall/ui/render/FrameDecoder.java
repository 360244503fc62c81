package org.mjpegwall.ui.render;

import javafx.scene.image.Image;

/**
 * One tile's decoding: the frame in flight, the picture shown, and the renderer's bookkeeping. How pixels are
 * made is a {@link TilePixels}: libjpeg-turbo into a double-buffered {@code PixelBuffer} ({@link TurboPixels},
 * made by {@link TileDecoding}), or JavaFX's {@code Image} ({@link FxImagePixels}, the fallback and
 * {@code new FrameDecoder()}).
 *
 * <p>Threads: at most one decode per tile is in flight ({@link #startDecode()} to {@link #poll()}, on the FX
 * thread); the worker writes its pixels only meanwhile, and the FX thread reads them only after the worker
 * published its {@link Decoded} through the volatile {@code done} field. The renderer's bookkeeping
 * ({@link #markVisible}, {@link #noteShown}) is FX thread only too.
 */
public final class FrameDecoder {
    /** A finished decode: pixels in the tile's memory, or {@code ok == false} for a corrupt frame. */
    record Decoded(boolean ok, int width, int height, int sourceWidth, int sourceHeight, long arrivalNanos,
            long decodeNanos) {
        static Decoded failed(long arrivalNanos) {
            return new Decoded(false, 0, 0, 0, 0, arrivalNanos, 0);
        }

        /** The same result, with the time the decode took. */
        Decoded timed(long nanos) {
            return new Decoded(ok, width, height, sourceWidth, sourceHeight, arrivalNanos, nanos);
        }
    }

    /** Largest image the focus view decodes at full size: 8K UHD (7680×4320); larger frames are scaled down. */
    static final long MAX_FULL_PIXELS = 7680L * 4320;

    private final TilePixels pixels;
    private int sourceWidth;
    private int sourceHeight;
    private boolean busy; // FX thread only
    private boolean shown; // FX thread only: a frame was applied since the last pulse
    private long shownArrival; // FX thread only: that frame's arrival time
    private long visiblePulse = -1; // FX thread only: the last pulse that found this decoder's tile visible
    private volatile Decoded done;

    /** A decoder on JavaFX's {@code Image} (the fallback); the wall takes its decoders from {@link TileDecoding}. */
    public FrameDecoder() {
        this(MAX_FULL_PIXELS);
    }

    /** A JavaFX decoder whose full-resolution decodes are limited to {@code maxFullPixels} (tests use a small limit). */
    public FrameDecoder(long maxFullPixels) {
        this(new FxImagePixels(maxFullPixels));
    }

    FrameDecoder(TilePixels pixels) {
        this.pixels = pixels;
    }

    /** The picture the tile shows; {@code null} before the first good frame. */
    public Image image() {
        return pixels.image();
    }

    /** Width of the last frame shown, as the camera sent it; 0 before the first. */
    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    /** How often the tile's pictures were allocated for a new size; stays constant while the size does. */
    public long allocations() {
        return pixels.allocations();
    }

    /** Whether this tile decodes with libjpeg-turbo into a double-buffered {@code PixelBuffer}. */
    public boolean pixelBuffered() {
        return pixels instanceof TurboPixels;
    }

    /** How this tile makes its pixels (tests look inside). */
    TilePixels pixels() {
        return pixels;
    }

    /** Whether a decode is in flight (from {@link #startDecode()} until {@link #poll()} took its result). */
    boolean isBusy() {
        return busy;
    }

    /** Whether a decode may start now: none in flight, and the memory it would write is off the screen. */
    boolean writable(long synced) {
        return pixels.writable(synced);
    }

    /** See {@link TilePixels#coversDrawnSizeAtFullResolution()}. */
    boolean coversDrawnSizeAtFullResolution() {
        return pixels.coversDrawnSizeAtFullResolution();
    }

    /** A frame goes to the decode pool (FX thread); one at a time. */
    void startDecode() {
        if (busy) {
            throw new IllegalStateException("a decode is in flight already");
        }
        busy = true;
    }

    /** The decode could not even be handed to the pool (it is shutting down). */
    void cancelDecode() {
        busy = false;
    }

    /** Publishes a worker's result for the FX thread. */
    void complete(Decoded d) {
        done = d;
    }

    /** Takes the finished decode, if any (FX thread); the decoder is free for the next frame then. */
    Decoded poll() {
        Decoded d = done;
        if (d != null) {
            done = null;
            busy = false;
        }
        return d;
    }

    /** The renderer found this decoder's tile visible in pulse {@code pulse}. */
    void markVisible(long pulse) {
        visiblePulse = pulse;
    }

    /** Whether the tile was visible in pulse {@code pulse} (the latest): only then is it worth decoding for. */
    boolean visibleIn(long pulse) {
        return visiblePulse == pulse;
    }

    /** A frame that arrived at {@code arrivalNanos} was applied to the image; counted as displayed at the next pulse. */
    void noteShown(long arrivalNanos) {
        shown = true;
        shownArrival = arrivalNanos;
    }

    /** Whether a frame was applied since the last {@link #takeShown()}. */
    boolean hasShown() {
        return shown;
    }

    /** The arrival time of the frame applied since the last call, and forgets it. */
    long takeShown() {
        shown = false;
        return shownArrival;
    }

    /**
     * Decodes {@code len} bytes of {@code data} to be drawn within {@code maxW}×{@code maxH} device pixels (0 for
     * full resolution), never larger than the frame itself, into memory the screen does not show; {@code exact}: at
     * exactly the drawn size (see {@link TilePixels#decode}). Decode worker.
     */
    Decoded decodePixels(byte[] data, int len, int maxW, int maxH, long arrivalNanos, boolean exact) {
        return pixels.decode(data, len, maxW, maxH, arrivalNanos, exact);
    }

    /** Shows a finished decode (FX thread); false for a corrupt frame. */
    boolean apply(Decoded d, long synced) {
        if (!pixels.apply(d, synced)) {
            return false;
        }
        sourceWidth = d.sourceWidth();
        sourceHeight = d.sourceHeight();
        return true;
    }

    /** Decodes and applies on the calling (FX) thread. */
    boolean decode(byte[] data, int len, int maxW, int maxH) {
        return apply(decodePixels(data, len, maxW, maxH, 0, false), Long.MAX_VALUE);
    }
}
