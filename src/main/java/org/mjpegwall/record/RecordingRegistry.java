package org.mjpegwall.record;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recordings one program runs: the file names they reserved and the files they are writing. Give every
 * {@link Recorder} of a program the same registry (the wall holds one, a command one): then two cameras with the
 * same name that start in the same second never pick the same file, and no recorder's start-up repair or
 * retention touches another's live file.
 *
 * <p>Why an instance and not JVM-wide statics: what a recorder depends on is then in its signature, tests own
 * their registry (and can check it is empty afterwards), and nothing leaks from one test into the next.
 * Thread-safe.
 *
 * <pre>{@code
 * RecordingRegistry recordings = new RecordingRegistry(); // one per program
 * Recorder front = Recorder.start(RecordingOptions.forCamera(dir, "Front door"), recordings);
 * }</pre>
 */
public final class RecordingRegistry {
    /** Folder + file name without extension, of each running recording. */
    private final Set<Path> bases = ConcurrentHashMap.newKeySet();
    private final Set<Path> writing = ConcurrentHashMap.newKeySet();

    /** Reserves the name {@code base} in {@code dir}; false if a running recording has it. */
    boolean reserve(Path dir, String base) {
        return bases.add(key(dir.resolve(base)));
    }

    void release(Path dir, String base) {
        bases.remove(key(dir.resolve(base)));
    }

    /** A recorder of this program opened {@code file} for writing. */
    void writing(Path file) {
        writing.add(key(file));
    }

    /** The recorder finished or abandoned {@code file}. */
    void written(Path file) {
        writing.remove(key(file));
    }

    /** Whether a recorder of this program is writing {@code file} now. */
    public boolean isBeingWritten(Path file) {
        return writing.contains(key(file));
    }

    /** Whether no recording runs and no file is being written; for tests, to show nothing leaks. */
    boolean isEmpty() {
        return bases.isEmpty() && writing.isEmpty();
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
