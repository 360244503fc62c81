package org.mjpegwall.ui.window;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.mjpegwall.ui.model.FolderOpener;

/**
 * Notifications about files the wall wrote, with links to open their folder or copy the path; a
 * folder that cannot be opened is named in words, with its path to copy.
 */
final class FileLinks {
    private final Notifier notifier;
    private final Consumer<Runnable> background;
    private final FolderOpener opener;

    /** @param background runs blocking work off the FX thread */
    FileLinks(Notifier notifier, Consumer<Runnable> background, FolderOpener opener) {
        this.notifier = notifier;
        this.background = background;
        this.opener = opener;
    }

    /** "Snapshot saved" and the like: the message, the file's full path, Open folder and Copy path. */
    void saved(String message, Path file) {
        Path folder = file.getParent() == null ? file : file.getParent();
        notifier.show(message, false, file, List.of(
                new Notifier.Link("notification-open-folder", "Open folder", () -> openFolder(folder)),
                new Notifier.Link("notification-copy-path", "Copy path", () -> copy(file))));
    }

    /** A folder the wall works in (recordings go there, …), with the same links. */
    void folder(String message, Path folder) {
        notifier.show(message, false, folder, List.of(
                new Notifier.Link("notification-open-folder", "Open folder", () -> openFolder(folder)),
                new Notifier.Link("notification-copy-path", "Copy path", () -> copy(folder))));
    }

    /** Opens the folder in the file manager; when that fails, says why and shows the path to copy. */
    void openFolder(Path folder) {
        background.accept(() -> {
            String problem = opener.open(folder);
            if (problem != null) {
                Platform.runLater(() -> notifier.show("Could not open the folder. " + problem, true, folder,
                        List.of(new Notifier.Link("notification-copy-path", "Copy path", () -> copy(folder)))));
            }
        });
    }

    /** Puts the path on the clipboard as plain text (FX thread). */
    static void copy(Path path) {
        copyText(path.toAbsolutePath().toString());
    }

    static void copyText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
