package org.mjpegwall.ui.window;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Full screen and kiosk mode of the wall window.
 *
 * <ul>
 *   <li>Full screen (F11): the whole screen without the menu bar, which shows while the pointer is at
 *       the top edge; Esc (after leaving the focus view) or F11 goes back to the window.</li>
 *   <li>Kiosk, for a monitoring screen: full screen on a chosen monitor, no menu bar at all, the pointer
 *       hidden after a few idle seconds; Esc asks before leaving. Remembered, so the wall starts in it.</li>
 * </ul>
 *
 * <p>Why Esc is handled here and not by JavaFX: the stage's own full-screen exit key would leave full
 * screen on the same Esc that leaves the focus view, and would leave kiosk mode without asking.
 */
final class KioskMode {
    static final Duration DEFAULT_IDLE = Duration.seconds(3);
    /** Pixels at the top edge of a full screen that bring the menu bar back. */
    private static final double REVEAL_EDGE = 4;
    /** Style class of the scene's root while the pointer is hidden. */
    static final String POINTER_IDLE = "pointer-idle";
    static final String FULL_SCREEN_HINT = "Esc or F11 leaves full screen. The menu shows at the top edge.";

    private final Stage stage;
    private Node menuBar;
    private final ReadOnlyBooleanWrapper kiosk = new ReadOnlyBooleanWrapper(this, "kiosk");
    private final BooleanProperty menuRevealed = new SimpleBooleanProperty(this, "menuRevealed");
    private final PauseTransition idle;
    private final BiConsumer<Boolean, Integer> remember;
    private int screen;

    /**
     * @param idleDelay the pointer is hidden after this long without moving, in kiosk mode
     * @param remember called with (kiosk, screen) when kiosk mode is entered or left, to save it
     */
    KioskMode(Stage stage, Duration idleDelay, BiConsumer<Boolean, Integer> remember) {
        this.stage = stage;
        this.remember = remember;
        this.idle = new PauseTransition(idleDelay);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint(FULL_SCREEN_HINT);
        idle.setOnFinished(e -> {
            if (kiosk.get() && stage.getScene() != null) {
                stage.getScene().setCursor(Cursor.NONE);
                // The tile under the hidden pointer keeps its hover state: its buttons go away too.
                stage.getScene().getRoot().getStyleClass().add(POINTER_IDLE);
            }
        });
        stage.fullScreenProperty().addListener((obs, was, full) -> {
            menuRevealed.set(false);
            if (!full && kiosk.get()) {
                // Left full screen some other way (the window manager): that is leaving kiosk mode too.
                setKiosk(false);
            }
        });
    }

    /**
     * Hooks the window's scene and menu bar: the menu is hidden in full screen and kiosk mode (shown at the
     * top edge in full screen), and the pointer hides when idle in kiosk mode.
     */
    void attach(Scene scene, Node menuBar) {
        this.menuBar = menuBar;
        menuBar.visibleProperty().bind(stage.fullScreenProperty().not().or(menuRevealed.and(kiosk.not())));
        menuBar.managedProperty().bind(menuBar.visibleProperty());
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (stage.isFullScreen() && !kiosk.get()) {
                double limit = menuRevealed.get() ? menuBar.getBoundsInParent().getMaxY() + REVEAL_EDGE : REVEAL_EDGE;
                menuRevealed.set(e.getSceneY() <= limit);
            }
            pointerMoved();
        });
    }

    private void pointerMoved() {
        if (stage.getScene() != null && stage.getScene().getCursor() == Cursor.NONE) {
            stage.getScene().setCursor(null);
            stage.getScene().getRoot().getStyleClass().remove(POINTER_IDLE);
        }
        if (kiosk.get()) {
            idle.playFromStart();
        }
    }

    ReadOnlyBooleanProperty kioskProperty() {
        return kiosk.getReadOnlyProperty();
    }

    boolean isKiosk() {
        return kiosk.get();
    }

    /** The screen kiosk mode uses (0 = primary). */
    int screen() {
        return screen;
    }

    /** F11: full screen on or off (in kiosk mode, F11 is Esc: it asks). */
    void toggleFullScreen() {
        if (kiosk.get()) {
            escape();
            return;
        }
        stage.setFullScreen(!stage.isFullScreen());
    }

    /**
     * Esc on the wall (the focus view was left already): leaves full screen, or asks before leaving
     * kiosk mode.
     *
     * @return whether Esc did something
     */
    boolean escape() {
        if (kiosk.get()) {
            if (Confirm.ask(stage, "leave-kiosk-dialog", "Leave kiosk mode?",
                    "The wall goes back to a window with its menu and pointer. View ▸ Kiosk mode (or --kiosk) "
                            + "brings kiosk mode back.", "Leave kiosk mode", "Stay")) {
                leave();
            }
            return true;
        }
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
            return true;
        }
        return false;
    }

    /** Enters kiosk mode on a screen (an index into today's screens; the primary one when out of range). */
    void enter(int screenIndex) {
        screen = Math.max(0, screenIndex);
        Rectangle2D bounds = screenBounds(screen);
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
        // The window manager fills the monitor the window is on: move it there first.
        stage.setX(bounds.getMinX() + 20);
        stage.setY(bounds.getMinY() + 20);
        stage.setFullScreenExitHint("");
        setKiosk(true);
        stage.setFullScreen(true);
        idle.playFromStart();
    }

    /** Back to a window with its menu and pointer. */
    void leave() {
        setKiosk(false);
        stage.setFullScreenExitHint(FULL_SCREEN_HINT);
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
    }

    private void setKiosk(boolean on) {
        if (kiosk.get() == on) {
            return;
        }
        kiosk.set(on);
        if (!on) {
            idle.stop();
            if (stage.getScene() != null) {
                stage.getScene().setCursor(null);
                stage.getScene().getRoot().getStyleClass().remove(POINTER_IDLE);
            }
        }
        remember.accept(on, screen);
    }

    /** The bounds of screen {@code index} of today's screens, or the primary screen's. */
    static Rectangle2D screenBounds(int index) {
        List<Screen> screens = Screen.getScreens();
        return (index >= 0 && index < screens.size() ? screens.get(index) : Screen.getPrimary()).getBounds();
    }

    /** "Screen 1 (1920×1080, primary)" for menus. */
    static String describe(int index) {
        List<Screen> screens = Screen.getScreens();
        Screen s = screens.get(index);
        Rectangle2D b = s.getBounds();
        return "Screen " + (index + 1) + " (" + (int) b.getWidth() + "×" + (int) b.getHeight()
                + (s.equals(Screen.getPrimary()) ? ", primary" : "") + ")";
    }
}
