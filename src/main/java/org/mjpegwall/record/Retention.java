package org.mjpegwall.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a camera's oldest recordings beyond the age or size its options allow. Runs on the recording's writer
 * thread only, so it never races with the file being written; files any recorder of the program writes are skipped.
 * Only recordings MJPEG Wall wrote count or go: a file must have one of our names and carry our marker
 * ({@link AviHeader}'s {@code INFO/ISFT}); anything else in the folder (another program's AVI with a name like ours,
 * a text file) is left alone and not counted. {@link FolderRetention} applies the same rule to a whole folder.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RecordingOptions options;
    private final RecordingNames names;
    private final RecordingRegistry registry;

    Retention(RecordingOptions options, RecordingNames names, RecordingRegistry registry) {
        this.options = options;
        this.names = names;
        this.registry = registry;
    }

    /** @param open the file being written now, or {@code null} */
    void apply(Path open) {
        if (options.retentionBytes() <= 0 && options.retentionAge() == null) {
            return;
        }
        try {
            deleteOldest(names.ownFilesOldestFirst(), options.retentionAge(), options.retentionBytes(),
                    options.clock().millis(), p -> p.equals(open) || registry.isBeingWritten(p));
        } catch (IOException e) {
            log.warn("Recording {}: retention failed: {}", options.cameraName(), e.toString());
        }
    }

    /**
     * Deletes, oldest first, the files of ours that are older than {@code maxAge} or beyond {@code maxBytes} in
     * all; the files {@code keep} names stay (and count).
     *
     * @param oldestFirst candidate files, oldest first (by modification time)
     * @return the number of files deleted
     */
    static int deleteOldest(List<Path> oldestFirst, Duration maxAge, long maxBytes, long nowMillis,
            Predicate<Path> keep) throws IOException {
        return deleteOldest(oldestFirst, maxAge, maxBytes, nowMillis, 0, keep);
    }

    /**
     * The same, and then, oldest first, as many more as it takes to free {@code bytesToFree} bytes (the disk is
     * almost full: see {@link FolderRetention#apply(Path, RecordingRegistry, Instant, long)}).
     */
    static int deleteOldest(List<Path> oldestFirst, Duration maxAge, long maxBytes, long nowMillis, long bytesToFree,
            Predicate<Path> keep) throws IOException {
        List<Path> ours = oldestFirst.stream().filter(Retention::isOurs).toList();
        long total = 0;
        for (Path p : ours) {
            total += size(p);
        }
        int deleted = 0;
        long freed = 0;
        for (Path p : ours) {
            if (keep.test(p)) {
                continue;
            }
            boolean tooOld = maxAge != null && nowMillis - RecordingNames.modified(p) > maxAge.toMillis();
            boolean tooMuch = maxBytes > 0 && total > maxBytes;
            boolean needRoom = freed < bytesToFree;
            if (tooOld || tooMuch || needRoom) {
                long size = size(p);
                try {
                    Files.delete(p);
                    deleted++;
                    total -= size;
                    freed += size;
                    log.info("Retention: deleted {} ({})", p, tooOld ? "older than " + maxAge
                            : tooMuch ? "over " + maxBytes + " bytes" : "the disk is almost full");
                } catch (NoSuchFileException gone) {
                    total -= size;
                }
            }
        }
        return deleted;
    }

    /** Whether MJPEG Wall wrote the file: an AVI whose head carries our marker. Reads at most 64 KiB. */
    static boolean isOurs(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            return size > 0 && AviLayout.read(new FileWindow(ch, size, 64 * 1024)).marked();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The file's size in bytes; 0 when it cannot be read (gone, not allowed). */
    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
