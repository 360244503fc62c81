package org.mjpegwall.ui.window;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mjpegwall.config.RetentionConfig;
import org.mjpegwall.ui.model.RetentionSettings;
import org.mjpegwall.ui.model.WallController;
import org.mjpegwall.ui.model.WallRetention;

/**
 * File ▸ Recordings &amp; events: keep…: how many days and how many gigabytes of recordings and motion events the
 * wall keeps, with what the recordings folder holds now. Saving applies the setting at once.
 */
final class RetentionDialog {
    private RetentionDialog() {
    }

    static Stage show(Window owner, WallController controller) {
        RetentionConfig now = controller.config().retention();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Recordings and events");
        // Text fields, not spinners: a spinner silently turns a typed -2 into 0 ("keep every day") when it loses focus.
        TextField days = new TextField(String.valueOf(now.keepDays()));
        days.setId("retention-days");
        days.setPrefColumnCount(6);
        TextField gigabytes = new TextField(String.valueOf(RetentionSettings.gigabytes(now)));
        gigabytes.setId("retention-gb");
        gigabytes.setPrefColumnCount(6);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Keep"), days, new Label("days (0: every day)"));
        form.addRow(1, new Label("At most"), gigabytes, new Label("GB of recordings (0: no quota)"));
        Label usage = new Label("Measuring " + controller.recordingsFolder() + " …");
        usage.setId("retention-usage");
        usage.setWrapText(true);
        usage.setPrefWidth(200); // wraps to the form's width instead of widening the window
        usage.setMaxWidth(Double.MAX_VALUE);
        usage.setMinHeight(Region.USE_PREF_SIZE); // all its lines, never cut off with "…"
        controller.retention().usage(u -> usage.setText(describe(u)));
        Label note = new Label("Applied now and every 10 minutes, the oldest first. Motion events are kept as many "
                + "days, under a quota of the same size. Never a recording still being written, never a file "
                + "MJPEG Wall did not write.");
        note.getStyleClass().add("dialog-note");
        note.setWrapText(true);
        note.setPrefWidth(200);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("retention-message");
        message.getStyleClass().add("message-error");
        message.setWrapText(true);
        Button save = new Button("Save");
        save.setId("retention-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            RetentionSettings checked = RetentionSettings.check(days.getText(), gigabytes.getText());
            if (checked.problem() != null) {
                message.setText(checked.problem());
                return;
            }
            controller.setRetention(checked.config());
            stage.close();
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, form, usage, note, message, buttons);
        root.setPadding(new Insets(16));
        root.setId("retention-settings");
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root);
        Theme.apply(scene);
        stage.setScene(scene);
        WindowFit.showDialog(stage, WindowSizing.RETENTION);
        return stage;
    }

    /**
     * "/home/me/Videos/MJPEG Wall holds 12 recordings (3.2 GB) and 41 MB of motion events.", and, when another
     * program's AVI files are there too, " 2 other AVI files (1.1 GB) are not MJPEG Wall's: never counted, never
     * deleted."
     */
    static String describe(WallRetention.Usage u) {
        String ours = u.folder() + " holds " + u.recordings() + (u.recordings() == 1 ? " recording (" : " recordings (")
                + size(u.recordingBytes()) + ") and " + size(u.eventBytes()) + " of motion events.";
        if (u.otherFiles() == 0) {
            return ours;
        }
        return ours + " " + u.otherFiles() + (u.otherFiles() == 1 ? " other AVI file (" : " other AVI files (")
                + size(u.otherBytes()) + (u.otherFiles() == 1 ? ") is" : ") are")
                + " not MJPEG Wall's: never counted, never deleted.";
    }

    private static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return bytes >= 1000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3) : bytes + " bytes";
    }
}
