package org.mjpegwall.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private final Set<Recorder> running = ConcurrentHashMap.newKeySet();
    /** Set once by {@link #stopAll()}: a recorder that starts later is stopped at once. */
    private volatile boolean stopping;

    /**
     * One recording asked to stop by {@link #stopAll()}.
     *
     * @param camera the camera's name, for messages
     * @param finished completes when its file is finished (index, headers)
     */
    public record Stop(String camera, CompletableFuture<RecordingStatus> finished) {
    }

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

    /** A recorder of this program started; one that starts while the program stops is stopped at once. */
    void started(Recorder recorder) {
        running.add(recorder);
        if (stopping) { // read after the add: stopAll() either sees this recorder or we see its flag
            recorder.stopAsync();
        }
    }

    /** The recorder's writer ended (stopped or failed). */
    void ended(Recorder recorder) {
        running.remove(recorder);
    }

    /**
     * Stops every recording of the program, whoever started it, and every one that starts from now on: each
     * writes what is queued and finishes its file. Never blocks; the program's stop waits on the results, with a
     * limit of its own. Why here: a recorder still starting on another thread when the program stops is not yet
     * known to its owner, but it is known here.
     */
    public List<Stop> stopAll() {
        stopping = true;
        List<Stop> stops = new ArrayList<>();
        for (Recorder r : running) {
            stops.add(new Stop(r.options().cameraName(), r.stopAsync()));
        }
        return stops;
    }

    /** Whether no recording runs and no file is being written; for tests, to show nothing leaks. */
    boolean isEmpty() {
        return bases.isEmpty() && writing.isEmpty() && running.isEmpty();
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
