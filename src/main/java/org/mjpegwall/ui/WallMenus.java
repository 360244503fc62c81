package org.mjpegwall.ui;

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
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The wall's menu bar and the camera's context menu. Quit sits at the end of File, away from the
 * share settings (which live in the Camera menu), so a slip on the keyboard or mouse cannot quit.
 */
final class WallMenus {
    private final WallWindow wall;
    private final Actions actions;

    WallMenus(WallWindow wall, Actions actions) {
        this.wall = wall;
        this.actions = actions;
    }

    MenuBar menuBar() {
        WallModel model = wall.model();
        MenuItem manage = item("Manage cameras…", "Shortcut+M", MaterialDesignC.CCTV, e -> wall.showCameraManager());
        manage.setId("menu-manage");
        MenuItem openPictures = item("Open snapshot folder", null, MaterialDesignF.FOLDER_IMAGE,
                e -> wall.files().openFolder(wall.picturesFolder()));
        openPictures.setId("menu-open-pictures");
        MenuItem openRecordings = item("Open recording folder", null, MaterialDesignF.FOLDER_OPEN,
                e -> wall.files().openFolder(wall.recordingsFolder()));
        openRecordings.setId("menu-open-recordings");
        MenuItem pictures = item("Snapshot folder…", null, null, e -> wall.choosePicturesFolder());
        MenuItem recordings = item("Recording folder…", null, null, e -> wall.chooseRecordingsFolder());
        MenuItem importItem = item("Import configuration…", null, MaterialDesignI.IMPORT, e -> wall.importConfig());
        MenuItem exportItem = item("Export configuration…", null, MaterialDesignE.EXPORT, e -> wall.exportConfig());
        MenuItem quit = item("Quit", "Shortcut+Q", MaterialDesignE.EXIT_TO_APP, e -> wall.requestQuit());
        quit.setId("menu-quit");
        Menu file = new Menu("File", null, manage, new SeparatorMenuItem(), openPictures, openRecordings,
                pictures, recordings, new SeparatorMenuItem(), importItem, exportItem, new SeparatorMenuItem(), quit);

        CheckMenuItem stats = new CheckMenuItem("Show stats");
        stats.setId("menu-stats");
        stats.setAccelerator(KeyCombination.keyCombination("I"));
        stats.selectedProperty().bindBidirectional(model.showStatsProperty());
        Menu gridMenu = new Menu("Grid");
        ToggleGroup gridGroup = new ToggleGroup();
        for (int c = 0; c <= 6; c++) {
            RadioMenuItem r = new RadioMenuItem(c == 0 ? "Fit the window" : c + (c == 1 ? " column" : " columns"));
            int cols = c;
            r.setToggleGroup(gridGroup);
            r.setSelected(model.columnsProperty().get() == c);
            r.setOnAction(e -> model.columnsProperty().set(cols));
            gridMenu.getItems().add(r);
        }
        Menu perPage = new Menu("Cameras per page");
        ToggleGroup perPageGroup = new ToggleGroup();
        for (int n : new int[] {4, 9, 16, 25, 36}) {
            RadioMenuItem r = new RadioMenuItem(String.valueOf(n));
            r.setToggleGroup(perPageGroup);
            r.setSelected(model.tilesPerPageProperty().get() == n);
            r.setOnAction(e -> wall.setTilesPerPage(n));
            perPage.getItems().add(r);
        }
        Menu cycle = new Menu("Cycle pages");
        ToggleGroup cycleGroup = new ToggleGroup();
        for (int s : new int[] {0, 10, 30, 60}) {
            RadioMenuItem r = new RadioMenuItem(s == 0 ? "Off" : "Every " + s + " s");
            r.setToggleGroup(cycleGroup);
            r.setSelected(wall.config().autoCycleSeconds() == s);
            r.setOnAction(e -> wall.setAutoCycle(s, true));
            cycle.getItems().add(r);
        }
        MenuItem fullScreen = item("Full screen", "F11", MaterialDesignF.FULLSCREEN, e -> wall.kiosk().toggleFullScreen());
        CheckMenuItem kiosk = new CheckMenuItem("Kiosk mode");
        kiosk.setId("menu-kiosk");
        kiosk.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        kiosk.setGraphic(Icons.of(MaterialDesignM.MONITOR_DASHBOARD));
        kiosk.setOnAction(e -> {
            if (wall.kiosk().isKiosk()) {
                wall.kiosk().escape();
            } else {
                wall.kiosk().enter(wall.kiosk().screen());
            }
            kiosk.setSelected(wall.kiosk().isKiosk());
        });
        Menu kioskScreen = new Menu("Kiosk screen");
        Menu second = new Menu("Second window");
        second.setId("menu-second-window");
        MenuItem next = item("Next page", "Page Down", MaterialDesignP.PAGE_NEXT, e -> model.nextPage());
        MenuItem prev = item("Previous page", "Page Up", MaterialDesignP.PAGE_PREVIOUS, e -> model.previousPage());
        Menu view = new Menu("View", null, stats, gridMenu, perPage, new SeparatorMenuItem(), next, prev, cycle,
                new SeparatorMenuItem(), fullScreen, kiosk, kioskScreen, second);
        // Screens come and go: the screen lists are made when the menu opens.
        view.setOnShowing(e -> {
            kiosk.setSelected(wall.kiosk().isKiosk());
            fillKioskScreens(kioskScreen);
            fillSecondWindow(second);
        });

        MenuItem snap = item("Snapshot", "S", MaterialDesignC.CAMERA, e -> wall.onCurrent(c -> actions.run(Tile.Action.SNAPSHOT, c)));
        MenuItem rec = item("Record / stop", "R", MaterialDesignR.RECORD, e -> wall.onCurrent(c -> actions.run(Tile.Action.RECORD, c)));
        MenuItem share = item("Share / stop sharing", "U", MaterialDesignS.SHARE_VARIANT,
                e -> wall.onCurrent(c -> actions.run(Tile.Action.SHARE, c)));
        MenuItem shareSettings = item("Share settings…", null, MaterialDesignC.COG, e -> ShareDialog.showSettings(wall));
        shareSettings.setId("menu-share-settings");
        MenuItem focus = item("Focus", "Enter", MaterialDesignF.FULLSCREEN, e -> wall.onCurrent(model::focus));
        MenuItem back = item("Back to the wall", "Esc", MaterialDesignA.ARROW_LEFT, e -> model.unfocus());
        MenuItem edit = item("Edit camera…", null, null, e -> wall.onCurrent(c -> wall.showCameraManager().select(c.id())));
        Menu camera = new Menu("Camera", null, snap, rec, share, shareSettings, new SeparatorMenuItem(), focus, back,
                new SeparatorMenuItem(), edit);

        MenuItem keys = item("Keys and mouse", "F1", MaterialDesignK.KEYBOARD, e -> KeysDialog.show(wall.stage()));
        keys.setId("menu-keys");
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, view, camera, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void fillKioskScreens(Menu menu) {
        menu.getItems().clear();
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < Screen.getScreens().size(); i++) {
            RadioMenuItem r = new RadioMenuItem(KioskMode.describe(i));
            int index = i;
            r.setToggleGroup(group);
            r.setSelected(wall.kiosk().screen() == i);
            r.setOnAction(e -> wall.kiosk().enter(index));
            menu.getItems().add(r);
        }
    }

    private void fillSecondWindow(Menu menu) {
        menu.getItems().clear();
        int screens = Screen.getScreens().size();
        SecondWall open = wall.secondWall();
        MenuItem off = new MenuItem("Close");
        off.setDisable(open == null || !open.isShowing());
        off.setOnAction(e -> wall.closeSecondWindow());
        menu.getItems().add(off);
        if (screens < 2) {
            MenuItem none = new MenuItem("(needs a second screen)");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        int page = open != null && open.isShowing() ? open.page() : Math.min(1, wall.model().pageCount() - 1);
        for (int i = 0; i < screens; i++) {
            int index = i;
            MenuItem on = new MenuItem("On " + KioskMode.describe(i) + ", page " + (page + 1));
            on.setOnAction(e -> wall.openSecondWindow(index, page));
            menu.getItems().add(on);
        }
    }

    /** The camera's own menu (right-click, Menu key). */
    ContextMenu contextMenu(CameraModel camera) {
        WallModel model = wall.model();
        MenuItem snap = item("Snapshot", null, MaterialDesignC.CAMERA, e -> actions.run(Tile.Action.SNAPSHOT, camera));
        boolean recording = camera.recordingProperty().get();
        MenuItem rec = item(recording ? "Stop recording" : "Record", null, recording ? MaterialDesignS.STOP : MaterialDesignR.RECORD,
                e -> actions.run(Tile.Action.RECORD, camera));
        rec.setDisable(!actions.recordAvailable() || camera.source() == null);
        MenuItem share = item(camera.shareUrlProperty().get() != null ? "Stop sharing" : "Share…", null,
                MaterialDesignS.SHARE_VARIANT, e -> actions.run(Tile.Action.SHARE, camera));
        boolean focused = model.focusedProperty().get() == camera;
        MenuItem focus = item(focused ? "Back to the wall" : "Focus", null,
                focused ? MaterialDesignA.ARROW_LEFT : MaterialDesignF.FULLSCREEN, e -> {
                    if (focused) {
                        model.unfocus();
                    } else {
                        model.focus(camera);
                    }
                });
        MenuItem edit = item("Edit camera…", null, null, e -> wall.showCameraManager().select(camera.id()));
        MenuItem enable = item(camera.config().enabled() ? "Disable" : "Enable", null, null,
                e -> wall.applyCameras(wall.cameraConfigs().stream()
                        .map(c -> c.id().equals(camera.id()) ? c.withEnabled(!c.enabled()) : c).toList()));
        ContextMenu menu = new ContextMenu(snap, rec, share, focus, new SeparatorMenuItem(), edit, enable);
        menu.setId("tile-menu");
        return menu;
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
