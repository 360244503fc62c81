package org.mjpegwall.ui.review;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mjpegwall.review.Recording;
import org.mjpegwall.review.RecordingCatalog;

/** The recordings folder as the review lists it: its catalog, or why there is none in words; a camera's days. */
final class ReviewFolder {
    /** The folder's recordings, or none and the reason ({@code problem}, else {@code null}). */
    record Read(List<Recording> recordings, String problem) {
    }

    private ReviewFolder() {
    }

    /** Lists the folder (names and sizes only; no file is opened). Blocks on the folder: a background task. */
    static Read read(Path folder, ZoneId zone) {
        try {
            return new Read(RecordingCatalog.scan(folder, zone), null);
        } catch (NoSuchFileException e) {
            return new Read(List.of(), "There is no recordings folder yet (" + folder + "). Recordings appear here"
                    + " once a camera records (Record, or a recording mode in Manage cameras).");
        } catch (IOException e) {
            return new Read(List.of(), "The recordings folder " + folder + " cannot be read (" + e.getMessage() + ").");
        }
    }

    /** The days {@code camera} has recordings, newest first, each with their number and size. */
    static List<ReviewModel.DayChoice> days(List<Recording> catalog, String camera) {
        List<ReviewModel.DayChoice> list = new ArrayList<>();
        for (Recording r : catalog) {
            if (!r.camera().equals(camera)) {
                continue;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last).day().equals(r.day())) {
                ReviewModel.DayChoice d = list.get(last);
                list.set(last, new ReviewModel.DayChoice(d.day(), d.recordings() + 1, d.bytes() + r.bytes()));
            } else {
                list.add(new ReviewModel.DayChoice(r.day(), 1, r.bytes()));
            }
        }
        Collections.reverse(list);
        return list;
    }
}
