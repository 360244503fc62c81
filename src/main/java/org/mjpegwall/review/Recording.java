package org.mjpegwall.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One recording in a folder: a camera's segments {@code base.avi}, {@code base-002.avi}, … in play order, with
 * their total size.
 *
 * @param camera the camera's name as the file names carry it (or the base name of a file named by hand)
 * @param day the day it started: from the name, or the first file's last-modified day
 * @param start when it started, from the name; {@code null} for a file named by hand
 */
public record Recording(String camera, LocalDate day, LocalDateTime start, String base, List<Path> segments,
        long bytes) {
    public Recording {
        segments = List.copyOf(segments);
    }

    /** The recording's timeline, each segment's index read once through {@code cache}. */
    public Timeline timeline(IndexCache cache) throws IOException {
        List<RecordingIndex> indexes = new ArrayList<>(segments.size());
        for (Path p : segments) {
            indexes.add(cache.open(p));
        }
        return Timeline.of(indexes);
    }
}
