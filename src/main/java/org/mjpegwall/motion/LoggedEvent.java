package org.mjpegwall.motion;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the event log keeps it on disk.
 *
 * @param id unique within the log: the start day and time, and the camera ({@code 2026-11-30_031205-123_cam-7})
 * @param camera the camera's id
 * @param name the camera's name at the time
 * @param start first motion frame
 * @param end last motion frame, or {@code null} if the program stopped (crashed) before the event ended
 * @param peakScore highest score, 0..1
 * @param peakArea largest changed fraction, 0..1
 * @param box where the key frame moved, or {@code null}
 * @param keyFrame file name of the key frame in the log's folder, or {@code null}
 */
public record LoggedEvent(String id, String camera, String name, Instant start, Instant end, double peakScore,
        double peakArea, Box box, String keyFrame) {

    public LoggedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(start, "start");
        name = name == null ? "" : name;
    }

    /** True if the log never saw the event end. */
    public boolean unfinished() {
        return end == null;
    }

    /** The key frame's path in the log folder {@code dir}, or {@code null}; the file may have been deleted by retention. */
    public Path keyFramePath(Path dir) {
        return keyFrame == null ? null : dir.resolve(keyFrame);
    }
}
