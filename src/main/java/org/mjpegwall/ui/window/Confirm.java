package org.mjpegwall.ui.window;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Yes/no questions in the wall's looks. The safe answer is the default and Esc's, so a stray Enter or
 * Esc never throws work away.
 */
final class Confirm {
    private Confirm() {
    }

    /**
     * Asks and waits for the answer (FX thread).
     *
     * @param id the dialog pane's CSS id, for tests and styling
     * @return whether the user chose {@code yes}
     */
    static boolean ask(Window owner, String id, String header, String text, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yesButton, noButton);
        alert.initOwner(owner);
        if (owner instanceof Stage s && (s.isFullScreen() || s.isMaximized())) {
            // JavaFX 21 on Linux shrinks a full-screen or maximised window back to its normal size while a
            // modal dialog disables it (JDK-8332222); a kiosk screen must stay full while it asks.
            alert.initModality(Modality.NONE);
        }
        alert.setTitle(header);
        alert.setHeaderText(header);
        Label content = new Label(text);
        content.setId(id + "-text");
        content.setWrapText(true);
        content.setMaxWidth(520);
        content.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(440);
        alert.getDialogPane().lookupButton(yesButton).setId(id + "-yes");
        alert.getDialogPane().lookupButton(noButton).setId(id + "-no");
        // The safe answer is the default: Enter keeps things as they are.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yesButton)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(noButton)).setDefaultButton(true);
        Theme.apply(alert);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yesButton;
    }
}
