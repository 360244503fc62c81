package org.mjpegwall.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers as the test says and keeps what the controller said (as JabRef's fake dialog service). */
public final class FakeDialogService implements DialogService {
    /** Something the wall said: a message, maybe with a file or folder. */
    public record Note(String message, boolean error, Path path) {
    }

    /** A question asked. */
    record Question(String id, String text) {
    }

    // Written on the UI thread, or on a recorder's thread when a recording finishes: thread-safe lists.
    public final List<Note> notes = new CopyOnWriteArrayList<>();
    final List<Question> questions = new CopyOnWriteArrayList<>();
    final List<String> sharedAddresses = new CopyOnWriteArrayList<>();
    final List<Path> openedFolders = new CopyOnWriteArrayList<>();
    Path folderAnswer;
    public volatile Path saveAnswer; // set by a test thread, read on the FX thread in the review's tests
    Path openAnswer;
    boolean confirmAnswer;

    public List<String> errors() {
        return notes.stream().filter(Note::error).map(Note::message).toList();
    }

    List<String> messages() {
        return notes.stream().filter(n -> !n.error()).map(Note::message).toList();
    }

    @Override
    public void notify(String message, boolean error) {
        notes.add(new Note(message, error, null));
    }

    @Override
    public void notifySaved(String message, Path file) {
        notes.add(new Note(message, false, file));
    }

    @Override
    public void notifyFolder(String message, Path folder) {
        notes.add(new Note(message, false, folder));
    }

    @Override
    public void openFolder(Path folder) {
        openedFolders.add(folder);
    }

    @Override
    public boolean confirm(String id, String header, String text, String yes, String no) {
        questions.add(new Question(id, text));
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        return Optional.ofNullable(folderAnswer);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path folder, String initialName) {
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path folder) {
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public void showShared(String cameraName, String url, boolean exposed) {
        sharedAddresses.add(cameraName + " " + url);
    }
}
