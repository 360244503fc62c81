package org.mjpegwall.ui.window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.mjpegwall.ui.model.DialogService;
import org.mjpegwall.ui.model.FolderOpener;

/** The wall's {@link DialogService}: notifications in its corner, JavaFX choosers and questions owned by its window. */
final class FxDialogService implements DialogService {
    private final Stage owner;
    private final Notifier notifier;
    private final FileLinks files;

    FxDialogService(Stage owner, Notifier notifier, FileLinks files) {
        this.owner = owner;
        this.notifier = notifier;
        this.files = files;
    }

    @Override
    public void notify(String message, boolean error) {
        notifier.show(message, error, null, List.of());
    }

    @Override
    public void notifySaved(String message, Path file) {
        files.saved(message, file);
    }

    @Override
    public void notifyFolder(String message, Path folder) {
        files.folder(message, folder);
    }

    @Override
    public void openFolder(Path folder) {
        files.openFolder(folder);
    }

    @Override
    public boolean confirm(String id, String header, String text, String yes, String no) {
        return Confirm.ask(owner, id, header, text, yes, no);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(FolderOpener.nearestFolder(initial));
        return path(chooser.showDialog(owner));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path folder, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(FolderOpener.nearestFolder(folder));
        chooser.setInitialFileName(initialName);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(FolderOpener.nearestFolder(folder));
        return path(chooser.showOpenDialog(owner));
    }

    private static Optional<Path> path(File f) {
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    @Override
    public void showShared(String cameraName, String url, boolean exposed) {
        ShareDialog.show(owner, cameraName, url, exposed);
    }
}
