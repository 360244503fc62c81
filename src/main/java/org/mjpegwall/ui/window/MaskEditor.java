package org.mjpegwall.ui.window;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;

/**
 * Draws a camera's motion masks on its picture: drag a rectangle over what should not count as motion
 * (a clock, a tree, a road), as many as needed; Undo and Clear; Done hands them back. Masks are stored
 * normalised to the picture (0..1), so they hold at any resolution; masks made elsewhere as polygons are
 * shown and kept as they are.
 */
final class MaskEditor extends Stage {
    static final double WIDTH = 640;
    static final double HEIGHT = 480;

    private final ImageView picture = new ImageView();
    private final Pane layer = new Pane();
    private final List<MaskArea> masks;
    private final Label info = new Label();
    private Rectangle dragging;
    private double startX;
    private double startY;

    /**
     * @param frame the camera's newest frame, or {@code null} (then a blank area of 4:3 is drawn on)
     * @param done receives the masks when Done is pressed
     */
    MaskEditor(Window owner, String cameraName, Frame frame, List<MaskArea> current, Consumer<List<MaskArea>> done) {
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Motion masks: " + cameraName);
        masks = new ArrayList<>(current);
        picture.setFitWidth(WIDTH);
        picture.setFitHeight(HEIGHT);
        picture.setPreserveRatio(true);
        picture.setId("mask-picture");
        layer.setId("mask-layer");
        layer.getStyleClass().add("mask-layer");
        Pane stack = new Pane(picture, layer);
        stack.getStyleClass().add("mask-stage");
        // The picture's own size, centred: no black margin where a drag would draw outside the picture.
        stack.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        layer.resizeRelocate(0, 0, WIDTH, HEIGHT);
        layer.setOnMousePressed(this::press);
        layer.setOnMouseDragged(this::drag);
        layer.setOnMouseReleased(this::release);
        info.setId("mask-info");
        info.getStyleClass().add("dialog-note");
        Button undo = new Button("Undo");
        undo.setId("mask-undo");
        undo.setOnAction(e -> {
            if (!masks.isEmpty()) {
                masks.remove(masks.size() - 1);
                redraw();
            }
        });
        Button clear = new Button("Clear");
        clear.setId("mask-clear");
        clear.setOnAction(e -> {
            masks.clear();
            redraw();
        });
        Button ok = new Button("Done");
        ok.setId("mask-done");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            done.accept(List.copyOf(masks));
            close();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("mask-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        HBox buttons = new HBox(8, undo, clear, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(stack);
        root.setTop(info);
        root.setBottom(buttons);
        BorderPane.setMargin(info, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(buttons, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(12));
        root.setId("mask-editor");
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        Theme.apply(scene);
        setScene(scene);
        setResizable(false);
        if (frame != null) {
            load(frame);
        } else {
            fitLayer(WIDTH, HEIGHT);
            info.setText("No picture from this camera yet: the masks are drawn on a blank area of its shape.");
        }
        redraw();
    }

    /** Decodes the frame off the FX thread (a full-size camera frame can take a while). */
    private void load(Frame frame) {
        info.setText("Loading the camera's picture…");
        fitLayer(WIDTH, HEIGHT);
        Thread t = new Thread(() -> {
            byte[] jpeg = frame.jpeg();
            if (!Jpeg.hasHuffmanTables(jpeg, 0, jpeg.length)) {
                jpeg = Jpeg.withStandardHuffmanTables(jpeg, 0, jpeg.length);
            }
            Image img = new Image(new ByteArrayInputStream(jpeg), WIDTH, HEIGHT, true, true);
            Platform.runLater(() -> {
                if (!img.isError() && img.getWidth() > 0) {
                    picture.setImage(img);
                    fitLayer(img.getWidth(), img.getHeight());
                }
                info.setText("Drag over areas where motion should be ignored.");
                redraw();
            });
        }, "mask-picture");
        t.setDaemon(true);
        t.start();
    }

    private void fitLayer(double w, double h) {
        layer.resizeRelocate(0, 0, w, h);
        layer.setPrefSize(w, h);
        layer.setMinSize(w, h);
        layer.setMaxSize(w, h);
    }

    List<MaskArea> masks() {
        return List.copyOf(masks);
    }

    /** The normalised rectangle between two points of an area of the given size, clamped to it. */
    static MaskArea rectangle(double x0, double y0, double x1, double y1, double width, double height) {
        double ax = clamp(Math.min(x0, x1) / width);
        double ay = clamp(Math.min(y0, y1) / height);
        double bx = clamp(Math.max(x0, x1) / width);
        double by = clamp(Math.max(y0, y1) / height);
        return MaskArea.rectangle(ax, ay, bx - ax, by - ay);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private void press(MouseEvent e) {
        startX = e.getX();
        startY = e.getY();
        dragging = new Rectangle(startX, startY, 0, 0);
        dragging.getStyleClass().add("mask-drawing");
        layer.getChildren().add(dragging);
    }

    private void drag(MouseEvent e) {
        if (dragging != null) {
            Bounds b = layer.getLayoutBounds();
            double x = Math.max(0, Math.min(b.getWidth(), e.getX()));
            double y = Math.max(0, Math.min(b.getHeight(), e.getY()));
            dragging.setX(Math.min(startX, x));
            dragging.setY(Math.min(startY, y));
            dragging.setWidth(Math.abs(x - startX));
            dragging.setHeight(Math.abs(y - startY));
        }
    }

    private void release(MouseEvent e) {
        if (dragging == null) {
            return;
        }
        drag(e);
        Bounds b = layer.getLayoutBounds();
        // A click or a tiny drag is not a mask (at least 4 pixels each way).
        if (dragging.getWidth() >= 4 && dragging.getHeight() >= 4 && masks.size() < org.mjpegwall.config.MotionConfig.MAX_MASKS) {
            masks.add(rectangle(startX, startY, e.getX(), e.getY(), b.getWidth(), b.getHeight()));
        }
        dragging = null;
        redraw();
    }

    private void redraw() {
        layer.getChildren().clear();
        double w = layer.getLayoutBounds().getWidth();
        double h = layer.getLayoutBounds().getHeight();
        for (MaskArea m : masks) {
            Polygon p = new Polygon();
            for (double[] pt : m.points()) {
                p.getPoints().addAll(pt[0] * w, pt[1] * h);
            }
            p.getStyleClass().add("mask-area");
            layer.getChildren().add(p);
        }
        if (!info.getText().startsWith("Loading") && !info.getText().startsWith("No picture")) {
            info.setText(masks.isEmpty() ? "Drag over areas where motion should be ignored."
                    : masks.size() + (masks.size() == 1 ? " area" : " areas") + " where motion is ignored. Drag to add more.");
        }
    }
}
