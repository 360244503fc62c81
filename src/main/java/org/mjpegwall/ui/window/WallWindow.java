package org.mjpegwall.ui.window;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.ui.control.Tile;
import org.mjpegwall.ui.control.WallGrid;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.util.BatchingExecutor;
import org.mjpegwall.util.TimeSource;
import org.mjpegwall.ui.model.WallController;
import org.mjpegwall.ui.model.WallModel;
import org.mjpegwall.ui.model.WallSession;
import org.mjpegwall.ui.render.RenderMetrics;
import org.mjpegwall.ui.render.Renderer;
import org.mjpegwall.ui.render.TileDecoding;

/**
 * The camera wall window: lays out the grid of tiles, the focus view, the menus and notifications over
 * a {@link WallController}, which decides everything; input goes to it through {@link WallInput}.
 * Owns the JavaFX parts only: the renderer and its decode pool, the timers, the window's size.
 */
public final class WallWindow implements WallMenus.Windows {
    private final Stage stage;
    private final WallController controller;
    private final WallModel model;
    private final RenderMetrics metrics = new RenderMetrics();
    private final Map<CameraModel, TileBinder.Bound> tiles = new IdentityHashMap<>();
    private final WallGrid grid = new WallGrid();
    private final Tile focusTile = new Tile();
    private final Notifier notifier = new Notifier();
    private final Label pageLabel = new Label();
    private final BorderPane wallArea;
    private final Renderer renderer;
    private final TileDecoding decoding = TileDecoding.best();
    /** Decodes JPEGs off the FX thread: on a 2-core PC one thread per core keeps the pulse short. */
    private final ExecutorService decodePool = Executors.newFixedThreadPool(
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "wall-decode");
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
    private final Timeline autoCycle = new Timeline();
    private final Timeline indicators = new Timeline();
    private final TileBinder binder;
    private final EventListPanel eventList;
    private final BooleanProperty eventListShown = new SimpleBooleanProperty(this, "eventListShown");
    private final MotionSound sound = new MotionSound();
    private final WallMenus menus;
    private final KioskMode kiosk;
    private final WallInput input;
    private TileBinder.Bound focus;
    private final WindowMemory place;
    private CameraManagerDialog manager;
    private SecondWall secondWall;
    private boolean closed;

    public WallWindow(Stage stage, WallSession session) {
        this.stage = Objects.requireNonNull(stage, "stage");
        javax.imageio.ImageIO.setUseCache(false); // ImageIO (used by demo cameras, tests) never writes temp files
        // Opening a folder may wait for a file manager: a thread of its own, not the I/O thread that saves.
        FileLinks files = new FileLinks(notifier, task -> {
            Thread t = new Thread(task, "open-folder");
            t.setDaemon(true);
            t.start();
        }, org.mjpegwall.ui.model.FolderOpener.forThisSystem());
        controller = new WallController(session, new FxTaskExecutor(), new FxDialogService(stage, notifier, files),
                TimeSource.SYSTEM, null);
        model = controller.model();
        WallConfig config = controller.config();
        kiosk = new KioskMode(stage, KioskMode.DEFAULT_IDLE, controller::rememberKiosk);
        menus = new WallMenus(controller, kiosk, this);
        binder = new TileBinder(model.showStatsProperty(), controller.recordAvailable(), menus::contextMenu, decoding);
        input = new WallInput(controller, grid, kiosk, focusTile, this::tile, menus::contextMenu);

        grid.setId("wall");
        grid.fixedColumnsProperty().bind(model.columnsProperty());
        focusTile.setId("focus-tile");
        focusTile.getStyleClass().add("focus-tile");
        focusTile.setVisible(false);
        focusTile.smoothImageProperty().set(true);
        focusTile.focusViewProperty().set(true);
        StackPane center = new StackPane(grid, focusTile);
        center.getStyleClass().add("wall-center");
        wallArea = new BorderPane(center);
        wallArea.getStyleClass().add("wall-center");
        if (session.showHint()) {
            wallArea.setTop(DemoHint.create(() -> showCameraManager().startAdd(), () -> wallArea.setTop(null)));
        }
        Label empty = new Label("No cameras yet. Add one with File ▸ Manage cameras… (Ctrl+M).");
        empty.setId("empty-hint");
        empty.getStyleClass().add("empty-hint");
        empty.visibleProperty().bind(Bindings.isEmpty(model.cameras()));
        center.getChildren().addAll(empty, notifier);
        eventList = new EventListPanel(controller.motion().events(), java.time.ZoneId.systemDefault(),
                e -> model.cameras().stream().filter(c -> c.id().equals(e.camera())).findFirst().ifPresent(model::focus), menus::review);
        controller.setMotionSound(sound);
        StackPane.setAlignment(notifier, Pos.BOTTOM_RIGHT);
        pageLabel.setId("page-label");
        HBox statusBar = new HBox(pageLabel);
        statusBar.getStyleClass().add("status-bar");
        statusBar.managedProperty().bind(statusBar.visibleProperty());
        statusBar.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.pageCount() > 1, model.cameras(),
                model.tilesPerPageProperty()));
        BorderPane root = new BorderPane(wallArea);
        root.setId("wall-root");
        root.getStyleClass().add("wall-root");
        MenuBar bar = menus.menuBar();
        root.setTop(bar);
        root.setBottom(statusBar);

        Scene scene = new Scene(root);
        Theme.apply(scene);
        input.attach(scene);
        stage.setScene(scene);
        stage.setTitle("MJPEG Wall");
        for (String size : new String[] {"32", "256"}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(WallWindow.class.getResource(
                    "/org/mjpegwall/ui/icons/mjpeg-wall-" + size + ".png")).toExternalForm()));
        }
        kiosk.attach(scene, bar);
        // A monitoring screen shows cameras only: the event list is the desk's, not the kiosk's.
        wallArea.rightProperty().bind(Bindings.when(eventListShown.and(kiosk.kioskProperty().not()))
                .then((Node) eventList).otherwise((Node) null));
        if (wallArea.getTop() != null) {
            // A monitoring screen shows cameras only: no first-start hint in kiosk mode.
            wallArea.getTop().visibleProperty().bind(kiosk.kioskProperty().not());
            wallArea.getTop().managedProperty().bind(kiosk.kioskProperty().not());
        }
        controller.demoModeProperty().addListener((obs, was, demo) -> {
            if (!demo) {
                wallArea.setTop(null); // the first real camera replaced the demos: the hint goes with them
            }
        });

        model.cameras().forEach(this::addTile);
        model.cameras().addListener((ListChangeListener<CameraModel>) c -> {
            tiles.keySet().removeIf(cam -> !model.cameras().contains(cam));
            model.cameras().forEach(this::addTile);
            showPage();
        });
        model.pageProperty().addListener(o -> showPage());
        model.tilesPerPageProperty().addListener(o -> showPage());
        model.selectedProperty().addListener(o -> updateSelection());
        model.focusedProperty().addListener((obs, old, cam) -> showFocus(cam));
        place = new WindowMemory(stage, WindowSizing.WALL, () -> controller.config().window(), controller::rememberWindow);
        controller.autoCycleSecondsProperty().addListener((obs, old, s) -> setAutoCycle(s.intValue()));
        setAutoCycle(controller.autoCycleSecondsProperty().get());
        stage.setOnHidden(e -> close());
        // The window's close button asks like File ▸ Quit; closing it from code (a SIGTERM) does not.
        stage.setOnCloseRequest(e -> {
            if (!controller.mayQuit()) {
                e.consume();
            }
        });

        renderer = new Renderer(this::visibleTargets, () -> List.copyOf(model.cameras()), this::windowVisible, metrics,
                decodePool, new BatchingExecutor(Platform::runLater), TimeSource.SYSTEM);
        renderer.follow(model.cameras());
        showPage();
        renderer.start();
        indicators.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> controller.refreshIndicators()));
        indicators.setCycleCount(Timeline.INDEFINITE);
        indicators.play();
        WindowGeometry saved = WindowSizing.WALL.usable(config.window(), WindowFit.screens());
        if (saved != null && saved.maximized() && session.persist()) {
            stage.setMaximized(true);
        }
        WindowFit.showMain(stage, WindowSizing.WALL, config.window());
        place.note(); // the place and size it opened at, also where no window manager moves it
        if (config.kiosk() || session.kiosk()) {
            kiosk.enter(config.kioskScreen());
        }
        if (config.secondWindow() != null && javafx.stage.Screen.getScreens().size() > 1) {
            openSecondWindow(config.secondWindow().screen(), config.secondWindow().page());
        }
        controller.start();
    }

    // ---- accessors used by tests, the benchmark and the launcher ----

    public WallController controller() {
        return controller;
    }

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
        TileBinder.Bound b = tiles.get(camera);
        return b == null ? null : b.tile();
    }

    /** Animation pulses the renderer has handled. */
    public long pulses() {
        return renderer.pulses();
    }

    public Tile focusTile() {
        return focusTile;
    }

    KioskMode kiosk() {
        return kiosk;
    }

    /** The motion event list (shown or not). */
    EventListPanel eventList() {
        return eventList;
    }

    // ---- windows and dialogs (WallMenus.Windows) ----

    /** Opens the camera manager, with the selected camera chosen. */
    public CameraManagerDialog showCameraManager() {
        if (manager == null || !manager.isShowing()) {
            manager = new CameraManagerDialog(stage, controller.cameraManager());
            CameraModel selected = controller.current();
            if (selected != null) {
                manager.select(selected.id());
            }
            WindowFit.showDialog(manager, WindowSizing.CAMERA_MANAGER);
        }
        manager.toFront();
        return manager;
    }

    @Override
    public void showCameraManager(CameraModel select) {
        CameraManagerDialog m = showCameraManager();
        if (select != null) {
            m.select(select.id());
        }
    }

    @Override
    public void showShareSettings() {
        ShareDialog.showSettings(stage, controller.config().share(), controller::setShareConfig);
    }

    @Override
    public BooleanProperty eventListShown() {
        return eventListShown;
    }

    @Override
    public void showKeys() {
        KeysDialog.show(stage);
    }

    /** File ▸ Quit: asks first while cameras record or are shared. */
    @Override
    public void requestQuit() {
        if (controller.mayQuit()) {
            stage.close();
        }
    }

    /** Opens the second window on a screen, showing a page; remembered. */
    @Override
    public void openSecondWindow(int screen, int page) {
        if (secondWall == null) {
            secondWall = new SecondWall(model, binder, controller::rememberSecondWindow);
        }
        secondWall.show(screen, page, stage.getIcons().isEmpty() ? null : stage.getIcons().get(0));
    }

    @Override
    public void closeSecondWindow() {
        if (secondWall != null) {
            secondWall.close();
        }
    }

    @Override
    public SecondWall secondWall() {
        return secondWall;
    }

    // ---- tiles ----

    private void addTile(CameraModel camera) {
        if (!tiles.containsKey(camera)) {
            Tile tile = new Tile();
            TileBinder.Bound bound = binder.bind(tile, camera, false, a -> controller.run(a, camera), true);
            tile.setUserData(bound);
            input.wallTile(tile, camera);
            tiles.put(camera, bound);
        }
    }

    private void showPage() {
        model.clamp();
        List<Tile> pageTiles = new ArrayList<>();
        int index = model.pageProperty().get() * model.tilesPerPageProperty().get();
        for (CameraModel c : model.pageCameras()) {
            Tile t = tiles.get(c).tile();
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
        tiles.forEach((c, b) -> b.tile().selectedProperty().set(c == sel));
    }

    private void showFocus(CameraModel camera) {
        if (focus != null) {
            focus.unbind();
            focus = null;
        }
        focusTile.setImage(null);
        if (camera == null) {
            focusTile.setVisible(false);
            grid.setVisible(true);
            return;
        }
        focus = binder.bind(focusTile, camera, true, a -> {
            if (a == TileAction.FOCUS) {
                model.unfocus();
            } else {
                controller.run(a, camera);
            }
        }, true);
        // Show the wall tile's last image until the first full-resolution frame arrives.
        TileBinder.Bound wallTile = tiles.get(camera);
        focusTile.setImage(wallTile == null ? null : wallTile.tile().getImage());
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
        if (focus != null && second.isEmpty()) {
            return List.of(focus.target());
        }
        List<Renderer.Target> targets = new ArrayList<>(model.tilesPerPageProperty().get() + second.size());
        if (focus != null) {
            targets.add(focus.target());
        } else {
            for (Node n : grid.tiles()) {
                targets.add(((TileBinder.Bound) n.getUserData()).target());
            }
        }
        targets.addAll(second);
        return targets;
    }

    // ---- timers, window geometry, closing ----

    private void setAutoCycle(int seconds) {
        autoCycle.stop();
        autoCycle.getKeyFrames().clear();
        if (seconds > 0) {
            autoCycle.getKeyFrames().add(new KeyFrame(Duration.seconds(seconds), e -> controller.cycleTick()));
            autoCycle.setCycleCount(Timeline.INDEFINITE);
            autoCycle.play();
        }
    }

    /** Whether the window has closed (its cameras may still be stopping: see {@link #awaitClosed}). */
    public boolean isClosed() {
        return closed;
    }

    /** Stops rendering, saves, and stops every camera (in the background). Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        WindowGeometry lastPlace = place.stop();
        renderer.stop();
        decodePool.shutdown();
        decoding.close();
        autoCycle.stop();
        indicators.stop();
        eventList.close();
        sound.close();
        if (manager != null) {
            manager.close();
        }
        if (secondWall != null) {
            secondWall.closeKeepingIt();
        }
        controller.close(lastPlace);
    }

    /** Waits until the background work of {@link #close()} is done (tests, the benchmark). */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return controller.awaitClosed(timeout, unit);
    }
}
