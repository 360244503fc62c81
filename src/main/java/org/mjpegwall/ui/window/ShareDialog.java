package org.mjpegwall.ui.window;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.ui.control.Icons;
import org.mjpegwall.ui.model.ShareSettings;

/** The "camera shared" window with the whole address and a copy button, and the share settings dialog. */
final class ShareDialog {
    private ShareDialog() {
    }

    static Stage show(Window owner, String cameraName, String url, boolean exposed) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Sharing " + cameraName);
        TextField field = new TextField(url);
        field.setId("share-url");
        field.setEditable(false);
        // Wide enough for the whole address in the field's own font: a cut-off URL is useless to copy by eye.
        Text measure = new Text(url);
        measure.fontProperty().bind(field.fontProperty());
        field.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(360, Math.ceil(measure.getLayoutBounds().getWidth()) + 40), measure.layoutBoundsProperty()));
        field.prefWidthProperty().bind(field.minWidthProperty());
        Button copy = new Button("Copy", Icons.of(MaterialDesignC.CONTENT_COPY));
        copy.setId("share-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label(exposed
                ? "Other computers on the network can open this address; they are asked for the share password."
                : "Only this computer can open this address. To let other computers watch, set a password in "
                        + "Camera ▸ Share settings.");
        note.setWrapText(true);
        note.setPrefWidth(200); // wraps to the address's width instead of widening the window
        note.setMaxWidth(Double.MAX_VALUE);
        note.getStyleClass().add("dialog-note");
        copy.setOnAction(e -> {
            FileLinks.copyText(url);
            copy.setText("Copied");
        });
        Button close = new Button("Close");
        close.setId("share-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox row = new HBox(8, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, new Label(cameraName + " is shared as an MJPEG stream at:"), row, note, buttons);
        root.setPadding(new Insets(16));
        root.setId("share-dialog");
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root);
        Theme.apply(scene);
        stage.setScene(scene);
        WindowFit.showDialog(stage, WindowSizing.SHARE);
        return stage;
    }

    /**
     * Edits the share settings; exposing beyond this computer requires a password (see {@link ShareSettings}).
     *
     * @param save takes the new settings when the user saves them
     */
    static Stage showSettings(Window owner, ShareConfig cfg, Consumer<ShareConfig> save) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Share settings");
        CheckBox expose = new CheckBox("Let other computers watch (needs a password)");
        expose.setId("share-expose");
        expose.setSelected(cfg.expose());
        PasswordField password = new PasswordField();
        password.setId("share-password");
        password.setText(cfg.password() == null ? "" : cfg.password());
        TextField port = new TextField(String.valueOf(cfg.port()));
        port.setId("share-port");
        port.setPrefColumnCount(6);
        Label portNote = new Label("Default " + ShareConfig.DEFAULT_PORT + "; 0 picks a free port, a new one on every start.");
        portNote.getStyleClass().add("dialog-note");
        portNote.setWrapText(true);
        portNote.setPrefWidth(200);
        portNote.setMaxWidth(Double.MAX_VALUE);
        Label message = new Label();
        message.setId("share-message");
        message.getStyleClass().add("message-error");
        message.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.add(expose, 0, 0, 2, 1);
        form.addRow(1, new Label("Password"), password);
        form.addRow(2, new Label("Port"), port);
        form.add(portNote, 1, 3);
        GridPane.setHgrow(password, Priority.ALWAYS);
        Button saveButton = new Button("Save");
        saveButton.setId("share-save");
        saveButton.setDefaultButton(true);
        saveButton.setOnAction(e -> {
            ShareSettings checked = ShareSettings.check(port.getText(), expose.isSelected(), password.getText());
            if (checked.problem() != null) {
                message.setText(checked.problem());
                return;
            }
            save.accept(checked.config());
            stage.close();
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, saveButton, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, form, message, buttons);
        root.setPadding(new Insets(16));
        root.setId("share-settings");
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root);
        Theme.apply(scene);
        stage.setScene(scene);
        WindowFit.showDialog(stage, WindowSizing.SHARE_SETTINGS);
        return stage;
    }
}
