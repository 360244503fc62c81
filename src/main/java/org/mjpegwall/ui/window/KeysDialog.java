package org.mjpegwall.ui.window;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help ▸ Keys and mouse: every key and mouse action of the wall, in a window of its own. */
final class KeysDialog {
    /** One row of the table: the keys, and what they do. */
    record Key(String keys, String does) {
    }

    static final List<Key> KEYS = List.of(
            new Key("Double-click, Enter", "focus the selected camera: alone, at full resolution"),
            new Key("Esc, double-click", "back to the wall; on the wall, leave full screen (kiosk mode asks first)"),
            new Key("1 – 9", "focus camera N of the page shown"),
            new Key("Arrow keys", "move the selection (in the focus view: the next camera)"),
            new Key("Page Up / Page Down", "previous / next page"),
            new Key("S", "snapshot of the selected camera"),
            new Key("R", "start / stop recording the selected camera"),
            new Key("U", "share / stop sharing the selected camera"),
            new Key("I", "stats on all tiles on / off"),
            new Key("E", "motion events beside the wall on / off (click one to focus its camera)"),
            new Key("F11", "full screen on / off"),
            new Key("Ctrl+K", "kiosk mode: full screen, no menu, no pointer"),
            new Key("Ctrl+M", "camera manager (with the selected camera)"),
            new Key("Ctrl+R", "review recordings: timeline, events, playback, export (Space, ←/→, [ ], I/O inside)"),
            new Key("Ctrl+Q", "quit (asks first while cameras record or are shared)"),
            new Key("F1", "this list"),
            new Key("Right-click, Menu key", "the camera's menu: snapshot, record, share, focus, motion, sound, edit, disable"),
            new Key("Drag a tile onto another", "reorder the cameras (saved at once)"));

    private KeysDialog() {
    }

    static Stage show(Window owner) {
        GridPane table = new GridPane();
        table.setHgap(16);
        table.setVgap(6);
        table.getStyleClass().add("keys-table");
        for (int i = 0; i < KEYS.size(); i++) {
            Label keys = new Label(KEYS.get(i).keys());
            keys.getStyleClass().add("keys-key");
            Label does = new Label(KEYS.get(i).does());
            does.setWrapText(true);
            table.addRow(i, keys, does);
        }
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keys and mouse");
        Button close = new Button("Close");
        close.setId("keys-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(12, 0, 0, 0));
        root.setPadding(new Insets(16));
        root.setId("keys-dialog");
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root);
        Theme.apply(scene);
        stage.setScene(scene);
        WindowFit.showDialog(stage, WindowSizing.KEYS);
        return stage;
    }
}
