package org.mjpegwall.motion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log on disk: a JSON line per event state in {@code <dir>/YYYY-MM-DD.jsonl} (the day the
 * event started) and its key frame as {@code .jpg} beside it; read back with {@link EventLogReader}.
 * A listener: register it with the analysers, and every event is written when it starts (so a crash
 * leaves an unfinished event, not nothing) and again when it ends (the later line wins).
 *
 * <p>Crash-safe: each line is appended with one write and forced to disk, so a kill -9 or a power cut
 * loses at most the line being written; a torn last line is skipped by the reader and cut off from the
 * next line by a newline when the file is next appended to. Key frames are written to a temporary
 * file and renamed into place. Bounded by {@link EventRetention}, applied at start and once a minute.
 *
 * <p>Threads: {@link #append} and the listener methods only queue (never block; when the queue is
 * full the event is dropped and counted); one writer thread does all file work.
 */
public final class EventLog implements MotionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final int QUEUE = 256;
    private static final Duration RETENTION_EVERY = Duration.ofMinutes(1);
    private static final Object RETAIN = new Object();
    private static final Object STOP = new Object();

    private final Path dir;
    private volatile EventRetention retention;
    private final Clock clock;
    private final ZoneId zone;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastError;
    private volatile boolean closed;

    // Writer thread only.
    private LocalDate openDay;
    private FileChannel channel;
    /** Open events: id -> the key frame written for it (to rewrite it only when it changed). */
    private final Map<String, Frame> openEvents = new HashMap<>();
    private final Map<String, LocalDate> openEventDays = new HashMap<>();
    private long lastRetentionNanos;

    /** What the log has done so far. */
    public record Stats(long written, long dropped, long failed, String lastError) {
    }

    private EventLog(Path dir, EventRetention retention, Clock clock, ZoneId zone) {
        this.dir = dir;
        this.retention = retention;
        this.clock = clock;
        this.zone = zone;
        this.writer = new Thread(this::writeLoop, "motion-event-log");
        this.writer.setDaemon(true);
    }

    /** Opens (creating) the log folder, usually {@code <recordings>/events}, with the system clock and time zone. */
    public static EventLog open(Path dir, EventRetention retention) throws IOException {
        return open(dir, retention, Clock.systemDefaultZone(), ZoneId.systemDefault());
    }

    /**
     * @throws IOException if the folder cannot be created
     */
    public static EventLog open(Path dir, EventRetention retention, Clock clock, ZoneId zone) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        EventLog log = new EventLog(dir, Objects.requireNonNull(retention, "retention"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(zone, "zone"));
        log.writer.start();
        return log;
    }

    public Path dir() {
        return dir;
    }

    /** Queues the event (open or ended) for writing; never blocks. */
    public void append(MotionEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed || !queue.offer(event)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("Event log {}: event of camera {} dropped ({})", dir, event.camera(),
                        closed ? "log closed" : "the disk is too slow");
            }
        }
    }

    @Override
    public void eventStarted(MotionEvent event) {
        append(event);
    }

    @Override
    public void eventEnded(MotionEvent event) {
        append(event);
    }

    /** Waits (at most {@code timeout}) until everything queued so far is on disk; false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!queue.offer(done, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** New limits (a user changed them): applied soon, on the writer thread, and then once a minute. */
    public void retention(EventRetention value) {
        retention = Objects.requireNonNull(value, "retention");
        retainNow();
    }

    /** Applies the retention limits soon (on the writer thread), as it does once a minute anyway. */
    void retainNow() {
        if (!queue.offer(RETAIN)) {
            LOG.debug("Event log {}: queue full, retention waits for its minute", dir);
        }
    }

    public Stats stats() {
        return new Stats(written.get(), dropped.get(), failed.get(), lastError);
    }

    /** Writes what was queued before (waiting at most 5 s) and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // No interrupt: it would close the file channel under a write in progress (ClosedByInterruptException).
        queue.offer(STOP); // after everything queued before; if the queue is full, the writer stops once it is empty
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        removeTemporaryFiles();
        applyRetention();
        try {
            while (true) {
                Object item;
                try {
                    item = queue.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    item = null;
                }
                if (item == STOP || (item == null && closed && queue.isEmpty())) {
                    break;
                }
                if (item instanceof MotionEvent e) {
                    write(e);
                } else if (item instanceof CompletableFuture<?> f) {
                    f.complete(null);
                }
                if (item == RETAIN || System.nanoTime() - lastRetentionNanos > RETENTION_EVERY.toNanos()) {
                    applyRetention();
                }
            }
        } finally {
            closeChannel();
        }
    }

    private void write(MotionEvent e) {
        String id = EventFiles.id(e.camera(), e.start(), zone);
        LocalDate day = EventFiles.day(e.start(), zone);
        try {
            Frame writtenFrame = openEvents.get(id);
            if (writtenFrame != e.keyFrame()) {
                writeKeyFrame(id, e.keyFrame());
            }
            if (e.open()) {
                openEvents.put(id, e.keyFrame());
                openEventDays.put(id, day);
            } else {
                openEvents.remove(id);
                openEventDays.remove(id);
            }
            appendLine(day, EventFiles.line(id, e));
            written.incrementAndGet();
        } catch (IOException | RuntimeException ex) {
            String why = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            lastError = why;
            if (failed.incrementAndGet() == 1 || failed.get() % 100 == 0) {
                LOG.warn("Event log {}: cannot write an event of camera {}: {}", dir, e.camera(), why);
            }
            closeChannel(); // start with a fresh file handle next time
        }
    }

    private void writeKeyFrame(String id, Frame frame) throws IOException {
        Path target = dir.resolve(EventFiles.keyFrame(id));
        Path temp = dir.resolve(EventFiles.keyFrame(id) + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(frame.jpeg());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void appendLine(LocalDate day, byte[] line) throws IOException {
        FileChannel ch = channelFor(day);
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            ch.write(b);
        }
        ch.force(false);
    }

    /** The day's file, open for appending; a torn last line (from a crash) gets its newline first. */
    private FileChannel channelFor(LocalDate day) throws IOException {
        if (channel != null && day.equals(openDay)) {
            return channel;
        }
        closeChannel();
        // Not APPEND (Java refuses READ with it); this thread is the file's only writer, so writing at the end is the same.
        FileChannel ch = FileChannel.open(dir.resolve(EventFiles.dayFile(day)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ch.position(size);
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
                }
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        openDay = day;
        return ch;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Event log {}: closing failed", dir, e);
            }
            channel = null;
            openDay = null;
        }
    }

    /** Key frames half-written when the program stopped (its own names only). */
    private void removeTemporaryFiles() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (EventFiles.KEY_FRAME_TEMP.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Event log {}: cannot tidy up: {}", dir, e.toString());
        }
    }

    private void applyRetention() {
        lastRetentionNanos = System.nanoTime();
        Set<LocalDate> keepDays = new HashSet<>(openEventDays.values());
        keepDays.add(LocalDate.now(clock.withZone(zone)));
        if (openDay != null) {
            keepDays.add(openDay);
        }
        Set<String> keepFiles = new HashSet<>();
        for (String id : openEvents.keySet()) {
            keepFiles.add(EventFiles.keyFrame(id));
        }
        try {
            int n = retention.apply(dir, clock.instant(), zone, keepDays, keepFiles);
            if (n > 0) {
                LOG.info("Event log {}: retention deleted {} old file(s)", dir, n);
            }
        } catch (IOException e) {
            LOG.warn("Event log {}: retention failed: {}", dir, e.toString());
        }
    }
}
