package org.mjpegwall.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mjpegwall.config.ShareConfig;

/** The "camera shared" window with the URL and a copy button, and the share settings dialog. */
final class ShareDialog {
    private ShareDialog() {
    }

    static Stage show(WallWindow wall, String cameraName, String url, boolean exposed) {
        Stage stage = new Stage();
        stage.initOwner(wall.stage());
        stage.setTitle("Sharing " + cameraName);
        TextField field = new TextField(url);
        field.setId("share-url");
        field.setEditable(false);
        field.setPrefColumnCount(40);
        Button copy = new Button("Copy");
        copy.setId("share-copy");
        Label note = new Label(exposed
                ? "Other computers can open this address (with the password) — use this PC's network address instead of 0.0.0.0."
                : "Only this computer can open this address. To share on the network, set a password in File ▸ Share settings…");
        note.setWrapText(true);
        note.setMaxWidth(520);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(url);
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox row = new HBox(8, field, copy);
        HBox.setHgrow(field, Priority.ALWAYS);
        VBox root = new VBox(10, new Label(cameraName + " is shared as an MJPEG stream at:"), row, note, close);
        root.setPadding(new Insets(14));
        root.setId("share-dialog");
        stage.setScene(new Scene(root));
        stage.show();
        return stage;
    }

    /** Edits the share settings; exposing beyond this computer requires a password. */
    static void showSettings(WallWindow wall) {
        ShareConfig cfg = wall.config().share();
        Stage stage = new Stage();
        stage.initOwner(wall.stage());
        stage.setTitle("Share settings");
        CheckBox expose = new CheckBox("Let other computers watch (needs a password)");
        expose.setSelected(cfg.expose());
        PasswordField password = new PasswordField();
        password.setText(cfg.password() == null ? "" : cfg.password());
        TextField port = new TextField(String.valueOf(cfg.port()));
        port.setPrefColumnCount(6);
        Label message = new Label();
        message.getStyleClass().add("message-error");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.add(expose, 0, 0, 2, 1);
        form.addRow(1, new Label("Password"), password);
        form.addRow(2, new Label("Port (0 = any)"), port);
        Button save = new Button("Save");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            int p;
            try {
                p = Integer.parseInt(port.getText().strip());
            } catch (NumberFormatException ex) {
                p = -1;
            }
            if (p < 0 || p > 65535) {
                message.setText("The port must be a number from 0 to 65535.");
                return;
            }
            if (expose.isSelected() && password.getText().isEmpty()) {
                message.setText("Sharing with other computers needs a password.");
                return;
            }
            wall.setShareConfig(new ShareConfig(p, expose.isSelected(), password.getText().isEmpty() ? null : password.getText()));
            stage.close();
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> stage.close());
        VBox root = new VBox(10, form, message, new HBox(8, save, cancel));
        root.setPadding(new Insets(14));
        stage.setScene(new Scene(root));
        stage.show();
    }
}
