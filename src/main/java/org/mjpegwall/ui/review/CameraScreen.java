package org.mjpegwall.ui.review;

import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.mjpegwall.ui.render.PlaybackDecoder;
import org.mjpegwall.ui.render.TileDecoding;

/**
 * One camera's picture in the review: the frame its recording shows at the player's moment, decoded at the drawn
 * size by the wall's decoder off the FX thread, its name in the corner, and "no recording at this moment" in a gap.
 */
final class CameraScreen extends StackPane {
    private final String camera;
    private final PlaybackDecoder decoder;
    private final ImageView view = new ImageView();
    private final Label name = new Label();
    private final Label empty = new Label();
    private Object wanted;

    /** @param shownName what the corner says: the wall's name for the camera, or its recordings' */
    CameraScreen(String camera, String shownName, TileDecoding decoding, Executor pool) {
        this.camera = camera;
        this.decoder = new PlaybackDecoder(decoding, pool);
        getStyleClass().add("review-screen");
        setId("review-screen-" + camera);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setManaged(false);
        name.setText(shownName);
        name.getStyleClass().add("review-screen-name");
        empty.getStyleClass().add("review-screen-empty");
        empty.setWrapText(true);
        StackPane.setAlignment(name, Pos.TOP_LEFT);
        getChildren().addAll(view, empty, name);
        setMinSize(160, 90);
        widthProperty().addListener(o -> decoder.invalidate());
        heightProperty().addListener(o -> decoder.invalidate());
    }

    String camera() {
        return camera;
    }

    PlaybackDecoder decoder() {
        return decoder;
    }

    /** The frame wanted now (its key), or {@code null} in a gap. */
    Object wanted() {
        return wanted;
    }

    /** One pulse (FX thread): asks for the frame shown at this moment; a gap shows no picture. */
    void pulse(ReviewDay.Shown shown) {
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int w = (int) Math.ceil(getWidth() * scale);
        int h = (int) Math.ceil(getHeight() * scale);
        if (shown == null || shown.placed() == null) {
            wanted = null;
            decoder.pulse(null, w, h);
            view.setVisible(false);
            empty.setText("No recording at this moment");
            empty.setVisible(true);
            return;
        }
        wanted = shown.key();
        if (w < 1 || h < 1) {
            return; // not laid out yet
        }
        decoder.pulse(new PlaybackDecoder.Want(wanted, shown::bytes), w, h);
        boolean current = wanted.equals(decoder.shownKey());
        if (decoder.image() != null && view.getImage() != decoder.image()) {
            javafx.scene.image.Image was = view.getImage();
            view.setImage(decoder.image());
            if (was == null || was.getWidth() != view.getImage().getWidth()
                    || was.getHeight() != view.getImage().getHeight()) {
                requestLayout();
            }
        }
        view.setVisible(decoder.image() != null);
        String problem = current ? decoder.problem() : null;
        empty.setText(problem == null ? "" : problem);
        empty.setVisible(problem != null);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.scene.image.Image img = view.getImage();
        if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
            return;
        }
        // The picture as large as fits, centred (letterboxed), whatever size it was decoded at.
        double f = Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
        double w = img.getWidth() * f;
        double h = img.getHeight() * f;
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.relocate((getWidth() - w) / 2, (getHeight() - h) / 2);
    }
}
