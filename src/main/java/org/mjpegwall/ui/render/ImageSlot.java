package org.mjpegwall.ui.render;

import javafx.scene.image.Image;

/**
 * Where the renderer puts a camera's pictures. The renderer sees a tile only as the size its picture
 * is drawn at and a place to show an image, so it needs no control (and tests give it plain slots).
 */
public interface ImageSlot {
    /**
     * The size the picture is drawn at, in device pixels: {@code {width, height}}; zeros while the slot
     * is not laid out yet (the renderer then leaves the frame for the next pulse).
     */
    int[] drawnSize();

    /** Shows the image; called again with the same image after its pixels were rewritten in place. */
    void show(Image image);
}
