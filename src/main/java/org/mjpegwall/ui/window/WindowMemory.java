package org.mjpegwall.ui.window;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mjpegwall.config.WindowGeometry;

/**
 * Remembers a window's place and size while it is shown normally: noted on every move and resize, handed
 * on to be saved a second later (and on close). A size below the minimum is a glitch of the window system
 * (see {@link WindowFit}), never remembered; a maximised window keeps the normal place and size under it.
 */
final class WindowMemory {
    private final Stage stage;
    private final WindowSizing sizing;
    private final Supplier<WindowGeometry> saved;
    private final PauseTransition delay = new PauseTransition(Duration.seconds(1));
    private WindowGeometry last;

    /**
     * @param saved the geometry saved so far
     * @param remember saves a new geometry (a second after the last change)
     */
    WindowMemory(Stage stage, WindowSizing sizing, Supplier<WindowGeometry> saved, Consumer<WindowGeometry> remember) {
        this.stage = stage;
        this.sizing = sizing;
        this.saved = saved;
        delay.setOnFinished(e -> remember.accept(last));
        for (var p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener((obs, old, v) -> note()); // change listeners: invalidation ones fire only once unread
        }
        stage.maximizedProperty().addListener((obs, old, v) -> note());
    }

    /** Notes the window's place and size now, if it is shown normally. */
    void note() {
        if (stage.isFullScreen() || stage.isIconified() || !stage.isShowing() || stage.getScene() == null
                || !sizing.worthSaving(stage.getWidth(), stage.getHeight())) {
            return;
        }
        WindowGeometry old = last != null ? last : saved.get();
        boolean max = stage.isMaximized();
        last = max && old != null
                ? new WindowGeometry(old.x(), old.y(), old.width(), old.height(), true)
                : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), max);
        delay.playFromStart();
    }

    /** The last place and size noted, or {@code null}; no save is pending any more. */
    WindowGeometry stop() {
        delay.stop();
        return last;
    }
}
