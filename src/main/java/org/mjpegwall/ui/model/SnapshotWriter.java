package org.mjpegwall.ui.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.mjpegwall.frame.Frame;

/** Writes a snapshot: the frame's exact bytes, no re-encoding, named after the camera and the time. */
final class SnapshotWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss-SSS");

    private SnapshotWriter() {
    }

    /** The default pictures folder: {@code ~/Pictures/MJPEG Wall}. */
    static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "Pictures", "MJPEG Wall");
    }

    static String fileName(String cameraName, LocalDateTime time, int attempt) {
        String safe = cameraName.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "camera" + safe;
        }
        return safe + "_" + STAMP.format(time) + (attempt == 0 ? "" : "-" + attempt) + ".jpg";
    }

    /**
     * Writes the frame and returns the file.
     *
     * @throws IOException with a message in plain words (full disk, no permission, …)
     */
    static Path write(Frame frame, Path folder, String cameraName, LocalDateTime time) throws IOException {
        try {
            Files.createDirectories(folder);
            for (int attempt = 0; ; attempt++) {
                Path file = folder.resolve(fileName(cameraName, time, attempt));
                try {
                    Files.write(file, frame.jpeg(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return file;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
        } catch (AccessDeniedException e) {
            throw new IOException("Not allowed to write to " + folder + ".", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getMessage() : e.getReason();
            if (reason != null && reason.toLowerCase().contains("no space")) {
                throw new IOException("The disk is full: could not save the snapshot in " + folder + ".", e);
            }
            throw new IOException("Could not save the snapshot in " + folder + ": " + reason + ".", e);
        } catch (IOException e) {
            String reason = e.getMessage();
            if (reason != null && reason.toLowerCase().contains("no space")) {
                throw new IOException("The disk is full: could not save the snapshot in " + folder + ".", e);
            }
            throw new IOException("Could not save the snapshot in " + folder + ": " + reason, e);
        }
    }
}
