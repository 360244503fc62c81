package org.mjpegwall.review;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mjpegwall.record.AviWriter;

/**
 * Cuts a time range out of a timeline into a new AVI file: the frames shown in {@code [from, to)}, byte for byte,
 * each at its own tick relative to {@code from} (the frame already showing at {@code from} starts the clip), and the
 * stream padded to {@code to}, so the clip lasts {@code to - from} to within one tick and keeps the recorded timing
 * across segment boundaries. Written by {@link AviWriter}, so the clip carries the program's marker and index.
 * Reads its inputs only; a clip that fails half-way is deleted (this class wrote it).
 */
public final class ClipExport {
    /**
     * What was written.
     *
     * @param frames frames in the clip
     * @param ticks chunks in the clip, empty repeat chunks included
     * @param bytes the clip's size
     */
    public record Result(Path file, int frames, long ticks, int ticksPerSecond, long bytes) {
    }

    /** A clip that cannot be made from these inputs; the message says why in words. */
    public static final class ExportException extends IOException {
        private static final long serialVersionUID = 1L;

        public ExportException(String message) {
            super(message);
        }
    }

    private ClipExport() {
    }

    /**
     * Writes the clip.
     *
     * @throws ExportException for a range outside the timeline, a file not written by MJPEG Wall, a timebase the
     *     writer cannot keep, or a clip too big for one AVI file
     * @throws java.nio.file.FileAlreadyExistsException if {@code out} exists (it is never overwritten)
     */
    public static Result export(Timeline timeline, long fromNanos, long toNanos, Path out) throws IOException {
        check(timeline, fromNanos, toNanos);
        int tps = timeline.ticksPerSecond();
        long fromTick = tickAt(fromNanos, tps);
        long toTick = Math.max(fromTick + 1, tickAt(toNanos, tps));
        int first = timeline.frameAt(fromNanos);
        AviWriter w = AviWriter.create(out, tps);
        boolean done = false;
        try {
            FileChannel open = null;
            RecordingIndex openFile = null;
            try {
                for (int g = first; g < timeline.frameCount(); g++) {
                    long tick = Math.max(0, timeline.frameTick(g) - fromTick);
                    if (g > first && tick >= toTick - fromTick) {
                        break;
                    }
                    RecordingIndex seg = timeline.segmentOf(g);
                    if (seg != openFile) {
                        if (open != null) {
                            open.close();
                        }
                        open = FileChannel.open(seg.file(), StandardOpenOption.READ);
                        openFile = seg;
                    }
                    int local = g - firstFrameOf(timeline, seg);
                    byte[] jpeg = seg.readFrame(open, local);
                    if (!w.fits(jpeg.length, tick)) {
                        throw new ExportException("the clip would be larger than one AVI file may be ("
                                + AviWriter.DEFAULT_MAX_FILE_BYTES / 1_000_000 + " MB); choose a shorter range");
                    }
                    try {
                        w.writeFrame(jpeg, tick);
                    } catch (IllegalArgumentException notJpeg) {
                        throw new ExportException(seg.file() + ": frame " + local + " cannot be written to a clip ("
                                + notJpeg.getMessage() + ")");
                    }
                }
            } finally {
                if (open != null) {
                    open.close();
                }
            }
            int frames = w.frames();
            w.finish(toTick - fromTick);
            done = true;
            return new Result(out, frames, toTick - fromTick, tps, Files.size(out));
        } finally {
            if (!done) {
                w.abort();
                Files.deleteIfExists(out);
            }
        }
    }

    /** Checks the range and the files before anything is written. */
    static void check(Timeline timeline, long fromNanos, long toNanos) throws ExportException {
        checkFiles(timeline);
        checkRange(timeline, fromNanos, toNanos);
    }

    /**
     * Checks that every file is a recording of MJPEG Wall with at least one frame.
     *
     * @throws ExportException saying which file and why
     */
    public static void checkFiles(Timeline timeline) throws ExportException {
        for (RecordingIndex s : timeline.segments()) {
            if (!s.marked()) {
                throw new ExportException(s.file() + ": not a recording of MJPEG Wall (no MJPEG Wall marker in its"
                        + " header); export reads only the program's own recordings");
            }
            if (s.frameCount() == 0) {
                throw new ExportException(s.file() + ": holds no complete frame");
            }
        }
    }

    private static void checkRange(Timeline timeline, long fromNanos, long toNanos) throws ExportException {
        int tps = timeline.ticksPerSecond();
        if (tps <= 0 || tps > 1000) {
            throw new ExportException("the files do not share one timebase of whole ticks per second");
        }
        if (fromNanos < 0) {
            throw new ExportException("--from is before the start of the recording");
        }
        if (toNanos <= fromNanos) {
            throw new ExportException("--to must be after --from");
        }
        if (fromNanos >= timeline.durationNanos()) {
            throw new ExportException("--from " + Times.format(fromNanos) + " is past the end of the recording ("
                    + Times.format(timeline.durationNanos()) + ")");
        }
        if (toNanos > timeline.durationNanos()) {
            throw new ExportException("--to " + Times.format(toNanos) + " is past the end of the recording ("
                    + Times.format(timeline.durationNanos()) + ")");
        }
    }

    private static long tickAt(long nanos, int tps) {
        return RecordingIndex.tickAt(nanos, tps, 1);
    }

    private static int firstFrameOf(Timeline timeline, RecordingIndex seg) {
        int g = 0;
        for (RecordingIndex s : timeline.segments()) {
            if (s == seg) {
                return g;
            }
            g += s.frameCount();
        }
        throw new IllegalStateException("segment not in timeline");
    }
}
