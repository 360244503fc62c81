package org.mjpegwall.ui.render;

import javafx.scene.image.Image;

/**
 * How a tile's frames become its picture: decoded on a decode worker, shown on the FX thread. Two ways:
 * {@link TurboPixels} (libjpeg-turbo straight into a double-buffered {@code PixelBuffer}) and {@link FxImagePixels}
 * (JavaFX's {@code Image}, the fallback when libjpeg-turbo cannot be loaded).
 *
 * <p>{@code synced} is a pulse count up to which JavaFX has certainly synchronised the scene to its render
 * thread (see {@link Renderer}): memory that left the screen before such a sync is no longer read by the renderer.
 */
interface TilePixels {
    /**
     * Decodes a frame into memory the screen does not show (a decode worker; one decode at a time).
     *
     * @param exact make the picture exactly the size it is drawn at within {@code maxW}×{@code maxH} when that is
     *     smaller than the frame (a wall tile), rather than the DCT factor's size that covers it (the focus view,
     *     which the scene graph draws smoothly)
     */
    FrameDecoder.Decoded decode(byte[] data, int len, int maxW, int maxH, long arrivalNanos, boolean exact);

    /** Shows a finished decode (FX thread); false for a corrupt frame, which leaves the picture as it was. */
    boolean apply(FrameDecoder.Decoded d, long synced);

    /** Whether the next decode may start: the memory it writes is no longer read by the screen (FX thread). */
    boolean writable(long synced);

    /** The picture shown; {@code null} before the first good frame. */
    Image image();

    /** How often the tile's pictures were allocated for a new size; constant while the size is. */
    long allocations();

    /**
     * Whether "full resolution" may mean the DCT factor that covers the drawn size (a focus view smaller than
     * the frame): true where the decoder scales inside the DCT, so the picture is as sharp as the screen shows.
     */
    boolean coversDrawnSizeAtFullResolution();
}
