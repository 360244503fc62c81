package org.mjpegwall.ui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.ui.control.Icons;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.TileAction;
import org.mjpegwall.ui.model.WallController;
import org.mjpegwall.ui.model.WallModel;

/**
 * The one menu builder: the wall's menu bar and a camera's own menu (right-click, Menu key), whose
 * camera commands are made by one method. Quit sits at the end of File, away from the share settings
 * (which live in the Camera menu), so a slip on the keyboard or mouse cannot quit.
 */
final class WallMenus {
    /** What the menus open beside the controller's work: the windows and dialogs. */
    interface Windows {
        /** The camera manager, with this camera chosen ({@code null}: the current one). */
        void showCameraManager(CameraModel select);

        void showShareSettings();

        void showKeys();

        /** Whether the motion event list is shown beside the wall. */
        javafx.beans.property.BooleanProperty eventListShown();

        void requestQuit();

        /** The second window, or {@code null} before it was first opened. */
        SecondWall secondWall();

        void openSecondWindow(int screen, int page);

        void closeSecondWindow();
    }

    private final WallController controller;
    private final KioskMode kiosk;
    private final Windows windows;
    private final ReviewWindows review;
    private MenuBar bar;

    WallMenus(WallController controller, KioskMode kiosk, Windows windows) {
        this.controller = controller;
        this.kiosk = kiosk;
        this.windows = windows;
        this.review = new ReviewWindows(controller);
    }

    /** The review window: File ▸ Review recordings…, and Review on a motion event (its camera, from just before it). */
    ReviewWindows review() {
        return review;
    }

    /** Opens the review at a motion event. */
    void review(org.mjpegwall.motion.MotionEvent e) {
        review.showAt(bar.getScene().getWindow(), e.name().isEmpty() ? e.camera() : e.name(), e.start());
    }

    MenuBar menuBar() {
        Menu camera = new Menu("Camera", null, cameraItems(null).toArray(MenuItem[]::new));
        MenuItem keys = item("Keys and mouse", "F1", MaterialDesignK.KEYBOARD, e -> windows.showKeys());
        keys.setId("menu-keys");
        bar = new MenuBar(fileMenu(), viewMenu(), camera, new Menu("Help", null, keys));
        bar.setId("menu-bar");
        addRetentionItem(bar);
        return bar;
    }

    /** File ▸ "Recordings & events: keep…", after "Recording folder…" (the setting applies to that folder). */
    private void addRetentionItem(MenuBar bar) {
        MenuItem keep = item("Recordings & events: keep…", null, MaterialDesignD.DELETE_CLOCK_OUTLINE,
                e -> RetentionDialog.show(bar.getScene() == null ? null : bar.getScene().getWindow(), controller));
        keep.setId("menu-retention");
        List<MenuItem> file = bar.getMenus().get(0).getItems();
        int folder = file.stream().map(MenuItem::getText).toList().indexOf("Recording folder…");
        file.add(folder < 0 ? file.size() : folder + 1, keep);
    }

    /** The camera's own menu, its labels for its state now. */
    ContextMenu contextMenu(CameraModel camera) {
        ContextMenu menu = new ContextMenu(cameraItems(camera).toArray(MenuItem[]::new));
        menu.setId("tile-menu");
        return menu;
    }

    /**
     * The camera commands. For the Camera menu ({@code camera == null}) they act on the current camera
     * when chosen and carry their keys; for a camera's own menu they act on it and say what they will do
     * ("Stop recording" while it records).
     */
    private List<MenuItem> cameraItems(CameraModel camera) {
        boolean bar = camera == null;
        WallModel model = controller.model();
        boolean recording = !bar && camera.recordingProperty().get();
        boolean shared = !bar && camera.shareUrlProperty().get() != null;
        List<MenuItem> items = new ArrayList<>();
        items.add(item("Snapshot", bar ? "S" : null, MaterialDesignC.CAMERA, on(camera, c -> controller.run(TileAction.SNAPSHOT, c))));
        MenuItem rec = item(bar ? "Record / stop" : recording ? "Stop recording" : "Record", bar ? "R" : null,
                recording ? MaterialDesignS.STOP : MaterialDesignR.RECORD, on(camera, c -> controller.run(TileAction.RECORD, c)));
        rec.setDisable(!bar && (!controller.recordAvailable() || camera.source() == null));
        items.add(rec);
        items.add(item(bar ? "Share / stop sharing" : shared ? "Stop sharing" : "Share…", bar ? "U" : null,
                MaterialDesignS.SHARE_VARIANT, on(camera, c -> controller.run(TileAction.SHARE, c))));
        if (bar) {
            MenuItem settings = item("Share settings…", null, MaterialDesignC.COG, e -> windows.showShareSettings());
            settings.setId("menu-share-settings");
            items.add(settings);
            items.add(new SeparatorMenuItem());
            items.add(item("Focus", "Enter", MaterialDesignF.FULLSCREEN, on(null, model::focus)));
            items.add(item("Back to the wall", "Esc", MaterialDesignA.ARROW_LEFT, e -> model.unfocus()));
        } else {
            boolean focused = model.focusedProperty().get() == camera;
            items.add(item(focused ? "Back to the wall" : "Focus", null, focused ? MaterialDesignA.ARROW_LEFT
                    : MaterialDesignF.FULLSCREEN, e -> {
                        if (focused) {
                            model.unfocus();
                        } else {
                            model.focus(camera);
                        }
                    }));
        }
        if (!bar) {
            items.add(new SeparatorMenuItem());
            items.addAll(motionItems(camera));
        }
        items.add(new SeparatorMenuItem());
        items.add(item("Edit camera…", null, null, on(camera, windows::showCameraManager)));
        if (!bar) {
            items.add(item(camera.config().enabled() ? "Disable" : "Enable", null, null, e -> controller.toggleEnabled(camera)));
        }
        return items;
    }

    /** A camera's motion switches: detection on/off and the sound when motion starts (saved at once). */
    private List<MenuItem> motionItems(CameraModel camera) {
        MotionConfig m = camera.config().motion();
        CheckMenuItem detect = new CheckMenuItem("Motion detection");
        detect.setId("menu-motion-detection");
        detect.setSelected(m.enabled());
        detect.setOnAction(e -> editMotion(camera, m.withEnabled(detect.isSelected())));
        CheckMenuItem sound = new CheckMenuItem("Sound on motion");
        sound.setId("menu-motion-sound");
        sound.setSelected(m.sound());
        sound.setOnAction(e -> editMotion(camera, m.withSound(sound.isSelected())));
        return List.of(detect, sound);
    }

    private void editMotion(CameraModel camera, MotionConfig motion) {
        controller.applyCameras(controller.cameraConfigs().stream()
                .map(c -> c.id().equals(camera.id()) ? c.withMotion(motion) : c).toList());
    }

    /** Runs the command on the camera, or on the current camera when chosen ({@code camera == null}). */
    private EventHandler<ActionEvent> on(CameraModel camera, Consumer<CameraModel> command) {
        return e -> {
            CameraModel c = camera != null ? camera : controller.current();
            if (c != null) {
                command.accept(c);
            }
        };
    }

    private Menu fileMenu() {
        MenuItem manage = item("Manage cameras…", "Shortcut+M", MaterialDesignC.CCTV, e -> windows.showCameraManager(null));
        manage.setId("menu-manage");
        MenuItem openPictures = item("Open snapshot folder", null, MaterialDesignF.FOLDER_IMAGE,
                e -> controller.openFolder(controller.picturesFolder()));
        openPictures.setId("menu-open-pictures");
        MenuItem openRecordings = item("Open recording folder", null, MaterialDesignF.FOLDER_OPEN,
                e -> controller.openFolder(controller.recordingsFolder()));
        openRecordings.setId("menu-open-recordings");
        MenuItem reviewItem = item("Review recordings…", "Shortcut+R", MaterialDesignP.PLAY_BOX_MULTIPLE_OUTLINE,
                e -> review.show(bar.getScene().getWindow()));
        reviewItem.setId("menu-review");
        MenuItem pictures = item("Snapshot folder…", null, null, e -> controller.choosePicturesFolder());
        MenuItem recordings = item("Recording folder…", null, null, e -> controller.chooseRecordingsFolder());
        MenuItem importItem = item("Import configuration…", null, MaterialDesignI.IMPORT, e -> controller.transfer().importConfig());
        MenuItem exportItem = item("Export configuration…", null, MaterialDesignE.EXPORT, e -> controller.transfer().exportConfig());
        MenuItem quit = item("Quit", "Shortcut+Q", MaterialDesignE.EXIT_TO_APP, e -> windows.requestQuit());
        quit.setId("menu-quit");
        return new Menu("File", null, manage, reviewItem, new SeparatorMenuItem(), openPictures, openRecordings,
                pictures, recordings, new SeparatorMenuItem(), importItem, exportItem, new SeparatorMenuItem(), quit);
    }

    private Menu viewMenu() {
        WallModel model = controller.model();
        CheckMenuItem stats = new CheckMenuItem("Show stats");
        stats.setId("menu-stats");
        stats.setAccelerator(KeyCombination.keyCombination("I"));
        stats.selectedProperty().bindBidirectional(model.showStatsProperty());
        CheckMenuItem events = new CheckMenuItem("Motion events");
        events.setId("menu-motion-events");
        events.setAccelerator(KeyCombination.keyCombination("E"));
        events.setGraphic(Icons.of(MaterialDesignM.MOTION_SENSOR));
        events.selectedProperty().bindBidirectional(windows.eventListShown());
        CheckMenuItem spotlight = new CheckMenuItem("Spotlight on motion");
        spotlight.setId("menu-spotlight");
        spotlight.setSelected(controller.config().spotlight());
        spotlight.setOnAction(e -> controller.setSpotlight(spotlight.isSelected()));
        Menu gridMenu = new Menu("Grid");
        ToggleGroup gridGroup = new ToggleGroup();
        for (int c = 0; c <= 6; c++) {
            int cols = c;
            radio(gridMenu, gridGroup, c == 0 ? "Fit the window" : c + (c == 1 ? " column" : " columns"),
                    model.columnsProperty().get() == c, () -> model.columnsProperty().set(cols));
        }
        Menu perPage = new Menu("Cameras per page");
        ToggleGroup perPageGroup = new ToggleGroup();
        for (int n : new int[] {4, 9, 16, 25, 36}) {
            radio(perPage, perPageGroup, String.valueOf(n), model.tilesPerPageProperty().get() == n,
                    () -> controller.setTilesPerPage(n));
        }
        Menu cycle = new Menu("Cycle pages");
        ToggleGroup cycleGroup = new ToggleGroup();
        for (int s : new int[] {0, 10, 30, 60}) {
            radio(cycle, cycleGroup, s == 0 ? "Off" : "Every " + s + " s", controller.autoCycleSecondsProperty().get() == s,
                    () -> controller.setAutoCycle(s));
        }
        MenuItem fullScreen = item("Full screen", "F11", MaterialDesignF.FULLSCREEN, e -> kiosk.toggleFullScreen());
        CheckMenuItem kioskItem = new CheckMenuItem("Kiosk mode");
        kioskItem.setId("menu-kiosk");
        kioskItem.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        kioskItem.setGraphic(Icons.of(MaterialDesignM.MONITOR_DASHBOARD));
        kioskItem.setOnAction(e -> {
            if (kiosk.isKiosk()) {
                kiosk.escape();
            } else {
                kiosk.enter(kiosk.screen());
            }
            kioskItem.setSelected(kiosk.isKiosk());
        });
        Menu kioskScreen = new Menu("Kiosk screen");
        Menu second = new Menu("Second window");
        second.setId("menu-second-window");
        MenuItem next = item("Next page", "Page Down", MaterialDesignP.PAGE_NEXT, e -> model.nextPage());
        MenuItem prev = item("Previous page", "Page Up", MaterialDesignP.PAGE_PREVIOUS, e -> model.previousPage());
        Menu view = new Menu("View", null, stats, events, spotlight, gridMenu, perPage, new SeparatorMenuItem(), next, prev, cycle,
                new SeparatorMenuItem(), fullScreen, kioskItem, kioskScreen, second);
        // Screens come and go: the screen lists are made when the menu opens.
        view.setOnShowing(e -> {
            kioskItem.setSelected(kiosk.isKiosk());
            fillKioskScreens(kioskScreen);
            fillSecondWindow(second);
        });
        return view;
    }

    private static void radio(Menu menu, ToggleGroup group, String text, boolean selected, Runnable action) {
        RadioMenuItem r = new RadioMenuItem(text);
        r.setToggleGroup(group);
        r.setSelected(selected);
        r.setOnAction(e -> action.run());
        menu.getItems().add(r);
    }

    private void fillKioskScreens(Menu menu) {
        menu.getItems().clear();
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < Screen.getScreens().size(); i++) {
            int index = i;
            radio(menu, group, KioskMode.describe(i), kiosk.screen() == i, () -> kiosk.enter(index));
        }
    }

    private void fillSecondWindow(Menu menu) {
        menu.getItems().clear();
        int screens = Screen.getScreens().size();
        SecondWall open = windows.secondWall();
        MenuItem off = new MenuItem("Close");
        off.setDisable(open == null || !open.isShowing());
        off.setOnAction(e -> windows.closeSecondWindow());
        menu.getItems().add(off);
        if (screens < 2) {
            MenuItem none = new MenuItem("(needs a second screen)");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        int page = open != null && open.isShowing() ? open.page() : Math.min(1, controller.model().pageCount() - 1);
        for (int i = 0; i < screens; i++) {
            int index = i;
            MenuItem on = new MenuItem("On " + KioskMode.describe(i) + ", page " + (page + 1));
            on.setOnAction(e -> windows.openSecondWindow(index, page));
            menu.getItems().add(on);
        }
    }

    private static MenuItem item(String text, String accelerator, Ikon icon, EventHandler<ActionEvent> h) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(h);
        return m;
    }
}
