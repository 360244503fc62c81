package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** A recording's troubles in plain words: the folder check at the start, and write errors such as a full disk. */
final class RecordingMessages {
    private RecordingMessages() {
    }

    /** @throws IOException in plain words if {@code dir} is missing or not writable */
    static void checkFolder(Path dir) throws IOException {
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

    /**
     * What went wrong, for {@link RecordingStatus#lastError()}: "disk full: FILE" rather than the system's message.
     *
     * @param file the file being written, or {@code null} before the first
     */
    static String describe(IOException e, Path file, Path dir) {
        Path where = file != null ? file : dir;
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "disk full: " + where;
        }
        if (lower.contains("quota")) {
            return "disk quota exceeded: " + where;
        }
        if (lower.contains("read-only")) {
            return "the disk is read-only: " + where;
        }
        if (e instanceof AccessDeniedException denied) {
            return "not allowed to write: " + denied.getFile();
        }
        if (e instanceof NoSuchFileException) {
            return "folder missing: " + dir;
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "file already exists: " + exists.getFile();
        }
        return "write error on " + where + ": " + reason;
    }
}
