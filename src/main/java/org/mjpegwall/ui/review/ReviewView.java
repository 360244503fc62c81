package org.mjpegwall.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.mjpegwall.review.Player;
import org.mjpegwall.ui.control.Icons;
import org.mjpegwall.ui.render.TileDecoding;

/**
 * The review: camera and day pickers over the recordings folder, the cameras' pictures (the chosen one and any
 * ticked to play in step), the {@link TimelineBar}, the transport (step, play, speed, time, marks, export), and at
 * the side the day's motion events and recordings. Lays out and forwards to the {@link ReviewModel}, which decides.
 *
 * <p>Each pulse of its {@link AnimationTimer} asks the model what every camera shows now (or under the scrubbing
 * pointer) and each {@link CameraScreen} decodes only a frame that changed, off the FX thread.
 */
public final class ReviewView extends BorderPane {
    private final ReviewModel model;
    private final TileDecoding decoding;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "review-decode");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final GridPane screens = new GridPane();
    private final List<CameraScreen> screenList = new ArrayList<>();
    private final TimelineBar timeline = new TimelineBar();
    private final ReviewSide side;
    private final UnaryOperator<String> names;
    private final LiveFollow follow;
    private final Label time = new Label("--:--:--.---");
    private final Label empty = new Label();
    private final Button play = new Button();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
            follow.pulse(now);
        }
    };
    private long scrubAt = -1;
    private boolean closed;

    public ReviewView(ReviewModel model, TileDecoding decoding) {
        this(model, decoding, UnaryOperator.identity());
    }

    /**
     * @param names what to show for a camera of the recordings (its file name's camera part, {@code Front_door}):
     *     the wall's name for it ({@code Front door}), or the file's as it is
     */
    public ReviewView(ReviewModel model, TileDecoding decoding, UnaryOperator<String> names) {
        this.model = model;
        this.decoding = decoding;
        this.names = Objects.requireNonNull(names, "names");
        this.follow = new LiveFollow(model);
        setId("review-root");
        getStyleClass().addAll("wall-root", "review-root");
        side = new ReviewSide(model, names, e -> model.playFrom(Math.max(0, e.startNanos() - ReviewModel.LEAD_IN)));
        setTop(pickers());
        BorderPane.setMargin(getTop(), new Insets(0, 0, 6, 0));
        empty.setId("review-empty");
        empty.getStyleClass().add("review-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.textProperty().bind(model.statusProperty());
        empty.visibleProperty().bind(model.loadedProperty().isNull());
        screens.getStyleClass().add("review-screens");
        screens.setHgap(4);
        screens.setVgap(4);
        StackPane center = new StackPane(screens, empty);
        center.getStyleClass().add("wall-center");
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox main = new VBox(6, center, timeline, transport());
        setCenter(main);
        setRight(side);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 8));
        setPadding(new Insets(8));

        timeline.setOnScrub(t -> {
            model.pause();
            scrubAt = t;
        });
        timeline.setOnPlayFrom(t -> {
            scrubAt = -1;
            model.playFrom(t);
        });
        model.loadedProperty().addListener((o, was, day) -> showDay(day));
        model.export().markInProperty().addListener(o -> showMarks());
        model.export().markOutProperty().addListener(o -> showMarks());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        showDay(model.loadedProperty().get());
    }

    private HBox pickers() {
        ComboBox<String> camera = new ComboBox<>(model.cameras());
        camera.setId("review-camera");
        // Not a two-way binding: when the list is replaced, the combo's skin clears its value, which would have
        // cleared the model's camera too, and Refresh went back to the first camera at its first moment.
        Runnable showCameraPicked = () -> camera.setValue(model.cameraProperty().get());
        showCameraPicked.run();
        model.cameraProperty().addListener(o -> showCameraPicked.run());
        model.cameras().addListener((javafx.collections.ListChangeListener<String>) c ->
                javafx.application.Platform.runLater(showCameraPicked));
        camera.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(model.cameraProperty().get())) {
                model.cameraProperty().set(now);
            }
        });
        camera.setPromptText("Camera");
        camera.setPrefWidth(200);
        camera.setConverter(new StringConverter<>() {
            @Override
            public String toString(String file) {
                return file == null ? "" : names.apply(file);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        ComboBox<ReviewModel.DayChoice> day = new ComboBox<>(model.days());
        day.setId("review-day");
        day.setPrefWidth(340);
        day.setPromptText("Day");
        day.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReviewModel.DayChoice d) {
                return d == null ? "" : ReviewSide.describe(d);
            }

            @Override
            public ReviewModel.DayChoice fromString(String s) {
                return null;
            }
        });
        Runnable showDayPicked = () -> day.setValue(model.days().stream()
                .filter(d -> d.day().equals(model.dayProperty().get())).findFirst().orElse(null));
        model.dayProperty().addListener(o -> showDayPicked.run());
        // Why later: when the list is replaced (another camera picked, the same date kept), the combo's skin, which
        // listens after this, clears the value it was given, and the box showed "Day" with a day loaded.
        model.days().addListener((javafx.collections.ListChangeListener<ReviewModel.DayChoice>) c ->
                javafx.application.Platform.runLater(showDayPicked));
        day.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.day().equals(model.dayProperty().get())) {
                model.dayProperty().set(now.day());
            }
        });
        day.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ReviewModel.DayChoice d, boolean emptyCell) {
                super.updateItem(d, emptyCell);
                setText(d == null || emptyCell ? "Day" : ReviewSide.describe(d));
            }
        });
        Button open = button("review-open-folder", "Open folder", MaterialDesignF.FOLDER_OPEN, model::openFolder);
        open.setTooltip(new Tooltip(model.folder().toString()));
        Button refresh = button("review-refresh", "Refresh", MaterialDesignR.REFRESH, model::refresh);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("review-indexing");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.indexingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("review-status");
        status.getStyleClass().add("review-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Camera"), camera, new Label("Day"), day, open, refresh, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private FlowPane transport() {
        Button back = button("review-step-back", null, MaterialDesignS.STEP_BACKWARD, model::stepBack);
        back.setTooltip(new Tooltip("One frame back (Left)"));
        play.setId("review-play");
        play.setOnAction(e -> model.togglePlay());
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setFocusTraversable(false);
        Button forward = button("review-step-forward", null, MaterialDesignS.STEP_FORWARD, model::stepForward);
        forward.setTooltip(new Tooltip("One frame forward (Right)"));
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("review-speed");
        speed.getItems().setAll(Player.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double s) {
                return s == null ? "" : s == 0.25 ? "¼×" : s == 0.5 ? "½×" : s.intValue() + "×";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.setOnAction(e -> model.setSpeed(speed.getValue()));
        model.speedProperty().addListener((o, was, now) -> speed.setValue(now));
        speed.setTooltip(new Tooltip("Speed ([ slower, ] faster)"));
        time.setId("review-time");
        time.getStyleClass().add("review-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        Button in = button("review-mark-in", "Mark in", MaterialDesignR.RAY_START, model.export()::markIn);
        in.setTooltip(new Tooltip("The clip starts here (I)"));
        Button out = button("review-mark-out", "Mark out", MaterialDesignR.RAY_END, model.export()::markOut);
        out.setTooltip(new Tooltip("The clip ends here (O)"));
        Button export = button("review-export", "Export clip…", MaterialDesignE.EXPORT, model.export()::exportClip);
        Label marks = new Label();
        marks.setId("review-marks");
        marks.getStyleClass().add("review-marks");
        marks.setMinWidth(Region.USE_PREF_SIZE);
        marks.textProperty().bind(Bindings.createStringBinding(() -> model.export().describe(),
                model.export().markInProperty(), model.export().markOutProperty(), model.loadedProperty()));
        Button frame = button("review-save-frame", "Save frame…", MaterialDesignC.CAMERA, model.export()::saveFrame);
        frame.setTooltip(new Tooltip("The frame shown as its JPEG, exactly as recorded"));
        // Playback first, then export; a narrow window wraps the export part onto a second row.
        HBox playback = new HBox(6, back, play, forward, speed, time);
        playback.setAlignment(Pos.CENTER_LEFT);
        HBox exporting = new HBox(6, in, out, export, marks, frame);
        exporting.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(16, 4, playback, exporting);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("review-transport");
        return bar;
    }

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setMnemonicParsing(false);
        return b;
    }

    public ReviewModel model() {
        return model;
    }

    public TimelineBar timeline() {
        return timeline;
    }

    /** The cameras' pictures, the lead first. */
    public List<CameraScreen> screens() {
        return List.copyOf(screenList);
    }

    /** Starts the pulses and reads the folder. */
    public void start() {
        timer.start();
        model.refresh();
    }

    /** Stops the pulses and the decoders (the window closed). Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.stop();
        model.pause();
        pool.shutdownNow();
        side.close();
    }

    private void showDay(ReviewDay day) {
        if (day != null && !screenList.isEmpty()
                && day.cameras().equals(screenList.stream().map(CameraScreen::camera).toList())) {
            // The same cameras read again (Refresh, following a recording being written): the screens stay, with
            // their pictures. Why not new ones: on Xvfb with openbox a new screen's pictures stayed black.
            timeline.show(day);
            side.show(day);
            showMarks();
            pulse();
            return;
        }
        screens.getChildren().clear();
        screens.getColumnConstraints().clear();
        screens.getRowConstraints().clear();
        screenList.clear();
        timeline.show(day);
        side.show(day);
        if (day == null) {
            return;
        }
        int n = day.cameras().size();
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            screens.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            screens.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            CameraScreen s = new CameraScreen(day.cameras().get(i), names.apply(day.cameras().get(i)), decoding, pool);
            s.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            screenList.add(s);
            screens.add(s, i % cols, i / cols);
        }
        showMarks();
        pulse();
    }

    private void showMarks() {
        timeline.setMarks(model.export().markInProperty().get(), model.export().markOutProperty().get());
    }

    /** One pulse (FX thread): every camera's frame now, or under the scrubbing pointer; the time and the play head. */
    public void pulse() {
        boolean scrubbing = scrubAt >= 0;
        long at = scrubbing ? scrubAt : model.position();
        List<ReviewDay.Shown> shown = scrubbing ? model.shownAt(at) : model.shownNow();
        if (!scrubbing) {
            at = model.position(); // shownNow() may have jumped a gap
        }
        for (int i = 0; i < screenList.size(); i++) {
            screenList.get(i).pulse(i < shown.size() ? shown.get(i) : null);
        }
        boolean loaded = model.loadedProperty().get() != null && model.player() != null;
        timeline.setPosition(loaded ? at : -1);
        time.setText(loaded ? ReviewExport.clock(at) : "--:--:--.---");
        boolean playing = model.playing();
        if (play.getUserData() == null || (boolean) play.getUserData() != playing) {
            play.setUserData(playing);
            play.setGraphic(Icons.of(playing ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        KeyCode k = e.getCode();
        boolean handled = true;
        if (k == KeyCode.SPACE) {
            model.togglePlay();
        } else if (k == KeyCode.LEFT) {
            model.stepBack();
        } else if (k == KeyCode.RIGHT) {
            model.stepForward();
        } else if (k == KeyCode.OPEN_BRACKET) {
            model.changeSpeed(-1);
        } else if (k == KeyCode.CLOSE_BRACKET) {
            model.changeSpeed(1);
        } else if (k == KeyCode.I) {
            model.export().markIn();
        } else if (k == KeyCode.O) {
            model.export().markOut();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
