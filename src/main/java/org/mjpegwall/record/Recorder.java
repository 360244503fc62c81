package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one camera: a bounded queue that the camera's feed thread fills without ever blocking,
 * and a writer thread of its own that puts each frame, bytes unchanged, into AVI segments ({@link Segments}).
 *
 * <p>Lifecycle: {@link #start} checks the folder, reserves the file names ({@link RecordingNames}) and starts the
 * writer thread (state RECORDING); the first file is created when the first frame arrives. {@link #stop} lets the
 * writer write what is queued, finish the file (index, final headers) and end (STOPPED). An I/O error such as a
 * full disk ends the recording early (FAILED) with a plain-words {@link RecordingStatus#lastError()}
 * ({@link RecordingMessages}), and what was written stays playable. Frames offered after the stop, or after a
 * failure, are ignored. At the start, files an earlier crash left unfinished are repaired ({@link StartupRepair})
 * and, on the writer thread, old ones deleted as the options allow ({@link Retention}).
 *
 * <p>Time: a frame's place in the file comes from its {@link Frame#arrivalNanos()} (monotonic, so a
 * clock change cannot disturb it), on a fine timebase with empty repeat chunks for the gaps (see
 * {@link AviWriter}). Every {@link RecordingOptions#syncInterval()} the headers are rewritten and the
 * file is flushed to the disk, so a crash loses at most about that much plus what was queued.
 *
 * <p>Concurrency: {@link #accept} runs on the feed thread; everything that touches files runs on the
 * writer thread; status fields are volatile or atomic and written only by the writer thread.
 *
 * <pre>{@code
 * RecordingRegistry recordings = new RecordingRegistry(); // one per program
 * Recorder rec = Recorder.start(RecordingOptions.forCamera(Path.of("recordings"), "Front door"), recordings);
 * AutoCloseable sub = feed.subscribe(rec::accept);
 * ...
 * sub.close();
 * rec.stop();
 * }</pre>
 */
public final class Recorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final long BATCH_NANOS = 50_000_000L;
    /** At most this much frame data waits for one camera's writer (frames are shared, not copied). */
    private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private final RecordingOptions options;
    private final RecordingListener listener;
    private final RecordingRegistry registry;
    private final Segments segments;
    private final BlockingQueue<Frame> queue;
    private final Frame stopMarker = new Frame(new byte[0], -1, 0, 0);
    private final Frame clipMarker = new Frame(new byte[0], -2, 0, 0);
    /** A clip end that found the queue full; it is queued before the next frame (never lost, never reordered). */
    private final java.util.concurrent.atomic.AtomicBoolean clipEndPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final Thread thread;
    private final CompletableFuture<RecordingStatus> done = new CompletableFuture<>();
    private final Instant startedAt;
    private final long startNanos;

    private volatile RecordingStatus.State state = RecordingStatus.State.RECORDING;
    private volatile boolean stopRequested;
    private volatile String lastError;
    private volatile long stopNanos;
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private Thread repairThread;
    /** Finishes the file when the program exits normally without stopping the recording first. */
    private final Thread shutdownHook = new Thread(() -> {
        try {
            stopAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway; an unfinished file is repaired on the next start
        }
    }, "record-exit");

    private Recorder(RecordingOptions options, RecordingListener listener, ChannelOpener opener,
            RecordingRegistry registry, RecordingNames names) {
        this.options = options;
        this.listener = listener;
        this.registry = registry;
        this.segments = new Segments(options, opener, names, registry, this::notifyListener);
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity() + 1);
        this.startedAt = options.clock().instant();
        this.startNanos = options.nanoClock().getAsLong();
        this.thread = new Thread(this::run, "record-" + options.cameraName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts recording; frames go in through {@link #accept}.
     *
     * @param registry the program's recordings (one registry for every recorder of the program)
     * @throws IOException with a plain-words message if the folder is missing or not writable, or
     *     (with an exact file) if that file or one of its numbered segments already exists
     */
    public static Recorder start(RecordingOptions options, RecordingRegistry registry) throws IOException {
        return start(options, registry, null);
    }

    /** Like {@link #start(RecordingOptions, RecordingRegistry)}, calling {@code listener} on each change of state or file. */
    public static Recorder start(RecordingOptions options, RecordingRegistry registry, RecordingListener listener)
            throws IOException {
        return start(options, registry, listener, ChannelOpener.FILES);
    }

    static Recorder start(RecordingOptions options, RecordingRegistry registry, RecordingListener listener,
            ChannelOpener opener) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(opener, "opener");
        RecordingMessages.checkFolder(options.directory());
        RecordingNames names = RecordingNames.reserve(options, registry);
        Recorder r;
        List<Path> earlier;
        try {
            r = new Recorder(options, listener, opener, registry, names);
            // Listed before the writer creates its first file, so the repair never touches this recording.
            earlier = names.ownFilesOldestFirst();
        } catch (IOException | RuntimeException e) {
            names.release(registry);
            throw e;
        }
        registry.started(r); // before the writer runs, so that its end always follows
        r.thread.start();
        r.repairThread = StartupRepair.start(earlier, registry, options.cameraName());
        try {
            Runtime.getRuntime().addShutdownHook(r.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the file is repaired on the next start if need be
        }
        log.info("Recording {} to {}", options.cameraName(), names.firstFile());
        return r;
    }

    /**
     * Queues a frame for writing. Never blocks: if the writer is behind by a full queue, the frame is
     * dropped and counted in {@link RecordingStatus#framesDropped()}.
     */
    public void accept(Frame frame) {
        if (stopRequested || state != RecordingStatus.State.RECORDING || frame == null) {
            return;
        }
        if (!queueClipEnd()) {
            framesDropped.incrementAndGet(); // the frame would land in the clip that ended
            return;
        }
        // One slot stays free for the stop marker. The byte bound keeps a stalled disk with big frames
        // from filling the heap; the check and the add are not atomic, so it may overshoot by a frame.
        if (queue.size() >= options.queueCapacity() || queuedBytes.get() + frame.size() > MAX_QUEUED_BYTES
                || !queue.offer(frame)) {
            long n = framesDropped.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                log.warn("Recording {} is behind: {} frames dropped so far", options.cameraName(), n);
            }
        } else {
            queuedBytes.addAndGet(frame.size());
        }
    }

    /**
     * Ends the current clip: the writer finishes the open file (index, headers) once it has written the frames
     * queued before, and the next frame starts a new file (named by that frame's time, or the next number after
     * an exact file). Never blocks. Recording on motion ({@link TriggeredRecorder}) makes one clip per event.
     */
    public void endClip() {
        if (stopRequested || state != RecordingStatus.State.RECORDING) {
            return;
        }
        clipEndPending.set(true);
        queueClipEnd();
        LockSupport.unpark(thread);
    }

    /** @return false if a clip end is still waiting for room in the queue */
    private boolean queueClipEnd() {
        if (!clipEndPending.get()) {
            return true;
        }
        if (queue.size() < options.queueCapacity() && clipEndPending.compareAndSet(true, false)) {
            if (queue.offer(clipMarker)) {
                return true;
            }
            clipEndPending.set(true);
        }
        return false;
    }

    /** A snapshot of the recording; cheap, never blocks, callable from any thread (e.g. a UI timer). */
    public RecordingStatus status() {
        long end = stopNanos != 0 ? stopNanos : options.nanoClock().getAsLong();
        return new RecordingStatus(state, startedAt, Duration.ofNanos(Math.max(0, end - startNanos)),
                segments.currentFile(), new ArrayList<>(segments.files()), segments.framesWritten(),
                segments.bytesWritten(), framesDropped.get(), lastError);
    }

    /**
     * Asks the writer to write what is queued, finish the file and end. Never blocks.
     *
     * @return completes with the final status
     */
    public CompletableFuture<RecordingStatus> stopAsync() {
        stopRequested = true;
        queue.offer(stopMarker);
        LockSupport.unpark(thread);
        return done;
    }

    /** Writes what is queued, finishes the file and waits for the writer to end. Idempotent. */
    public void stop() {
        CompletableFuture<RecordingStatus> f = stopAsync();
        if (Thread.currentThread() != thread) {
            f.join();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The options this recording was started with. */
    public RecordingOptions options() {
        return options;
    }

    /** The writer thread's name, for diagnostics. */
    public String threadName() {
        return thread.getName();
    }

    /** For tests: waits until the start-up repair of earlier files is done. */
    void awaitRepair() throws InterruptedException {
        repairThread.join();
    }

    // ---- writer thread ----

    private void run() {
        try {
            segments.applyRetention();
            List<Frame> batch = new ArrayList<>();
            boolean stopping = false;
            while (!stopping) {
                // Wake on a fixed cadence and take what has arrived, instead of once per frame: fewer
                // thread switches for the feed and the writer; the delay is far below the sync interval.
                LockSupport.parkNanos(BATCH_NANOS);
                batch.clear();
                queue.drainTo(batch);
                for (Frame f : batch) {
                    queuedBytes.addAndGet(-f.size());
                }
                for (Frame f : batch) {
                    if (f == stopMarker) {
                        stopping = true;
                        break;
                    }
                    if (f == clipMarker) {
                        segments.endClip();
                        continue;
                    }
                    if (!segments.write(f)) {
                        framesDropped.incrementAndGet();
                    }
                }
                if (stopRequested && queue.isEmpty()) {
                    stopping = true;
                }
                segments.maybeSync();
            }
            segments.finish();
            finish(RecordingStatus.State.STOPPED);
            log.info("Recording {} stopped: {} frames in {} file(s)", options.cameraName(), segments.framesWritten(),
                    segments.files().size());
        } catch (IOException e) {
            fail(RecordingMessages.describe(e, segments.currentFile(), options.directory()));
        } catch (RuntimeException | Error e) {
            fail("recording failed: " + e);
            log.error("Recording {} failed", options.cameraName(), e);
        }
    }

    private void finish(RecordingStatus.State end) {
        segments.names().release(registry);
        registry.ended(this);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is what stopped us
        }
        stopNanos = options.nanoClock().getAsLong();
        state = end;
        queue.clear();
        RecordingStatus s = status();
        notifyListener();
        done.complete(s);
    }

    private void fail(String message) {
        lastError = message;
        log.warn("Recording {} stopped: {}", options.cameraName(), message);
        segments.abort();
        finish(RecordingStatus.State.FAILED);
    }

    private void notifyListener() {
        if (listener == null) {
            return;
        }
        try {
            listener.statusChanged(status());
        } catch (RuntimeException e) {
            log.warn("Recording listener failed", e);
        }
    }
}
