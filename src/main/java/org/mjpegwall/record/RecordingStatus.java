package org.mjpegwall.record;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one recording, for a tile's indicator or a command's progress line.
 *
 * @param state RECORDING, STOPPED or FAILED
 * @param startedAt when {@link Recorder#start} was called
 * @param elapsed time since the start (until the stop, once stopped)
 * @param currentFile the segment being written, or the last one; {@code null} before the first frame
 * @param files every segment of this recording so far, oldest first
 * @param framesWritten frames on disk
 * @param bytesWritten bytes of those files
 * @param framesDropped frames lost because the writer fell behind (queue full)
 * @param lastError why the recording failed, in plain words (e.g. "disk full: /rec/cam.avi"), or {@code null}
 */
public record RecordingStatus(State state, Instant startedAt, Duration elapsed, Path currentFile, List<Path> files,
        long framesWritten, long bytesWritten, long framesDropped, String lastError) {

    public enum State { RECORDING, STOPPED, FAILED }

    public RecordingStatus {
        files = List.copyOf(files);
    }

    public boolean isRecording() {
        return state == State.RECORDING;
    }
}
