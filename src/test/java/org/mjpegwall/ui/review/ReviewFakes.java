package org.mjpegwall.ui.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.mjpegwall.ui.model.DialogService;
import org.mjpegwall.ui.model.TaskExecutor;

/** The review's surroundings in tests: a background thread with results on the FX thread, and dialogs that answer as told. */
final class ReviewFakes {
    private ReviewFakes() {
    }

    /** Background work on a real thread (so the FX thread is never blocked), UI work on the FX thread. */
    static final class FxTasks implements TaskExecutor {
        private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "review-test-io");
            t.setDaemon(true);
            return t;
        });

        @Override
        public void runInBackground(Runnable task) {
            io.execute(task);
        }

        @Override
        public void runOnUiThread(Runnable task) {
            Platform.runLater(task);
        }

        @Override
        public void shutdown() {
            io.shutdown();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return io.awaitTermination(timeout, unit);
        }
    }

    /** Runs everything at once on the calling thread: the model's flows become plain calls (no toolkit needed). */
    static final class NowTasks implements TaskExecutor {
        @Override
        public void runInBackground(Runnable task) {
            task.run();
        }

        @Override
        public void runOnUiThread(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** Answers file choosers with {@link #saveAnswer} and keeps what was said. */
    static final class Dialogs implements DialogService {
        record Note(String message, boolean error, Path path) {
        }

        final List<Note> notes = new CopyOnWriteArrayList<>();
        final List<Path> openedFolders = new CopyOnWriteArrayList<>();
        volatile Path saveAnswer;

        List<String> errors() {
            return notes.stream().filter(Note::error).map(Note::message).toList();
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
            return false;
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initial) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path folder, String initialName) {
            return Optional.ofNullable(saveAnswer);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path folder) {
            return Optional.empty();
        }

        @Override
        public void showShared(String cameraName, String url, boolean exposed) {
        }
    }
}
