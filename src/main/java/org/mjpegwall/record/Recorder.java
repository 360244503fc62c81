package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one camera: a bounded queue that the camera's feed thread fills without ever blocking,
 * and a writer thread of its own that puts each frame, bytes unchanged, into AVI segments.
 *
 * <p>Lifecycle: {@link #start} checks the folder and starts the writer thread (state RECORDING);
 * the first file is created when the first frame arrives. {@link #stop} lets the writer write what is
 * queued, finish the file (index, final headers) and end (STOPPED). An I/O error such as a full disk
 * ends the recording early (FAILED) with a plain-words {@link RecordingStatus#lastError()}, and what
 * was written stays playable. Frames offered after the stop, or after a failure, are ignored.
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
 * Recorder rec = Recorder.start(RecordingOptions.forCamera(Path.of("recordings"), "Front door"));
 * AutoCloseable sub = feed.subscribe(rec::accept);
 * ...
 * sub.close();
 * rec.stop();
 * }</pre>
 */
public final class Recorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)");
    private static final long BATCH_NANOS = 50_000_000L;
    /** At most this much frame data waits for one camera's writer (frames are shared, not copied). */
    private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private final RecordingOptions options;
    private final RecordingListener listener;
    private final ChannelOpener opener;
    private final BlockingQueue<Frame> queue;
    private final Frame stopMarker = new Frame(new byte[0], -1, 0, 0);
    private final Thread thread;
    private final CompletableFuture<RecordingStatus> done = new CompletableFuture<>();
    private final Instant startedAt;
    private final long startNanos;
    private final String baseName;
    private final Pattern ownFiles;

    private volatile RecordingStatus.State state = RecordingStatus.State.RECORDING;
    private volatile boolean stopRequested;
    private volatile String lastError;
    private volatile long stopNanos;
    private volatile Path currentFile;
    private volatile long framesWritten;
    private volatile long bytesWritten;
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final List<Path> files = new CopyOnWriteArrayList<>();
    private Thread repairThread;
    /** Finishes the file when the program exits normally without stopping the recording first. */
    private final Thread shutdownHook = new Thread(() -> {
        try {
            stopAsync().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway; an unfinished file is repaired on the next start
        }
    }, "record-exit");

    // Writer-thread state.
    private AviWriter writer;
    private long closedBytes;
    private long segmentStartNanos;
    private long lastSyncNanos;
    private long lastTick;
    private double intervalTicks = -1;
    private int segmentNumber;
    private boolean unsynced;

    private Recorder(RecordingOptions options, RecordingListener listener, ChannelOpener opener, String baseName,
            Pattern ownFiles) {
        this.options = options;
        this.listener = listener;
        this.opener = opener;
        this.baseName = baseName;
        this.ownFiles = ownFiles;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity() + 1);
        this.startedAt = options.clock().instant();
        this.startNanos = options.nanoClock().getAsLong();
        this.thread = new Thread(this::run, "record-" + options.cameraName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts recording; frames go in through {@link #accept}.
     *
     * @throws IOException with a plain-words message if the folder is missing or not writable, or
     *     (with an exact file) if that file or one of its numbered segments already exists
     */
    public static Recorder start(RecordingOptions options) throws IOException {
        return start(options, null);
    }

    /** Like {@link #start(RecordingOptions)}, calling {@code listener} on each change of state or file. */
    public static Recorder start(RecordingOptions options, RecordingListener listener) throws IOException {
        return start(options, listener, ChannelOpener.FILES);
    }

    static Recorder start(RecordingOptions options, RecordingListener listener, ChannelOpener opener)
            throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(opener, "opener");
        Path dir = options.directory();
        checkFolder(dir);
        String base;
        Pattern own;
        if (options.exactFile() != null) {
            String name = options.exactFile().getFileName().toString();
            base = name.substring(0, name.length() - 4);
            own = Pattern.compile(Pattern.quote(base) + "(-\\d{3,})?\\.(?i:avi)");
            try (Stream<Path> list = Files.list(dir)) {
                Path existing = list.filter(p -> own.matcher(p.getFileName().toString()).matches()).sorted()
                        .findFirst().orElse(null);
                if (existing != null) {
                    throw new FileAlreadyExistsException(existing.toString(), null,
                            "already exists; choose another name or move the old recording away");
                }
            }
            if (!reserve(dir, base)) {
                throw new FileAlreadyExistsException(options.exactFile().toString(), null,
                        "is being recorded already");
            }
        } else {
            String camera = sanitise(options.cameraName());
            String stamp = LocalDateTime.ofInstant(options.clock().instant(), options.clock().getZone()).format(STAMP);
            base = camera + "_" + stamp;
            // Two cameras with the same name may start in the same second: the reservation keeps them apart.
            for (int n = 2; Files.exists(dir.resolve(base + ".avi")) || !reserve(dir, base); n++) {
                base = camera + "_" + stamp + "_" + n;
            }
            own = Pattern.compile(Pattern.quote(camera)
                    + "_\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(_\\d+)?(-\\d{3,})?\\.avi");
        }
        Recorder r;
        List<Path> earlier;
        try {
            r = new Recorder(options, listener, opener, base, own);
            // Listed before the writer creates its first file, so the repair never touches this recording.
            earlier = r.ownFilesOldestFirst();
        } catch (IOException | RuntimeException e) {
            BASES_IN_USE.remove(baseKey(dir, base));
            throw e;
        }
        r.thread.start();
        r.repairThread = r.repairEarlier(earlier);
        try {
            Runtime.getRuntime().addShutdownHook(r.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the file is repaired on the next start if need be
        }
        log.info("Recording {} to {}", options.cameraName(), dir.resolve(base + ".avi"));
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

    /** A snapshot of the recording; cheap, never blocks, callable from any thread (e.g. a UI timer). */
    public RecordingStatus status() {
        long end = stopNanos != 0 ? stopNanos : options.nanoClock().getAsLong();
        return new RecordingStatus(state, startedAt, Duration.ofNanos(Math.max(0, end - startNanos)), currentFile,
                new ArrayList<>(files), framesWritten, bytesWritten, framesDropped.get(), lastError);
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

    // ---- writer thread ----

    private void run() {
        try {
            applyRetention();
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
                    write(f);
                }
                if (stopRequested && queue.isEmpty()) {
                    stopping = true;
                }
                maybeSync();
            }
            finishSegment(lastTick + Math.max(1, Math.round(intervalTicks)));
            finish(RecordingStatus.State.STOPPED);
            log.info("Recording {} stopped: {} frames in {} file(s)", options.cameraName(), framesWritten,
                    files.size());
        } catch (IOException e) {
            fail(describe(e));
        } catch (RuntimeException | Error e) {
            fail("recording failed: " + e);
            log.error("Recording {} failed", options.cameraName(), e);
        }
    }

    private void write(Frame f) throws IOException {
        byte[] jpeg = f.jpeg();
        Jpeg.Size info = Jpeg.size(jpeg, 0, jpeg.length);
        if (info == null) {
            framesDropped.incrementAndGet();
            log.debug("Recording {}: skipped a frame that is not a JPEG", options.cameraName());
            return;
        }
        long t = f.arrivalNanos();
        if (writer != null) {
            long tick = tickOf(t);
            long segmentTicks = (long) Math.ceil(options.segmentLength().toNanos() * 1e-9 * options.ticksPerSecond());
            if (t - segmentStartNanos >= options.segmentLength().toNanos()) {
                // Continuous streams end exactly where the next segment starts; after a long gap the
                // old segment stops near its nominal length instead of filling the gap.
                finishSegment(Math.min(tick, segmentTicks + options.ticksPerSecond()));
            } else if (info.width() != writer.width() || info.height() != writer.height()) {
                log.info("Recording {}: frame size changed to {}x{}, starting a new file", options.cameraName(),
                        info.width(), info.height());
                finishSegment(tick);
            } else if (!writer.fits(jpeg.length, Math.max(writer.ticks(), tick))) {
                finishSegment(tick);
            }
        }
        if (writer == null) {
            openSegment(t);
        }
        long tick = Math.max(writer.ticks(), tickOf(t));
        if (!writer.fits(jpeg.length, tick)) {
            throw new IOException("frame of " + jpeg.length + " bytes is too large for an AVI file");
        }
        if (writer.frames() > 0) {
            long gap = tick - lastTick;
            intervalTicks = intervalTicks < 0 ? gap : intervalTicks * 0.9 + gap * 0.1;
        }
        writer.writeFrame(jpeg, tick);
        lastTick = tick;
        framesWritten++;
        unsynced = true;
        bytesWritten = closedBytes + writer.size();
        if (writer.frames() == 1) {
            writer.sync(false); // the file is valid from its first frame on
            syncDirectory(writer.file().getParent());
        }
    }

    private long tickOf(long nanos) {
        long d = nanos - segmentStartNanos;
        if (d <= 0) {
            return 0;
        }
        return (d / 1_000_000L * options.ticksPerSecond() + 500) / 1000;
    }

    private void openSegment(long t) throws IOException {
        segmentNumber++;
        Path path = segmentPath(segmentNumber);
        WRITING.add(path.toAbsolutePath().normalize());
        try {
            writer = new AviWriter(opener.open(path), path, options.ticksPerSecond(), options.maxSegmentBytes());
        } catch (IOException | RuntimeException e) {
            WRITING.remove(path.toAbsolutePath().normalize());
            throw e;
        }
        segmentStartNanos = t;
        lastSyncNanos = options.nanoClock().getAsLong();
        lastTick = 0;
        files.add(path);
        currentFile = path;
        notifyListener();
    }

    private Path segmentPath(int n) {
        if (n == 1 && options.exactFile() != null) {
            return options.exactFile();
        }
        return options.directory().resolve(n == 1 ? baseName + ".avi" : String.format(Locale.ROOT, "%s-%03d.avi",
                baseName, n));
    }

    private void maybeSync() throws IOException {
        long now = options.nanoClock().getAsLong();
        if (writer != null && unsynced && now - lastSyncNanos >= options.syncInterval().toNanos()) {
            writer.sync(true);
            lastSyncNanos = now;
            unsynced = false;
        }
    }

    private void finishSegment(long endTick) throws IOException {
        if (writer == null) {
            return;
        }
        AviWriter w = writer;
        w.finish(endTick); // if this fails, writer stays set, so fail() cuts the file back and closes it
        writer = null;
        WRITING.remove(w.file().toAbsolutePath().normalize());
        closedBytes += w.size();
        bytesWritten = closedBytes;
        applyRetention();
    }

    private void finish(RecordingStatus.State end) {
        BASES_IN_USE.remove(baseKey(options.directory(), baseName));
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
        if (writer != null) {
            IOException noIndex = writer.abort();
            if (noIndex != null) {
                log.warn("Recording {}: {} has no index ({}); it still plays and is repaired on the next start",
                        options.cameraName(), writer.file(), noIndex.getMessage());
            }
            WRITING.remove(writer.file().toAbsolutePath().normalize());
            closedBytes += writer.size();
            bytesWritten = closedBytes;
            if (writer.frames() == 0) {
                files.remove(writer.file());
            }
            writer = null;
        }
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

    private String describe(IOException e) {
        Path file = currentFile != null ? currentFile : options.directory();
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "disk full: " + file;
        }
        if (lower.contains("quota")) {
            return "disk quota exceeded: " + file;
        }
        if (lower.contains("read-only")) {
            return "the disk is read-only: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return "not allowed to write: " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof NoSuchFileException) {
            return "folder missing: " + options.directory();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file already exists: " + ((FileAlreadyExistsException) e).getFile();
        }
        return "write error on " + file + ": " + reason;
    }

    // ---- housekeeping: repair earlier unfinished files; retention (on the writer thread) ----

    /** Repairs, on a thread of its own, files that an earlier crash left unfinished. */
    private Thread repairEarlier(List<Path> earlier) {
        Thread t = new Thread(() -> {
            for (Path p : earlier) {
                try {
                    if (Files.exists(p) && !isBeingWritten(p) && !AviRepair.isComplete(p)) {
                        // The same rules as the repair command: only our files change, never to fewer frames.
                        AviRepair.Result r = AviRepair.repair(p);
                        if (!r.succeeded()) {
                            log.warn("Recording {}: left {} unchanged: {}", options.cameraName(), p, r.message());
                        }
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile (retention): nothing to repair
                } catch (IOException | RuntimeException e) {
                    log.warn("Recording {}: could not repair {}: {}", options.cameraName(), p, e.toString());
                }
            }
        }, "record-repair-" + options.cameraName());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** For tests: waits until the start-up repair of earlier files is done. */
    void awaitRepair() throws InterruptedException {
        repairThread.join();
    }

    private List<Path> ownFilesOldestFirst() throws IOException {
        try (Stream<Path> list = Files.list(options.directory())) {
            return list.filter(p -> ownFiles.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Long.compare(modified(a), modified(b)))
                    .toList();
        }
    }

    /** Runs on the writer thread only, so it can never race with the file being written. */
    private void applyRetention() {
        if (options.retentionBytes() <= 0 && options.retentionAge() == null) {
            return;
        }
        try {
            List<Path> own = new ArrayList<>(ownFilesOldestFirst());
            Path open = writer != null ? writer.file() : null;
            long total = 0;
            for (Path p : own) {
                total += Files.size(p);
            }
            long now = options.clock().millis();
            for (Path p : own) {
                if (p.equals(open) || isBeingWritten(p)) {
                    continue;
                }
                boolean tooOld = options.retentionAge() != null
                        && now - modified(p) > options.retentionAge().toMillis();
                boolean tooMuch = options.retentionBytes() > 0 && total > options.retentionBytes();
                if (tooOld || tooMuch) {
                    long size = Files.size(p);
                    Files.deleteIfExists(p);
                    total -= size;
                    log.info("Retention: deleted {} ({})", p, tooOld ? "older than " + options.retentionAge()
                            : "over " + options.retentionBytes() + " bytes");
                }
            }
        } catch (IOException e) {
            log.warn("Recording {}: retention failed: {}", options.cameraName(), e.toString());
        }
    }

    /** Files that a recorder in this JVM is writing; the start-up repair must leave them alone. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
    /** File name bases (folder + name without extension) of the recordings running in this JVM. */
    private static final Set<String> BASES_IN_USE = ConcurrentHashMap.newKeySet();

    static boolean isBeingWritten(Path p) {
        return WRITING.contains(p.toAbsolutePath().normalize());
    }

    /**
     * Makes the new file's name survive a power loss (its directory entry is on disk). Works on Linux
     * and macOS; elsewhere opening a directory fails, and the file system's own journal has to do.
     */
    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot flush folder {}: {}", dir, e.toString());
        }
    }

    private static boolean reserve(Path dir, String base) {
        return BASES_IN_USE.add(baseKey(dir, base));
    }

    private static String baseKey(Path dir, String base) {
        return dir.toAbsolutePath().normalize().resolve(base).toString();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkFolder(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("recordings folder does not exist: " + dir);
        }
        // Files.isWritable trusts permission bits; really creating a file also catches read-only mounts.
        try {
            Path probe = Files.createTempFile(dir, ".mjpeg-wall-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("recordings folder is not writable: " + dir, e);
        }
    }

    /** A camera name made safe for a file name on every OS. */
    static String sanitise(String name) {
        String s = UNSAFE.matcher(name.strip()).replaceAll("_");
        s = s.replaceAll("^[._]+|[._]+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        if (s.isEmpty()) {
            return "camera";
        }
        return RESERVED.matcher(s).matches() ? s + "_" : s;
    }
}
