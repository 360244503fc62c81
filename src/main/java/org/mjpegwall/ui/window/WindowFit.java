package org.mjpegwall.ui.window;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.mjpegwall.config.WindowGeometry;

/**
 * Shows the wall's windows and dialogs at a sensible size and place on any desktop: a minimum size the
 * window manager enforces, a default size that fits the screen, dialogs centred on their owner with the
 * title bar on screen, and Esc to close a dialog.
 *
 * <p>Why the size is set again after {@code show()}: JavaFX 21 on Linux (glass GTK, JDK-8316423, fixed
 * in JavaFX 22) maps a new window at GDK's default 200×200 under window managers such as openbox and
 * then reports that as the window's size, whatever the scene asked for; without a window manager (as in
 * CI's plain Xvfb) it never shows. So the size is asked again once the window is shown, and for a
 * moment afterwards a late configure event that shrinks the window is answered by asking again.
 */
final class WindowFit {
    /** How long after showing a window a shrink is taken for the glitch rather than the user's doing. */
    private static final Duration SETTLE = Duration.millis(1500);
    private static final int MAX_RETRIES = 5;

    private WindowFit() {
    }

    /** The visual bounds of every screen (work areas: without panels and docks). */
    static List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }

    /**
     * Shows a main window: at the saved place and size when they are usable on today's screens, else
     * centred on the primary screen, at the saved size if it fits there (its monitor may be gone), or at
     * the default size.
     */
    static void showMain(Stage stage, WindowSizing sizing, WindowGeometry saved) {
        WindowGeometry g = sizing.usable(saved, screens());
        Rectangle2D screen = g != null ? WindowSizing.screenOf(g, screens()) : Screen.getPrimary().getVisualBounds();
        double[] min = sizing.min(screen);
        double[] size = sizing.size(g != null ? g : saved, screen);
        double[] at = g != null ? new double[] {g.x(), g.y()}
                : WindowSizing.centreOn(screen, screen, size[0], size[1]);
        place(stage, min, size, at);
        stage.show();
        settle(stage, size);
    }

    /**
     * Shows a dialog centred on its owner (set with {@code initOwner} before), at its default size or
     * the size its content asks for when that is larger, within the owner's screen; Esc closes it.
     */
    static void showDialog(Stage dialog, WindowSizing sizing) {
        Window owner = dialog.getOwner();
        Rectangle2D ownerArea = owner == null || Double.isNaN(owner.getX())
                ? Screen.getPrimary().getVisualBounds()
                : new Rectangle2D(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
        Rectangle2D screen = Screen.getScreensForRectangle(ownerArea).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double[] min = sizing.min(screen);
        double[] size = sizing.defaults(screen);
        if (dialog.getScene() != null && dialog.getScene().getRoot() != null) {
            // Content that needs more room than the default gets it (decorations come on top: 40 px is ample).
            var root = dialog.getScene().getRoot();
            root.applyCss();
            size[0] = Math.min(screen.getWidth(), Math.max(size[0], Math.ceil(root.prefWidth(-1)) + 16));
            size[1] = Math.min(screen.getHeight(), Math.max(size[1], Math.ceil(root.prefHeight(size[0])) + 40));
        }
        double[] at = WindowSizing.centreOn(ownerArea, screen, size[0], size[1]);
        place(dialog, min, size, at);
        closeOnEscape(dialog);
        dialog.show();
        settle(dialog, size);
    }

    /**
     * Esc closes the window (dialogs: the same as their Close or Cancel button). A filter, not a
     * handler: lists and text fields would otherwise take the Esc for themselves.
     */
    static void closeOnEscape(Stage stage) {
        if (stage.getScene() == null || stage.getProperties().containsKey(WindowFit.class)) {
            return;
        }
        stage.getProperties().put(WindowFit.class, Boolean.TRUE);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
    }

    private static void place(Stage stage, double[] min, double[] size, double[] at) {
        stage.setMinWidth(min[0]);
        stage.setMinHeight(min[1]);
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
        stage.setX(at[0]);
        stage.setY(at[1]);
    }

    /** Asks for the size again now that the window is shown, and again if it shrinks in the next moment. */
    private static void settle(Stage stage, double[] size) {
        if (stage.isFullScreen() || stage.isMaximized()) {
            return;
        }
        reassert(stage, size);
        int[] retries = {0};
        ChangeListener<Number> watch = (obs, old, v) -> {
            if (retries[0] < MAX_RETRIES && shrunk(stage, size)) {
                retries[0]++;
                Platform.runLater(() -> reassert(stage, size));
            }
        };
        stage.widthProperty().addListener(watch);
        stage.heightProperty().addListener(watch);
        PauseTransition done = new PauseTransition(SETTLE);
        done.setOnFinished(e -> {
            stage.widthProperty().removeListener(watch);
            stage.heightProperty().removeListener(watch);
            reassert(stage, size);
        });
        done.play();
    }

    /**
     * Whether the window is smaller than asked and down at (or below) its minimum size in a dimension:
     * where the glitch leaves it (the window manager raises GDK's 200×200 to the minimum). A user's
     * resize to a size between the minimum and the one asked for is left alone.
     */
    private static boolean shrunk(Stage stage, double[] size) {
        return !stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()
                && (stage.getWidth() < size[0] - 1 || stage.getHeight() < size[1] - 1)
                && (stage.getWidth() <= stage.getMinWidth() + 1 || stage.getHeight() <= stage.getMinHeight() + 1);
    }

    private static void reassert(Stage stage, double[] size) {
        if (stage.isShowing() && shrunk(stage, size)) {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        }
    }
}
