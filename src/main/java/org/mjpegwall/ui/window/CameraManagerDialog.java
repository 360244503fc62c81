package org.mjpegwall.ui.window;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.ui.control.Icons;
import org.mjpegwall.ui.model.CameraManagerModel;
import org.mjpegwall.ui.model.ConnectionTest;
import org.mjpegwall.ui.render.StillImages;

/**
 * Adds, edits, removes, enables and disables cameras; every change is applied to the wall and saved
 * at once ({@link CameraManagerModel} holds the rules). "Test connection" shows a frame or the error in
 * words (see {@link ConnectionTest}). Each camera's motion detection is set here too: on/off,
 * sensitivity, minimum area, event gap, a sound, and masks drawn on its picture ({@link MaskEditor}).
 */
public final class CameraManagerDialog extends Stage {
    private final CameraManagerModel model;
    private final ListView<CameraConfig> list = new ListView<>();
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox enabled = new CheckBox("Enabled");
    private final TextField poll = new TextField();
    private final CheckBox motion = new CheckBox("Detect motion");
    private final TextField sensitivity = new TextField();
    private final TextField minArea = new TextField();
    private final TextField eventGap = new TextField();
    private final CheckBox sound = new CheckBox("Sound when motion starts");
    private final Label maskCount = new Label();
    private final ChoiceBox<RecordingMode> record = new ChoiceBox<>();
    private final Label recordWarning = new Label();
    /** The masks of the camera in the form, as drawn (saved with Save). */
    private List<MaskArea> masks = List.of();
    private final Label message = new Label();
    private final ImageView preview = new ImageView();
    private String editingId;
    /** Read by the tester thread to give up when a newer test started or the dialog closed. */
    private volatile int testGeneration;

    CameraManagerDialog(Window owner, CameraManagerModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Cameras");

        list.setId("camera-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CameraConfig c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + (c.enabled() ? "" : "  (disabled)"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, c) -> {
            if (c != null) {
                edit(c);
            }
        });
        list.setPrefWidth(220);
        list.setMinWidth(150);

        Button add = button("add-camera", "Add", e -> startAdd());
        add.setGraphic(Icons.of(MaterialDesignP.PLUS));
        Button remove = iconButton("remove-camera", MaterialDesignD.DELETE, "Remove the camera", e -> removeSelected());
        Button up = iconButton("move-up", MaterialDesignA.ARROW_UP, "Move up", e -> moveSelected(-1));
        Button down = iconButton("move-down", MaterialDesignA.ARROW_DOWN, "Move down", e -> moveSelected(1));
        VBox left = new VBox(6, list, new HBox(6, add, remove, up, down));
        VBox.setVgrow(list, Priority.ALWAYS);

        name.setId("camera-name");
        url.setId("camera-url");
        url.setPromptText("http://192.168.1.20:8080/video");
        user.setId("camera-user");
        password.setId("camera-password");
        enabled.setId("camera-enabled");
        poll.setId("camera-poll");
        poll.setPromptText("empty: stream");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("URL"), url);
        form.addRow(2, new Label("User"), user);
        form.addRow(3, new Label("Password"), password);
        form.addRow(4, new Label("Snapshot poll (s)"), poll);
        form.add(enabled, 1, 5);
        motion.setId("camera-motion");
        sensitivity.setId("camera-sensitivity");
        sensitivity.setPromptText("1–100, default 50");
        minArea.setId("camera-min-area");
        minArea.setPromptText("default 0.2");
        eventGap.setId("camera-event-gap");
        eventGap.setPromptText("default 5");
        sound.setId("camera-motion-sound");
        Button drawMasks = button("camera-masks", "Masks…", e -> editMasks());
        maskCount.setId("camera-mask-count");
        maskCount.getStyleClass().add("dialog-note");
        Label motionTitle = new Label("Motion");
        motionTitle.getStyleClass().add("form-section");
        form.add(motionTitle, 0, 6);
        form.add(motion, 1, 6);
        form.addRow(7, new Label("Sensitivity"), sensitivity);
        form.addRow(8, new Label("Minimum area (%)"), minArea);
        form.addRow(9, new Label("Event gap (s)"), eventGap);
        form.add(sound, 1, 10);
        HBox maskRow = new HBox(8, drawMasks, maskCount);
        maskRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(11, new Label("Ignore areas"), maskRow);
        record.setId("camera-record-mode");
        record.getItems().setAll(RecordingMode.values());
        record.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RecordingMode m) {
                return m == null ? "" : switch (m) {
                    case OFF -> "Only when asked (Rec)";
                    case CONTINUOUS -> "All the time";
                    case ON_MOTION -> "On motion";
                };
            }

            @Override
            public RecordingMode fromString(String s) {
                return null;
            }
        });
        // Recording on motion needs motion detection: choosing it turns detection on.
        record.valueProperty().addListener((o, was, now) -> {
            if (now == RecordingMode.ON_MOTION) {
                motion.setSelected(true);
            }
        });
        Label recordTitle = new Label("Recording");
        recordTitle.getStyleClass().add("form-section");
        form.add(recordTitle, 0, 12);
        form.add(record, 1, 12);
        // Said while the form is in that state (also for a camera loaded so from an older configuration), not
        // only when Save refuses it: on motion with detection off records nothing, and nothing else would say so.
        recordWarning.setId("camera-record-warning");
        recordWarning.setWrapText(true);
        recordWarning.getStyleClass().add("message-error");
        recordWarning.textProperty().bind(Bindings.createStringBinding(() -> CameraManagerModel.onMotionWithoutDetection(
                record.getValue(), motion.isSelected()), record.valueProperty(), motion.selectedProperty()));
        recordWarning.visibleProperty().bind(recordWarning.textProperty().isNotNull());
        recordWarning.managedProperty().bind(recordWarning.visibleProperty());
        form.add(recordWarning, 1, 13);
        for (var field : List.of(sensitivity, minArea, eventGap, drawMasks, sound)) {
            field.disableProperty().bind(motion.selectedProperty().not());
        }
        GridPane.setHgrow(url, Priority.ALWAYS);
        url.setPrefColumnCount(28);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(120);
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        Button save = button("camera-save", "Save", e -> saveForm());
        save.setDefaultButton(true);
        Button test = button("camera-test", "Test connection", e -> testConnection());
        Button close = button("camera-close", "Close", e -> close());
        message.setId("camera-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        preview.setId("camera-preview");
        preview.setFitWidth(320);
        preview.setFitHeight(240);
        preview.setPreserveRatio(true);
        FlowPane buttons = new FlowPane(8, 8, save, test, close);
        VBox form2 = new VBox(10, form, buttons, message, preview);
        form2.setPadding(new Insets(0, 4, 0, 12));
        // A small window still reaches every field and button: the form scrolls rather than being cut off.
        ScrollPane right = new ScrollPane(form2);
        right.setFitToWidth(true);
        right.getStyleClass().add("edge-to-edge");

        BorderPane root = new BorderPane();
        root.setLeft(left);
        root.setCenter(right);
        root.setPadding(new Insets(12));
        root.setId("camera-manager");
        Scene scene = new Scene(root);
        Theme.apply(scene);
        setScene(scene);
        setOnHidden(e -> testGeneration++);
        refreshList(null);
        if (list.getItems().isEmpty()) {
            startAdd();
        } else {
            list.getSelectionModel().select(0);
        }
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tooltip,
            javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        Button b = button(id, null, h);
        b.setGraphic(Icons.of(icon));
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private static Button button(String id, String text, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(h);
        return b;
    }

    /** Clears the form for a new camera. */
    public void startAdd() {
        list.getSelectionModel().clearSelection();
        editingId = null;
        name.setText("");
        url.setText("");
        user.setText("");
        password.setText("");
        poll.setText("");
        enabled.setSelected(true);
        showMotion(MotionConfig.DEFAULTS);
        record.setValue(RecordingMode.OFF);
        preview.setImage(null);
        say("Enter the new camera's name and URL, then Save.", false);
        name.requestFocus();
    }

    /** Selects a camera for editing. */
    public void select(String id) {
        list.getItems().stream().filter(c -> c.id().equals(id)).findFirst()
                .ifPresent(c -> list.getSelectionModel().select(c));
    }

    private void edit(CameraConfig c) {
        editingId = c.id();
        name.setText(c.name());
        url.setText(c.url());
        user.setText(c.user() == null ? "" : c.user());
        password.setText(c.password() == null ? "" : c.password());
        poll.setText(c.snapshotPollSeconds() == null ? "" : String.valueOf(c.snapshotPollSeconds()));
        enabled.setSelected(c.enabled());
        record.setValue(c.recordMode()); // first: choosing on motion ticks detection, the camera's own setting follows
        showMotion(c.motion());
        preview.setImage(null);
        say("", false);
    }

    private void showMotion(MotionConfig m) {
        motion.setSelected(m.enabled());
        sensitivity.setText(String.valueOf(m.sensitivity()));
        minArea.setText(number(m.minArea() * 100));
        eventGap.setText(number(m.eventGapSeconds()));
        sound.setSelected(m.sound());
        masks = m.masks();
        showMaskCount();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "");
    }

    private void showMaskCount() {
        maskCount.setText(masks.isEmpty() ? "none" : masks.size() + (masks.size() == 1 ? " area" : " areas"));
    }

    /** Opens the mask editor on the camera's newest frame; its masks come back into the form (Save keeps them). */
    private void editMasks() {
        Frame frame = editingId == null ? null : model.latestFrame(editingId);
        String cameraName = name.getText().isBlank() ? "new camera" : name.getText().strip();
        MaskEditor editor = new MaskEditor(this, cameraName, frame, masks, drawn -> {
            masks = drawn;
            showMaskCount();
            say("Masks drawn: Save to keep them.", false);
        });
        WindowFit.showDialog(editor, WindowSizing.MASK_EDITOR);
    }

    private void refreshList(String selectId) {
        list.getItems().setAll(model.cameras());
        if (selectId != null) {
            select(selectId);
        }
    }

    /** The camera in the form, or {@code null} with the problems shown. */
    private CameraConfig formCamera() {
        CameraManagerModel.Checked checked = model.check(editingId, name.getText(), url.getText(), user.getText(),
                password.getText(), enabled.isSelected(), poll.getText());
        if (checked.problem() != null) {
            say(checked.problem(), true);
            return null;
        }
        CameraManagerModel.MotionChecked m = CameraManagerModel.checkMotion(motion.isSelected(), sensitivity.getText(),
                minArea.getText(), eventGap.getText(), sound.isSelected(), masks);
        if (m.problem() != null) {
            say(m.problem(), true);
            return null;
        }
        String blind = CameraManagerModel.onMotionWithoutDetection(record.getValue(), m.motion().enabled());
        if (blind != null) {
            say(blind, true);
            return null;
        }
        return checked.camera().withMotion(m.motion()).withRecordMode(record.getValue());
    }

    private void saveForm() {
        CameraConfig c = formCamera();
        if (c == null) {
            return;
        }
        String done = model.save(c);
        editingId = c.id();
        refreshList(c.id());
        say(done, false);
    }

    private void removeSelected() {
        CameraConfig c = list.getSelectionModel().getSelectedItem();
        if (c == null) {
            return;
        }
        String done = model.remove(c);
        refreshList(null);
        startAdd();
        say(done, false);
    }

    private void moveSelected(int delta) {
        CameraConfig c = list.getSelectionModel().getSelectedItem();
        if (c != null && model.move(c, delta)) {
            refreshList(c.id());
        }
    }

    private void testConnection() {
        CameraConfig c = formCamera();
        if (c == null) {
            return;
        }
        int generation = ++testGeneration;
        preview.setImage(null);
        say("Connecting to " + CameraValidation.displayUrl(c.url()) + " …", false);
        // Its own thread: a slow camera must not hold up config saves on the wall's I/O thread.
        Thread tester = new Thread(() -> {
            ConnectionTest.Result r;
            try {
                r = model.test(c, () -> generation != testGeneration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = new ConnectionTest.Result(null, "Interrupted.", false);
            }
            Image img = picture(r.frame());
            boolean shown = img != null && !img.isError() && img.getWidth() > 0;
            CameraManagerModel.Message outcome = CameraManagerModel.describe(r, shown);
            Platform.runLater(() -> {
                if (generation != testGeneration) {
                    return;
                }
                preview.setImage(shown ? img : null);
                say(outcome.text(), outcome.error());
            });
        }, "test-connection");
        tester.setDaemon(true);
        tester.start();
    }

    /**
     * The frame as a picture for the preview (drawn at 320×240, sharp up to a 2× screen), or {@code null};
     * decoded on the tester's thread, as a large frame can take long.
     */
    private static Image picture(Frame f) {
        return f == null ? null : StillImages.decode(f.jpeg(), 640, 480);
    }

    private void say(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().removeAll("message-error", "message-info");
        message.getStyleClass().add(error ? "message-error" : "message-info");
    }
}
