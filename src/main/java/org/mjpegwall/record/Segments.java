package org.mjpegwall.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one recording's frames into AVI segments: places each frame on the timebase by its arrival time, starts
 * a new file when the segment is long enough, the frame size changes or the file would grow too big, and syncs
 * the open file every {@link RecordingOptions#syncInterval()}.
 *
 * <p>Confined to the recording's writer thread, except the figures ({@link #files()}, {@link #currentFile()},
 * {@link #framesWritten()}, {@link #bytesWritten()}), which any thread may read.
 */
final class Segments {
    private static final Logger log = LoggerFactory.getLogger(Segments.class);

    private final RecordingOptions options;
    private final ChannelOpener opener;
    private RecordingNames names; // writer thread; swapped when a clip is named by its own time
    private final RecordingRegistry registry;
    private final Retention retention;
    private final Runnable onNewFile;

    private final List<Path> files = new CopyOnWriteArrayList<>();
    private volatile Path currentFile;
    private volatile long framesWritten;
    private volatile long bytesWritten;

    // Writer-thread state.
    private AviWriter writer;
    private long closedBytes;
    private long segmentStartNanos;
    private long lastSyncNanos;
    private long lastTick;
    private double intervalTicks = -1;
    private int segmentNumber;
    private boolean unsynced;
    private boolean newClip;

    /** @param onNewFile told (on the writer thread) after each new file is created */
    Segments(RecordingOptions options, ChannelOpener opener, RecordingNames names, RecordingRegistry registry,
            Runnable onNewFile) {
        this.options = options;
        this.opener = opener;
        this.names = names;
        this.registry = registry;
        this.retention = new Retention(options, names, registry);
        this.onNewFile = onNewFile;
    }

    /** The names in use (the latest clip's); the recorder releases them at its end. */
    RecordingNames names() {
        return names;
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    Path currentFile() {
        return currentFile;
    }

    long framesWritten() {
        return framesWritten;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** Deletes what retention allows (at the start, and after each finished segment). */
    void applyRetention() {
        retention.apply(writer != null ? writer.file() : null);
    }

    /**
     * Writes a frame, bytes unchanged.
     *
     * @return false if the frame is not a JPEG (it is skipped)
     * @throws IOException if the file cannot be written; the recording then ends (see {@link #abort()})
     */
    boolean write(Frame f) throws IOException {
        byte[] jpeg = f.jpeg();
        Jpeg.Size info = Jpeg.size(jpeg, 0, jpeg.length);
        if (info == null) {
            log.debug("Recording {}: skipped a frame that is not a JPEG", options.cameraName());
            return false;
        }
        long t = f.arrivalNanos();
        if (writer != null) {
            long tick = tickOf(t);
            long segmentTicks = (long) Math.ceil(options.segmentLength().toNanos() * 1e-9 * options.ticksPerSecond());
            if (t - segmentStartNanos >= options.segmentLength().toNanos()) {
                // Continuous streams end exactly where the next segment starts; after a long gap the old segment
                // stops near its nominal length instead of filling the gap.
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
            if (newClip) {
                startClip(f);
            }
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
        return true;
    }

    /** Brings the open file's headers up to date and flushes it, once per sync interval. */
    void maybeSync() throws IOException {
        long now = options.nanoClock().getAsLong();
        if (writer != null && unsynced && now - lastSyncNanos >= options.syncInterval().toNanos()) {
            writer.sync(true);
            lastSyncNanos = now;
            unsynced = false;
        }
    }

    /** Finishes the open file (index, final headers); its last frame lasts one usual frame interval. */
    void finish() throws IOException {
        finishSegment(lastTick + Math.max(1, Math.round(intervalTicks)));
    }

    /**
     * Ends a clip: finishes the open file (if any), so that the next frame starts a new one. With names by camera
     * and time, the new file is named by that frame's time ({@code Yard_2026-11-30_03-12-00.avi}); with an exact
     * file, the numbering goes on ({@code FILE-002.avi}).
     */
    void endClip() throws IOException {
        finish();
        newClip = true;
    }

    private void startClip(Frame first) throws IOException {
        newClip = false;
        if (!names.namedByTime()) {
            return;
        }
        java.time.Instant time = first.timestamp() > 0 ? java.time.Instant.ofEpochMilli(first.timestamp())
                : options.clock().instant();
        RecordingNames next = RecordingNames.reserve(options, registry, time);
        names.release(registry);
        names = next;
        segmentNumber = 0;
    }

    /**
     * After a write error: leaves the open file playable without its index (the next start repairs it), and drops
     * it from the list if it holds no frame.
     */
    void abort() {
        if (writer == null) {
            return;
        }
        IOException noIndex = writer.abort();
        if (noIndex != null) {
            log.warn("Recording {}: {} has no index ({}); it still plays and is repaired on the next start",
                    options.cameraName(), writer.file(), noIndex.getMessage());
        }
        registry.written(writer.file());
        closedBytes += writer.size();
        bytesWritten = closedBytes;
        if (writer.frames() == 0) {
            files.remove(writer.file());
        }
        writer = null;
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
        Path path = names.segment(segmentNumber);
        registry.writing(path);
        try {
            writer = new AviWriter(opener.open(path), path, options.ticksPerSecond(), options.maxSegmentBytes());
        } catch (IOException | RuntimeException e) {
            registry.written(path);
            throw e;
        }
        segmentStartNanos = t;
        lastSyncNanos = options.nanoClock().getAsLong();
        lastTick = 0;
        files.add(path);
        currentFile = path;
        onNewFile.run();
    }

    private void finishSegment(long endTick) throws IOException {
        if (writer == null) {
            return;
        }
        AviWriter w = writer;
        w.finish(endTick); // if this fails, writer stays set, so abort() cuts the file back and closes it
        writer = null;
        registry.written(w.file());
        closedBytes += w.size();
        bytesWritten = closedBytes;
        applyRetention();
    }

    /**
     * Makes the new file's name survive a power loss (its directory entry is on disk). Works on Linux and macOS;
     * elsewhere opening a directory fails, and the file system's own journal has to do.
     */
    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot flush folder {}: {}", dir, e.toString());
        }
    }
}
