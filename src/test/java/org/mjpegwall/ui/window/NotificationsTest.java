package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.ui.model.FolderOpener;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Notifications: one width, the × in one place, whole names in paths, and a folder that cannot be opened. */
class NotificationsTest extends FxRobot {
    @TempDir
    Path home;

    private Notifier notifier;
    private Stage stage;
    private final java.util.concurrent.ExecutorService io = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        stage = fx(() -> {
            Notifier n = new Notifier();
            notifier = n;
            StackPane root = new StackPane(n);
            Scene scene = new Scene(root, 900, 700);
            Theme.apply(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() {
        fxRun(stage::close);
        io.shutdownNow();
    }

    @Test
    void notificationsHaveOneWidthAndTheirCloseButtonInOnePlace() {
        // given a short and a long notification
        fxRun(() -> {
            notifier.show("Short.", false, null, List.of());
            notifier.show("A much longer message that has to wrap over more than one line of the notification, "
                    + "because it explains something at length.", true, home.resolve("a/b/c.jpg"), List.of());
        });
        // when laid out
        waitUntil(5, "two shown and laid out", () -> lookup(".notification").queryAll().size() == 2
                && lookup(".notification").queryAll().stream().allMatch(n -> n.getBoundsInParent().getWidth() > 0));
        List<Node> boxes = fx(() -> List.copyOf(lookup(".notification").queryAll()));
        List<Node> closes = fx(() -> List.copyOf(lookup(".notification-close").queryAll()));
        // then
        double w0 = fx(() -> boxes.get(0).getBoundsInParent().getWidth());
        double w1 = fx(() -> boxes.get(1).getBoundsInParent().getWidth());
        assertEquals(Notifier.WIDTH, w0, 0.5);
        assertEquals(w0, w1, 0.5);
        double x0 = fx(() -> closes.get(0).localToScene(closes.get(0).getBoundsInLocal()).getMaxX());
        double x1 = fx(() -> closes.get(1).localToScene(closes.get(1).getBoundsInLocal()).getMaxX());
        assertEquals(x0, x1, 0.5);
        double top = fx(() -> boxes.get(1).localToScene(boxes.get(1).getBoundsInLocal()).getMinY());
        double closeTop = fx(() -> closes.get(1).localToScene(closes.get(1).getBoundsInLocal()).getMinY());
        assertTrue(closeTop - top < 16, "the × sits in the top corner: " + (closeTop - top));
    }

    @Test
    void pathsWrapBetweenNamesAndAreShownInFull() {
        // given a path longer than a notification is wide
        Path deep = home.resolve("Videos/MJPEG Wall/a-rather-long-folder-name/another-long-folder/Front_door_2026-11-30.avi");
        // when
        fxRun(() -> notifier.show("Recording saved:", false, deep, List.of()));
        // then the whole path is there, one piece per name, each ending at its separator
        javafx.scene.layout.FlowPane path = fx(() -> lookup(".notification-path").queryAs(javafx.scene.layout.FlowPane.class));
        List<String> parts = fx(() -> path.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(deep.toString(), String.join("", parts));
        assertEquals(deep.toString(), fx(path::getAccessibleText));
        assertEquals(deep.getNameCount() + 1, parts.size());
        assertEquals("MJPEG Wall/", parts.get(parts.size() - 4));
        // and it wraps over lines between names: every line starts with a whole name
        waitUntil(5, "wrapped over lines", () -> path.getChildren().stream().map(n -> n.getLayoutY()).distinct().count() > 1);
        for (Node part : fx(() -> List.copyOf(path.getChildren()))) {
            assertTrue(fx(() -> part.getLayoutBounds().getHeight() < ((Label) part).getFont().getSize() * 2),
                    "no name is broken inside: " + ((Label) part).getText());
        }
    }

    @Test
    void aFolderThatCannotBeOpenedIsNamedWithItsPathToCopy() throws Exception {
        // given no program to open folders
        FileLinks links = fx(() -> new FileLinks(notifier, io::execute,
                new FolderOpener(List.of(home.resolve("no-xdg-open").toString()))));
        Path folder = java.nio.file.Files.createDirectories(home.resolve("Videos/MJPEG Wall"));
        fxRun(() -> links.folder("Recording Door to", folder));
        // when Open folder is clicked
        clickOn("#notification-open-folder");
        // then a notification says why, shows the path, and offers to copy it
        waitUntil(10, "error shown", () -> lookup(".notification-error").tryQuery().isPresent());
        String text = fx(() -> lookup(".notification-error .notification-text").queryAs(Label.class).getText());
        assertTrue(text.startsWith("Could not open the folder."), text);
        assertTrue(text.contains("not installed"), text);
        assertEquals(folder.toString(), fx(() -> lookup(".notification-error .notification-path").query()
                .getAccessibleText()));
        clickOn(".notification-error #notification-copy-path");
        assertEquals(folder.toString(), fx(() -> Clipboard.getSystemClipboard().getString()));
        assertFalse(text.isBlank());
    }
}
