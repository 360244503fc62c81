package org.mjpegwall.ui.window;

import atlantafx.base.theme.PrimerDark;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;

/**
 * The wall's looks: AtlantaFX's dark Primer theme for every control and dialog, and the wall's own
 * stylesheet (tiles, bars, notifications; its colours are named once, at its top).
 */
final class Theme {
    private static final String WALL_CSS = Objects.requireNonNull(Theme.class.getResource("/org/mjpegwall/ui/wall.css")).toExternalForm();
    private static boolean applied; // FX thread only

    private Theme() {
    }

    /** Dark controls everywhere, and the wall's stylesheet on this scene. */
    static void apply(Scene scene) {
        if (!applied) {
            applied = true;
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        }
        if (!scene.getStylesheets().contains(WALL_CSS)) {
            scene.getStylesheets().add(WALL_CSS);
        }
    }

    static void apply(Dialog<?> dialog) {
        apply(dialog.getDialogPane().getScene());
    }
}
