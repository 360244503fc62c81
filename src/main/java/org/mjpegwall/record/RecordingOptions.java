package org.mjpegwall.record;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How one camera is recorded. Start from {@link #forCamera} (files named by camera and time in a
 * recordings folder) or {@link #toFile} (an exact first file name, as {@code record --out FILE.avi}),
 * then adjust with the {@code with...} methods.
 *
 * @param directory folder for the segments (for {@link #toFile}, the file's folder)
 * @param cameraName the camera's display name, used (sanitised) in file names
 * @param exactFile the first segment's exact path, or {@code null} to name files by camera and time;
 *     later segments are numbered after it: {@code FILE-002.avi}, {@code FILE-003.avi}, ...
 * @param segmentLength a new file starts after this much recorded time (default 10 minutes)
 * @param retentionBytes keep at most this many bytes of this camera's recordings, deleting the oldest
 *     segments first; 0 = no limit
 * @param retentionAge delete this camera's segments older than this; {@code null} = keep
 * @param maxSegmentBytes a new file starts before a file would pass this size (default just under
 *     1 GiB, for plain AVI 1.0 players)
 * @param ticksPerSecond the AVI timebase: frames are placed on this grid (default 120 Hz)
 * @param queueCapacity frames waiting for the writer; beyond this, frames are dropped and counted
 * @param syncInterval how often the file's headers are brought up to date and flushed to the disk;
 *     bounds what a crash or power loss can lose (default 1 s)
 * @param clock wall clock for file names and {@link RecordingStatus#startedAt()}
 * @param nanoClock monotonic clock, the same one as {@link org.mjpegwall.frame.Frame#arrivalNanos()}
 *     (default {@link System#nanoTime()}); frames are placed in time by their arrivalNanos
 */
public record RecordingOptions(Path directory, String cameraName, Path exactFile, Duration segmentLength,
        long retentionBytes, Duration retentionAge, long maxSegmentBytes, int ticksPerSecond, int queueCapacity,
        Duration syncInterval, Clock clock, LongSupplier nanoClock) {

    public static final Duration DEFAULT_SEGMENT_LENGTH = Duration.ofMinutes(10);
    public static final int DEFAULT_TICKS_PER_SECOND = 120;

    public RecordingOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(cameraName, "cameraName");
        Objects.requireNonNull(segmentLength, "segmentLength");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (segmentLength.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("segment length must be at least 1 s: " + segmentLength);
        }
        if (retentionBytes < 0) {
            throw new IllegalArgumentException("retentionBytes must be >= 0: " + retentionBytes);
        }
        if (retentionAge != null && (retentionAge.isNegative() || retentionAge.isZero())) {
            throw new IllegalArgumentException("retentionAge must be positive: " + retentionAge);
        }
        if (ticksPerSecond < 1 || ticksPerSecond > 1000) {
            throw new IllegalArgumentException("ticksPerSecond must be 1..1000: " + ticksPerSecond);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
        if (exactFile != null && !exactFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".avi")) {
            throw new IllegalArgumentException("the output file name must end with .avi: " + exactFile);
        }
    }

    /** Segments named {@code <camera>_<yyyy-MM-dd_HH-mm-ss>.avi}, {@code ...-002.avi}, ... in {@code directory}. */
    public static RecordingOptions forCamera(Path directory, String cameraName) {
        return withDefaults(directory, cameraName, null);
    }

    /** The first segment is exactly {@code file}; later ones are {@code FILE-002.avi}, {@code FILE-003.avi}, ... */
    public static RecordingOptions toFile(Path file) {
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return withDefaults(abs.getParent(), base, abs);
    }

    private static RecordingOptions withDefaults(Path directory, String cameraName, Path exactFile) {
        return new RecordingOptions(directory, cameraName, exactFile, DEFAULT_SEGMENT_LENGTH, 0, null,
                AviWriter.DEFAULT_MAX_FILE_BYTES, DEFAULT_TICKS_PER_SECOND, 300, Duration.ofSeconds(1),
                Clock.systemDefaultZone(), System::nanoTime);
    }

    public RecordingOptions withSegmentLength(Duration length) {
        return new RecordingOptions(directory, cameraName, exactFile, length, retentionBytes, retentionAge,
                maxSegmentBytes, ticksPerSecond, queueCapacity, syncInterval, clock, nanoClock);
    }

    /** @param maxBytes 0 = no size limit; @param maxAge {@code null} = no age limit */
    public RecordingOptions withRetention(long maxBytes, Duration maxAge) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, maxBytes, maxAge,
                maxSegmentBytes, ticksPerSecond, queueCapacity, syncInterval, clock, nanoClock);
    }

    public RecordingOptions withMaxSegmentBytes(long bytes) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, retentionBytes, retentionAge,
                bytes, ticksPerSecond, queueCapacity, syncInterval, clock, nanoClock);
    }

    public RecordingOptions withTicksPerSecond(int ticks) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, retentionBytes, retentionAge,
                maxSegmentBytes, ticks, queueCapacity, syncInterval, clock, nanoClock);
    }

    public RecordingOptions withQueueCapacity(int capacity) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, retentionBytes, retentionAge,
                maxSegmentBytes, ticksPerSecond, capacity, syncInterval, clock, nanoClock);
    }

    public RecordingOptions withSyncInterval(Duration interval) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, retentionBytes, retentionAge,
                maxSegmentBytes, ticksPerSecond, queueCapacity, interval, clock, nanoClock);
    }

    /** For tests: fake wall and monotonic clocks. */
    public RecordingOptions withClocks(Clock wallClock, LongSupplier monotonicNanos) {
        return new RecordingOptions(directory, cameraName, exactFile, segmentLength, retentionBytes, retentionAge,
                maxSegmentBytes, ticksPerSecond, queueCapacity, syncInterval, wallClock, monotonicNanos);
    }
}
