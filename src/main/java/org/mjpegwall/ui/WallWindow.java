package org.mjpegwall.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.config.ConfigException;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera wall window: grid of tiles, focus view, menus, keys, and the actions behind them.
 * All file and network work goes to a background executor; results come back with runLater.
 */
public final class WallWindow {
    private static final Logger LOG = LoggerFactory.getLogger(WallWindow.class);
    private static final String DRAG_PREFIX = "mjpeg-wall-camera:";

    private final Stage stage;
    private final WallSession session;
    private final WallModel model = new WallModel();
    private final RenderMetrics metrics = new RenderMetrics();
    private final Map<CameraModel, Tile> tiles = new IdentityHashMap<>();
    private final WallGrid grid = new WallGrid();
    private final Tile focusTile = new Tile();
    private final Notifier notifier = new Notifier();
    private final Label pageLabel = new Label();
    private final StackPane center;
    private final BorderPane wallArea;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wall-io");
        t.setDaemon(true);
        return t;
    });
    private final Renderer renderer;
    /** Decodes JPEGs off the FX thread: on a 2-core PC one thread per core keeps the pulse short. */
    private final ExecutorService decodePool = Executors.newFixedThreadPool(
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "wall-decode");
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
    private final PauseTransition geometrySave = new PauseTransition(Duration.seconds(1));
    private final Timeline autoCycle = new Timeline();
    private final Timeline indicators = new Timeline();
    private final Actions actions;
    private final WallMenus menus;
    private final KioskMode kiosk;
    /** Opening a folder may wait for a file manager: a thread of its own, not the I/O thread that saves. */
    private final FileLinks files = new FileLinks(notifier, task -> {
        Thread t = new Thread(task, "open-folder");
        t.setDaemon(true);
        t.start();
    }, FolderOpener.forThisSystem());
    private FrameDecoder focusDecoder = new FrameDecoder();
    private WallConfig config;
    private boolean demoMode;
    private boolean closed;
    private WindowGeometry lastGeometry;
    private CameraManagerDialog manager;
    private SecondWall secondWall;

    public WallWindow(Stage stage, WallSession session) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.session = Objects.requireNonNull(session, "session");
        this.config = session.config();
        this.actions = new Actions(this, config.recording(), config.sharing());
        this.menus = new WallMenus(this, actions);
        javax.imageio.ImageIO.setUseCache(false); // ImageIO (used by demo cameras, tests) never writes temp files
        model.tilesPerPageProperty().set(config.tilesPerPage());
        model.columnsProperty().set(config.columns() == null ? 0 : config.columns());
        model.showStatsProperty().set(config.showStats());

        demoMode = !session.demoCameras().isEmpty();
        for (CameraConfig c : demoMode ? session.demoCameras() : config.cameras()) {
            model.cameras().add(open(c, demoMode));
        }
        if (!model.cameras().isEmpty()) {
            model.selectedProperty().set(0);
            model.showPage(config.page());
        }

        grid.setId("wall");
        grid.fixedColumnsProperty().bind(model.columnsProperty());
        focusTile.setId("focus-tile");
        focusTile.getStyleClass().add("focus-tile");
        focusTile.setVisible(false);
        focusTile.smoothImageProperty().set(true);
        focusTile.focusViewProperty().set(true);
        focusTile.statsVisibleProperty().bind(model.showStatsProperty());
        focusTile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.unfocus();
            }
        });

        center = new StackPane(grid, focusTile);
        center.getStyleClass().add("wall-center");
        BorderPane wallArea = new BorderPane(center);
        wallArea.getStyleClass().add("wall-center");
        if (session.showHint()) {
            wallArea.setTop(hint(wallArea));
        }
        this.wallArea = wallArea;
        Label empty = new Label("No cameras yet. Add one with File ▸ Manage cameras… (Ctrl+M).");
        empty.setId("empty-hint");
        empty.getStyleClass().add("empty-hint");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.cameras()));
        center.getChildren().addAll(empty, notifier);
        StackPane.setAlignment(notifier, Pos.BOTTOM_RIGHT);

        pageLabel.setId("page-label");
        HBox statusBar = new HBox(pageLabel);
        statusBar.getStyleClass().add("status-bar");
        statusBar.managedProperty().bind(statusBar.visibleProperty());

        BorderPane root = new BorderPane(wallArea);
        root.setId("wall-root");
        MenuBar bar = menus.menuBar();
        root.setTop(bar);
        root.setBottom(statusBar);
        root.getStyleClass().add("wall-root");

        Scene scene = new Scene(root);
        Theme.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setTitle("MJPEG Wall");
        for (String size : new String[] {"32", "256"}) {
            stage.getIcons().add(new Image(WallWindow.class.getResource("icons/mjpeg-wall-" + size + ".png").toExternalForm()));
        }
        kiosk = new KioskMode(stage, bar, KioskMode.DEFAULT_IDLE, (on, screen) -> {
            config = config.withKiosk(on, screen);
            save();
        });
        kiosk.attach(scene);
        if (wallArea.getTop() != null) {
            // A monitoring screen shows cameras only: no first-start hint in kiosk mode.
            wallArea.getTop().visibleProperty().bind(kiosk.kioskProperty().not());
            wallArea.getTop().managedProperty().bind(kiosk.kioskProperty().not());
        }

        model.cameras().addListener((javafx.collections.ListChangeListener<CameraModel>) c -> showPage());
        model.pageProperty().addListener(o -> showPage());
        model.tilesPerPageProperty().addListener(o -> showPage());
        model.selectedProperty().addListener(o -> updateSelection());
        model.focusedProperty().addListener((obs, old, cam) -> showFocus(cam));
        model.showStatsProperty().addListener(o -> {
            config = config.withShowStats(model.showStatsProperty().get());
            save();
        });
        model.columnsProperty().addListener(o -> {
            int c = model.columnsProperty().get();
            config = config.withColumns(c == 0 ? null : c);
            save();
        });
        statusBar.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.pageCount() > 1, model.cameras(), model.tilesPerPageProperty()));
        geometrySave.setOnFinished(e -> saveGeometry());
        for (var p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener((obs, old, v) -> noteGeometry()); // change listeners: invalidation ones fire only once unread
        }
        stage.maximizedProperty().addListener((obs, old, v) -> noteGeometry());
        setAutoCycle(config.autoCycleSeconds(), false);
        stage.setOnHidden(e -> close());
        // The window's close button asks like File ▸ Quit; closing it from code (a SIGTERM) does not.
        stage.setOnCloseRequest(e -> {
            if (!QuitGuard.mayQuit(stage, actions.recordingNames(), actions.sharedNames(), session.persist())) {
                e.consume();
            }
        });

        renderer = new Renderer(this::visibleTargets, () -> List.copyOf(model.cameras()), this::windowVisible, metrics,
                decodePool);
        showPage();
        updateSelection();
        renderer.start();
        indicators.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> actions.refresh()));
        indicators.setCycleCount(Timeline.INDEFINITE);
        indicators.play();
        WindowGeometry saved = WindowSizing.WALL.usable(config.window(), WindowFit.screens());
        if (saved != null && saved.maximized() && persistentWindow()) {
            stage.setMaximized(true);
        }
        WindowFit.showMain(stage, WindowSizing.WALL, config.window());
        noteGeometry(); // the place and size it opened at, also where no window manager moves it
        if (config.kiosk() || session.kiosk()) {
            kiosk.enter(config.kioskScreen());
        }
        if (config.secondWindow() != null && javafx.stage.Screen.getScreens().size() > 1) {
            openSecondWindow(config.secondWindow().screen(), config.secondWindow().page());
        }
        actions.resume(List.copyOf(model.cameras()), true);
    }

    // ---- accessors used by tests, the benchmark and the dialogs ----

    public WallModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    public RenderMetrics metrics() {
        return metrics;
    }

    /** The tile of a camera on the wall. */
    public Tile tile(CameraModel camera) {
        return tiles.get(camera);
    }

    /** Animation pulses the renderer has handled. */
    public long pulses() {
        return renderer.pulses();
    }

    public Tile focusTile() {
        return focusTile;
    }

    public WallConfig config() {
        return config;
    }

    java.util.function.Function<CameraConfig, FrameSource> connector() {
        return session.connector();
    }

    KioskMode kiosk() {
        return kiosk;
    }

    FileLinks files() {
        return files;
    }

    /** Opens the camera manager, with the selected camera chosen. */
    public CameraManagerDialog showCameraManager() {
        if (manager == null || !manager.isShowing()) {
            manager = new CameraManagerDialog(this);
            CameraModel selected = model.focusedProperty().get() != null ? model.focusedProperty().get() : model.selectedCamera();
            if (selected != null) {
                manager.select(selected.id());
            }
            WindowFit.showDialog(manager, WindowSizing.CAMERA_MANAGER);
        }
        manager.toFront();
        return manager;
    }

    /** File ▸ Quit: asks first while cameras record or are shared. */
    void requestQuit() {
        if (QuitGuard.mayQuit(stage, actions.recordingNames(), actions.sharedNames(), session.persist())) {
            stage.close();
        }
    }

    /** Opens the second window on a screen, showing a page; remembered. */
    void openSecondWindow(int screen, int page) {
        if (secondWall == null) {
            secondWall = new SecondWall(model, model.showStatsProperty(), actions.recordAvailable(), w -> {
                config = config.withSecondWindow(w);
                save();
            });
        }
        secondWall.show(screen, page, stage.getIcons().isEmpty() ? null : stage.getIcons().get(0));
    }

    void closeSecondWindow() {
        if (secondWall != null) {
            secondWall.close();
        }
    }

    SecondWall secondWall() {
        return secondWall;
    }

    // ---- cameras ----

    private CameraModel open(CameraConfig c, boolean demo) {
        FrameSource source = null;
        String error = null;
        if (c.enabled()) {
            try {
                source = session.connector().apply(c);
                source.start();
            } catch (RuntimeException e) {
                // A camera that cannot even start (bad URL, …) shows why in its tile; the wall keeps running.
                // The message may quote the URL (URI syntax errors do): never show or log its secrets.
                error = CameraValidation.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), c.url());
                LOG.warn("camera {} cannot start: {}", c.name(), error);
                if (source != null) {
                    source.close();
                }
                source = null;
            }
        }
        CameraModel model = new CameraModel(c, source, demo);
        if (source != null) {
            // A new frame wakes the renderer at once (coalesced), so decoding need not wait for a pulse.
            model.wakeSubscription = source.subscribe(f -> {
                if (model.wakePending.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        model.wakePending.set(false);
                        if (renderer != null && !closed) {
                            renderer.wake(model);
                        }
                    });
                }
            });
        }
        if (error != null) {
            model.startFailed(error);
        }
        Tile tile = new Tile();
        TileBinding.bind(tile, model, this.model.showStatsProperty(), actions.recordAvailable());
        tile.setUserData(model);
        tile.onActionProperty().set(a -> actions.run(a, model));
        tile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                this.model.select(model);
                if (e.getClickCount() == 2) {
                    this.model.focus(model);
                }
            }
        });
        tile.setOnContextMenuRequested(e -> {
            this.model.select(model);
            menus.contextMenu(model).show(tile, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        enableDragAndDrop(tile, model);
        tiles.put(model, tile);
        return model;
    }

    private void closeCamera(CameraModel camera) {
        tiles.remove(camera);
        actions.stopSharing(camera);
        actions.stopRecording(camera);
        FrameSource s = camera.source();
        if (camera.wakeSubscription != null) {
            try {
                camera.wakeSubscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe", e);
            }
        }
        if (s != null) {
            io.execute(s::close); // closing joins the client's thread: never on the FX thread
        }
    }

    /** The configured cameras (demo cameras included in demo mode), in tile order. */
    public List<CameraConfig> cameraConfigs() {
        return model.cameras().stream().map(CameraModel::config).toList();
    }

    /**
     * Replaces the camera list (from the manager or an import): unchanged cameras keep running,
     * changed ones reconnect, removed ones stop. Saved at once.
     */
    public void applyCameras(List<CameraConfig> configs) {
        Map<String, CameraModel> current = new HashMap<>();
        for (CameraModel m : model.cameras()) {
            current.put(m.id(), m);
        }
        boolean dropDemos = demoMode && session.persist() && configs.stream().anyMatch(c -> !isDemo(c));
        List<CameraModel> next = new ArrayList<>();
        for (CameraConfig c : configs) {
            if (dropDemos && isDemo(c)) {
                continue;
            }
            CameraModel old = current.get(c.id());
            if (old != null && old.config().equals(c)) {
                next.add(old);
                current.remove(c.id());
            } else {
                next.add(open(c, isDemo(c)));
            }
        }
        for (CameraModel gone : current.values()) {
            if (configs.stream().noneMatch(c -> c.id().equals(gone.id()))) {
                actions.forget(gone); // removed, not just edited
            }
            closeCamera(gone);
        }
        if (dropDemos) {
            demoMode = false;
            wallArea.setTop(null);
        }
        model.cameras().setAll(next);
        model.clamp();
        if (model.selectedProperty().get() < 0 && !next.isEmpty()) {
            model.selectedProperty().set(0);
        }
        actions.resume(next, false); // an edited camera that recorded or was shared goes on doing so
        save();
    }

    private boolean isDemo(CameraConfig c) {
        return session.demoCameras().stream().anyMatch(d -> d.id().equals(c.id()));
    }

    // ---- view ----

    private void showPage() {
        model.clamp();
        List<Tile> pageTiles = new ArrayList<>();
        int index = model.pageProperty().get() * model.tilesPerPageProperty().get();
        for (CameraModel c : model.pageCameras()) {
            Tile t = tiles.get(c);
            t.setId("tile-" + (++index));
            pageTiles.add(t);
        }
        grid.slotsProperty().set(Math.min(model.tilesPerPageProperty().get(), model.cameras().size()));
        grid.tiles().setAll(pageTiles);
        pageLabel.setText("Page " + (model.pageProperty().get() + 1) + " of " + model.pageCount()
                + "   (Page Up / Page Down)");
        updateSelection();
    }

    private void updateSelection() {
        CameraModel sel = model.selectedCamera();
        tiles.forEach((c, t) -> t.selectedProperty().set(c == sel));
    }

    private void showFocus(CameraModel camera) {
        TileBinding.unbind(focusTile);
        focusDecoder = new FrameDecoder();
        focusTile.setImage(null);
        if (camera == null) {
            focusTile.setVisible(false);
            grid.setVisible(true);
            return;
        }
        TileBinding.bind(focusTile, camera, model.showStatsProperty(), actions.recordAvailable());
        focusTile.onActionProperty().set(a -> {
            if (a == Tile.Action.FOCUS) {
                model.unfocus();
            } else {
                actions.run(a, camera);
            }
        });
        focusTile.setOnContextMenuRequested(e -> {
            menus.contextMenu(camera).show(focusTile, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // Show the wall tile's last image until the first full-resolution frame arrives.
        Tile wallTile = tiles.get(camera);
        focusTile.setImage(wallTile == null ? null : wallTile.getImage());
        grid.setVisible(false);
        focusTile.setVisible(true);
    }

    private boolean mainVisible() {
        return stage.isShowing() && !stage.isIconified();
    }

    private boolean windowVisible() {
        return mainVisible() || (secondWall != null && !secondWall.targets().isEmpty());
    }

    /** The tiles that can be seen now: the focused camera alone or the page shown, and the second window's. */
    private List<Renderer.Target> visibleTargets() {
        List<Renderer.Target> second = secondWall == null ? List.of() : secondWall.targets();
        if (!mainVisible()) {
            return second;
        }
        CameraModel focused = model.focusedProperty().get();
        if (focused != null && second.isEmpty()) {
            return List.of(new Renderer.Target(focused, focusTile, focusDecoder, true));
        }
        List<Renderer.Target> targets = new ArrayList<>(model.tilesPerPageProperty().get() + second.size());
        if (focused != null) {
            targets.add(new Renderer.Target(focused, focusTile, focusDecoder, true));
        } else {
            for (javafx.scene.Node n : grid.tiles()) {
                CameraModel c = (CameraModel) n.getUserData();
                targets.add(new Renderer.Target(c, (Tile) n, c.wallDecoder, false));
            }
        }
        targets.addAll(second);
        return targets;
    }

    private Region hint(BorderPane holder) {
        Label text = new Label("These are built-in demo cameras. Add your own with File ▸ Manage cameras… (Ctrl+M): "
                + "enter a name and the camera's MJPEG URL, e.g. http://192.168.1.20:8080/video");
        text.setWrapText(true);
        text.getStyleClass().add("hint-text");
        Button add = new Button("Add a camera…");
        add.setId("hint-add");
        add.setOnAction(e -> showCameraManager().startAdd());
        add.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button(null, Icons.of(MaterialDesignC.CLOSE));
        close.setAccessibleText("Close the hint");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.getStyleClass().addAll("hint-close", "flat");
        HBox box = new HBox(10, text, add, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.setId("hint");
        box.getStyleClass().add("hint");
        box.setAlignment(Pos.CENTER_LEFT);
        close.setOnAction(e -> holder.setTop(null));
        return box;
    }

    /** Runs the action on the focused camera, else the selected one. */
    void onCurrent(Consumer<CameraModel> action) {
        CameraModel c = model.focusedProperty().get() != null ? model.focusedProperty().get() : model.selectedCamera();
        if (c != null) {
            action.accept(c);
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
            String name = k.getName();
            model.focusNumber(name.charAt(name.length() - 1) - '0');
        } else if (k == KeyCode.LEFT) {
            model.moveSelection(-1, 0, grid.columnsProperty().get());
        } else if (k == KeyCode.RIGHT) {
            model.moveSelection(1, 0, grid.columnsProperty().get());
        } else if (k == KeyCode.UP) {
            model.moveSelection(0, -1, grid.columnsProperty().get());
        } else if (k == KeyCode.DOWN) {
            model.moveSelection(0, 1, grid.columnsProperty().get());
        } else if (k == KeyCode.ESCAPE && model.focusedProperty().get() != null) {
            model.unfocus(); // Esc leaves the focus view only; full screen stays
        } else if (k == KeyCode.ESCAPE) {
            handled = kiosk.escape();
        } else if (k == KeyCode.CONTEXT_MENU || (k == KeyCode.F10 && e.isShiftDown())) {
            CameraModel c = model.focusedProperty().get() != null ? model.focusedProperty().get() : model.selectedCamera();
            Tile t = c == null ? null : model.focusedProperty().get() != null ? focusTile : tiles.get(c);
            if (t != null) {
                menus.contextMenu(c).show(t, Side.BOTTOM, -t.getWidth() / 2, -t.getHeight() / 2);
            }
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void enableDragAndDrop(Tile tile, CameraModel camera) {
        tile.setOnDragDetected(e -> {
            if (e.getButton() != MouseButton.PRIMARY || model.focusedProperty().get() != null) {
                return;
            }
            Dragboard db = tile.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + camera.id());
            db.setContent(content);
            e.consume();
        });
        tile.setOnDragOver(e -> {
            String s = e.getDragboard().getString();
            if (s != null && s.startsWith(DRAG_PREFIX)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        tile.setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            boolean done = false;
            if (s != null && s.startsWith(DRAG_PREFIX)) {
                String id = s.substring(DRAG_PREFIX.length());
                CameraModel moved = model.cameras().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
                if (moved != null && moved != camera) {
                    moveCamera(moved, model.cameras().indexOf(camera));
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Moves a camera to another place in the wall and saves the new order. */
    public void moveCamera(CameraModel camera, int toIndex) {
        model.move(camera, toIndex);
        save();
    }

    /** Switches pages every N seconds (0: never); {@code remember} saves the choice. */
    void setAutoCycle(int seconds, boolean remember) {
        if (remember) {
            config = config.withAutoCycleSeconds(seconds);
            save();
        }
        autoCycle.stop();
        autoCycle.getKeyFrames().clear();
        if (seconds > 0) {
            autoCycle.getKeyFrames().add(new KeyFrame(Duration.seconds(seconds), e -> {
                if (model.pageCount() > 1 && model.focusedProperty().get() == null) {
                    model.nextPage();
                }
            }));
            autoCycle.setCycleCount(Timeline.INDEFINITE);
            autoCycle.play();
        }
    }

    void setTilesPerPage(int n) {
        model.tilesPerPageProperty().set(n);
        config = config.withTilesPerPage(n);
        save();
    }

    // ---- notifications and files ----

    void notify(String message, boolean error) {
        notifier.show(message, error, null, List.of());
    }

    Path recordingsFolder() {
        return config.recordingsFolder() == null
                ? Path.of(System.getProperty("user.home"), "Videos", "MJPEG Wall")
                : Path.of(config.recordingsFolder());
    }

    boolean isClosed() {
        return closed;
    }

    /** New share settings: saved, and running shares move to them. */
    void setShareConfig(org.mjpegwall.config.ShareConfig share) {
        config = config.withShare(share);
        save();
        actions.restartSharing();
        notify(share.expose() ? "Shares are now open to other computers, with the password." : "Shares are now for this computer only.", false);
    }

    void chooseRecordingsFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for recordings");
        chooser.setInitialDirectory(FileLinks.nearestFolder(recordingsFolder()));
        var dir = chooser.showDialog(stage);
        if (dir != null) {
            config = config.withRecordingsFolder(dir.getAbsolutePath());
            save();
            files.folder("Recordings now go to", dir.toPath());
        }
    }

    Path picturesFolder() {
        return config.picturesFolder() == null ? SnapshotWriter.defaultFolder() : Path.of(config.picturesFolder());
    }

    /** Runs file or network work off the FX thread. */
    void background(Runnable task) {
        if (!closed) {
            io.execute(task);
        }
    }

    /** Saves a snapshot of the camera's newest frame: exact bytes, in the background. */
    void snapshot(CameraModel camera) {
        FrameSource s = camera.source();
        Frame frame = s == null ? null : s.latestFrame();
        if (frame == null) {
            notify("No frame from " + camera.config().name() + " yet: nothing to save.", true);
            return;
        }
        Path folder = picturesFolder();
        String name = camera.config().name();
        LocalDateTime now = LocalDateTime.now();
        background(() -> {
            try {
                Path file = SnapshotWriter.write(frame, folder, name, now);
                LOG.info("snapshot of {} saved to {}", name, file);
                Platform.runLater(() -> files.saved("Snapshot of " + name + " saved:", file));
            } catch (java.io.IOException e) {
                Platform.runLater(() -> notify(e.getMessage(), true));
            }
        });
    }

    void choosePicturesFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for snapshots");
        chooser.setInitialDirectory(FileLinks.nearestFolder(picturesFolder()));
        var dir = chooser.showDialog(stage);
        if (dir != null) {
            config = config.withPicturesFolder(dir.getAbsolutePath());
            save();
            files.folder("Snapshots now go to", dir.toPath());
        }
    }

    void exportConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export configuration");
        chooser.setInitialDirectory(FileLinks.nearestFolder(Path.of(System.getProperty("user.home"))));
        chooser.setInitialFileName("mjpeg-wall.json");
        var file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        WallConfig snapshot = currentConfig();
        ConfigStore store = session.store() != null ? session.store() : ConfigStore.atDefaultLocation();
        background(() -> {
            try {
                store.exportTo(file.toPath(), snapshot);
                Platform.runLater(() -> files.saved("Configuration exported. It contains the cameras' passwords: "
                        + "keep it safe.", file.toPath()));
            } catch (ConfigException e) {
                Platform.runLater(() -> notify(e.getMessage(), true));
            }
        });
    }

    void importConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import configuration");
        chooser.setInitialDirectory(FileLinks.nearestFolder(Path.of(System.getProperty("user.home"))));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            importConfig(file.toPath());
        }
    }

    /** Replaces the cameras and view choices with those of an exported file. */
    public void importConfig(Path file) {
        background(() -> {
            try {
                WallConfig read = ConfigStore.importFrom(file);
                // Only cameras that could have been entered in the manager; a wrong file must not wipe the wall.
                List<CameraConfig> valid = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (CameraConfig c : read.cameras()) {
                    List<String> problems = CameraValidation.problems(c);
                    if (!problems.isEmpty()) {
                        skipped.add((c.name().isBlank() ? "(no name)" : c.name()) + ": " + problems.get(0));
                    } else {
                        valid.add(ids.add(c.id()) ? c : new CameraConfig(null, c.name(), c.url(), c.user(),
                                c.password(), c.enabled(), c.snapshotPollSeconds()));
                    }
                }
                if (valid.isEmpty()) {
                    String why = skipped.isEmpty() ? "it holds no cameras" : "none of its cameras can be used ("
                            + String.join("; ", skipped.subList(0, Math.min(3, skipped.size()))) + ")";
                    Platform.runLater(() -> notify("Nothing imported from " + file + ": " + why
                            + ". Your cameras are unchanged.", true));
                    return;
                }
                WallConfig imported = read.withCameras(valid);
                Platform.runLater(() -> {
                    config = imported.withWindow(config.window());
                    model.tilesPerPageProperty().set(config.tilesPerPage());
                    model.columnsProperty().set(config.columns() == null ? 0 : config.columns());
                    model.showStatsProperty().set(config.showStats());
                    setAutoCycle(config.autoCycleSeconds(), false);
                    applyCameras(imported.cameras());
                    notify("Imported " + imported.cameras().size() + " cameras from " + file, false);
                    if (!skipped.isEmpty()) {
                        notify("Skipped " + skipped.size() + (skipped.size() == 1 ? " camera" : " cameras") + ": "
                                + String.join("; ", skipped.subList(0, Math.min(3, skipped.size())))
                                + (skipped.size() > 3 ? "; …" : ""), true);
                    }
                });
            } catch (ConfigException e) {
                Platform.runLater(() -> notify(e.getMessage(), true));
            }
        });
    }

    // ---- saving ----

    private boolean persistentWindow() {
        return session.persist();
    }

    private WallConfig currentConfig() {
        List<CameraConfig> real = model.cameras().stream().filter(c -> !c.demo()).map(CameraModel::config).toList();
        if (demoMode && !session.persist()) {
            real = config.cameras(); // --demo N: the saved cameras stay as they are
        }
        return config.withCameras(real).withRecording(actions.recordWish()).withSharing(actions.shareWish())
                .withPage(model.pageProperty().get());
    }

    /**
     * Notes the window's place and size while it is shown normally; saved a second later and on close.
     * A size below the minimum is a glitch of the window system (see {@link WindowFit}), never saved.
     */
    private void noteGeometry() {
        if (stage.isFullScreen() || stage.isIconified() || !stage.isShowing() || stage.getScene() == null
                || !WindowSizing.WALL.worthSaving(stage.getWidth(), stage.getHeight())) {
            return;
        }
        WindowGeometry old = lastGeometry != null ? lastGeometry : config.window();
        boolean max = stage.isMaximized();
        lastGeometry = max && old != null
                ? new WindowGeometry(old.x(), old.y(), old.width(), old.height(), true)
                : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), max);
        geometrySave.playFromStart();
    }

    private void saveGeometry() {
        if (lastGeometry != null && !lastGeometry.equals(config.window())) {
            config = config.withWindow(lastGeometry);
            save();
        }
    }

    /** Saves the configuration in the background; a failure is shown, never thrown. */
    void save() {
        if (!session.persist() || session.store() == null || closed) {
            return;
        }
        WallConfig snapshot = currentConfig();
        config = snapshot;
        ConfigStore store = session.store();
        io.execute(() -> {
            try {
                store.save(snapshot);
            } catch (ConfigException e) {
                LOG.warn("could not save the configuration: {}", e.getMessage());
                Platform.runLater(() -> notify(e.getMessage(), true));
            }
        });
    }

    /** Stops rendering, saves, and stops every camera (in the background). Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        geometrySave.stop();
        if (lastGeometry != null) {
            config = config.withWindow(lastGeometry);
        }
        save(); // the page shown, what records and is shared, and the window: all kept for the next start
        renderer.stop();
        decodePool.shutdown();
        autoCycle.stop();
        indicators.stop();
        if (manager != null) {
            manager.close();
        }
        if (secondWall != null) {
            secondWall.closeKeepingIt();
        }
        var recordingsDone = actions.close();
        closed = true;
        List<CameraModel> all = List.copyOf(model.cameras());
        io.execute(() -> {
            try {
                // Let recordings finish their files before the cameras stop.
                recordingsDone.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("recordings did not finish in time: {}", e.toString());
            }
            for (CameraModel c : all) {
                if (c.source() != null) {
                    try {
                        c.source().close();
                    } catch (RuntimeException e) {
                        LOG.debug("closing {}", c.config().name(), e);
                    }
                }
            }
            session.onClose().run();
        });
        io.shutdown();
    }

    /** Waits until the background work of {@link #close()} is done (tests, the benchmark). */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return io.awaitTermination(timeout, unit);
    }
}
