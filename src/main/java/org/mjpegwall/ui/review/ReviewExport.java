package org.mjpegwall.ui.review;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import org.mjpegwall.review.ClipExport;
import org.mjpegwall.review.Times;
import org.mjpegwall.ui.model.DialogService;
import org.mjpegwall.ui.model.TaskExecutor;

/**
 * Export from the review: the marked range of the lead camera as a clip ({@link ClipExport}: frames byte for
 * byte, timing kept), and the frame shown as its exact JPEG. Files are chosen through the {@link DialogService},
 * written in the background, never over an existing file; every failure is told in words.
 */
public final class ReviewExport {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("HH-mm-ss", Locale.ROOT);

    private final ReviewModel model;
    private final Path folder;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final LongProperty markIn = new SimpleLongProperty(this, "markIn", -1);
    private final LongProperty markOut = new SimpleLongProperty(this, "markOut", -1);

    ReviewExport(ReviewModel model, Path folder, TaskExecutor tasks, DialogService dialogs) {
        this.model = model;
        this.folder = folder;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** The clip's start on the day's clock, or -1 while not marked. */
    public LongProperty markInProperty() {
        return markIn;
    }

    /** The clip's end on the day's clock, or -1 while not marked. */
    public LongProperty markOutProperty() {
        return markOut;
    }

    /** Marks the clip's start at the position shown. */
    public void markIn() {
        markIn.set(model.position());
        if (markOut.get() >= 0 && markOut.get() <= markIn.get()) {
            markOut.set(-1);
        }
    }

    /** Marks the clip's end at the position shown. */
    public void markOut() {
        markOut.set(model.position());
        if (markIn.get() >= markOut.get()) {
            markIn.set(-1);
        }
    }

    void clearMarks() {
        markIn.set(-1);
        markOut.set(-1);
    }

    /** The range to export, in words, or why there is none ("Mark the start (I) and the end (O)…"). */
    public String describe() {
        Range r = range();
        return r.problem != null ? r.problem : "Clip " + clock(r.from) + " – " + clock(r.to)
                + (r.cut ? " (to the end of its recording)" : "");
    }

    private record Range(ReviewDay.Placed placed, long from, long to, boolean cut, String problem) {
    }

    private Range range() {
        ReviewDay day = model.loadedProperty().get();
        long in = markIn.get();
        long out = markOut.get();
        if (day == null || in < 0 || out < 0) {
            return new Range(null, in, out, false, "Mark the clip's start (I) and end (O) on the timeline.");
        }
        ReviewDay.Placed p = day.placedAt(day.cameras().get(0), in);
        if (p == null) {
            return new Range(null, in, out, false, "The start mark lies where " + day.cameras().get(0)
                    + " has no recording; mark it inside one.");
        }
        boolean cut = out > p.endNanos();
        return new Range(p, in, Math.min(out, p.endNanos()), cut, null);
    }

    /** Asks for a file and writes the marked clip there (in the background); says what happened. */
    public void exportClip() {
        Range r = range();
        if (r.problem != null) {
            dialogs.notify(r.problem, true);
            return;
        }
        String name = r.placed.camera() + "_" + model.loadedProperty().get().day() + "_" + nameTime(r.from)
                + "_clip.avi";
        dialogs.chooseFileToSave("Export clip", folder, name).ifPresent(file -> tasks.runInBackground(() -> {
            try {
                ClipExport.Result done = ClipExport.export(r.placed.timeline(), r.from - r.placed.startNanos(),
                        r.to - r.placed.startNanos(), file);
                String what = "Clip exported: " + done.frames() + " frames, " + Times.format(r.to - r.from) + " ("
                        + clock(r.from) + " – " + clock(r.to) + "), " + megabytes(done.bytes())
                        + (r.cut ? "; it ends with its recording" : "");
                tasks.runOnUiThread(() -> dialogs.notifySaved(what, file));
            } catch (IOException e) {
                String why = words(file, e, "clip");
                tasks.runOnUiThread(() -> dialogs.notify(why, true));
            }
        }));
    }

    /** Asks for a file and writes the lead camera's frame shown, its exact bytes. */
    public void saveFrame() {
        ReviewDay.Shown shown = model.shownAt(model.position()).stream().findFirst().orElse(null);
        if (shown == null || shown.placed() == null) {
            dialogs.notify("No frame is shown here: move to a recorded moment first.", true);
            return;
        }
        long at = shown.placed().startNanos() + shown.placed().timeline().frameNanos(shown.frame());
        String name = shown.camera() + "_" + model.loadedProperty().get().day() + "_" + nameTime(at) + ".jpg";
        dialogs.chooseFileToSave("Save frame as JPEG", folder, name).ifPresent(file -> tasks.runInBackground(() -> {
            try {
                byte[] jpeg = shown.bytes();
                write(file, jpeg);
                String what = "Frame saved: " + shown.camera() + " at " + clock(at) + ", " + jpeg.length / 1000
                        + " kB, exactly as recorded";
                tasks.runOnUiThread(() -> dialogs.notifySaved(what, file));
            } catch (IOException e) {
                String why = words(file, e, "frame");
                tasks.runOnUiThread(() -> dialogs.notify(why, true));
            }
        }));
    }

    /** A failed write in words: which file, and what to do. */
    static String words(Path file, IOException e, String what) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileAlreadyExistsException) {
            return name + " already exists; choose another name (export never overwrites a file).";
        }
        if (e instanceof AccessDeniedException) {
            return "The " + what + " could not be written: no permission to write in " + file.getParent() + ".";
        }
        if (e instanceof NoSuchFileException) {
            return "The " + what + " could not be written: " + m + " does not exist (was it deleted or moved?).";
        }
        if (m.toLowerCase(Locale.ROOT).contains("no space left")) {
            return "The disk is full: the " + what + " " + name + " was not written. Free some space and try again.";
        }
        if (e instanceof ClipExport.ExportException) {
            return "The clip could not be exported: " + m;
        }
        return "The " + what + " " + name + " could not be written (" + m + ").";
    }

    /** Writes a new file; one that fails half-way is deleted (it was created here), an existing one is never touched. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createFile(file);
        try {
            Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the error being thrown is what the user is told
            }
            throw e;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** A time of day on the day's clock, {@code 14:02:05.120}. */
    static String clock(long nanos) {
        return Times.format(nanos).replaceFirst("^(\\d):", "0$1:");
    }

    private static String nameTime(long nanos) {
        return LocalTime.ofNanoOfDay(Math.max(0, Math.min(nanos, 86_399_999_999_999L))).format(NAME_TIME);
    }
}
