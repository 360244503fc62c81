package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps a whole recordings folder, every camera's files together, within N days and a disk quota: the oldest
 * recordings go first, whichever camera made them. Never a file a recorder of the program is writing, and never a
 * file MJPEG Wall did not write (see {@link Retention}); sub-folders (the event log's {@code events/}, which
 * {@code motion.EventRetention} keeps with the same limits) are not looked into.
 *
 * <p>Per camera limits are {@link RecordingOptions#withRetention}; this is the one for a wall whose cameras share a
 * disk. Call it at start and then every minute or so, off the FX thread; it reads at most 64 KiB of each file's head.
 *
 * @param maxAge delete recordings last written longer ago than this; {@code null} = no age limit
 * @param maxBytes keep the folder's recordings under this many bytes; 0 = no quota
 */
public record FolderRetention(Duration maxAge, long maxBytes) {
    public FolderRetention {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** Keep {@code days} days and at most {@code maxBytes} bytes (0 = no quota). */
    public static FolderRetention of(int days, long maxBytes) {
        return new FolderRetention(Duration.ofDays(days), maxBytes);
    }

    /**
     * Applies the limits to the {@code .avi} files directly in {@code dir}.
     *
     * @param registry the program's recordings: the files they are writing stay
     * @return the number of files deleted
     * @throws IOException if the folder cannot be listed
     */
    public int apply(Path dir, RecordingRegistry registry, Instant now) throws IOException {
        return apply(dir, registry, now, 0);
    }

    /**
     * Applies the limits, and then deletes more of the oldest recordings until {@code bytesToFree} bytes are freed:
     * for a disk that is almost full, so that recording goes on (the oldest footage goes, as on any recorder). The
     * same files are safe as always: the ones being written, and any the program did not write.
     *
     * @return the number of files deleted
     * @throws IOException if the folder cannot be listed
     */
    public int apply(Path dir, RecordingRegistry registry, Instant now, long bytesToFree) throws IOException {
        if (maxAge == null && maxBytes == 0 && bytesToFree <= 0) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        for (AviFile f : aviFiles(dir)) {
            files.add(f.path());
        }
        files.sort(RecordingNames::olderFirst);
        return Retention.deleteOldest(files, maxAge, maxBytes, now.toEpochMilli(), Math.max(0, bytesToFree),
                registry::isBeingWritten);
    }

    /**
     * Whether MJPEG Wall wrote the file (its AVI head carries our marker; reads at most 64 KiB): only such files ever
     * count toward the limits or are deleted.
     */
    public static boolean ours(Path file) {
        return Retention.isOurs(file);
    }

    /** An {@code .avi} file directly in a recordings folder, and its size in bytes (0 when it cannot be read). */
    public record AviFile(Path path, long bytes) {
    }

    /**
     * The regular files directly in {@code dir} whose names end in {@code .avi} (in any case), with their sizes: the
     * folder's recordings as the wall's settings show them, and the files {@link #apply} may delete from. Whoever
     * wrote them: only those MJPEG Wall wrote ever count toward the limits or go ({@link Retention}).
     *
     * @throws IOException if the folder cannot be listed
     */
    public static List<AviFile> aviFiles(Path dir) throws IOException {
        List<AviFile> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avi") && Files.isRegularFile(p)) {
                    files.add(new AviFile(p, Retention.size(p)));
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return files;
    }
}
