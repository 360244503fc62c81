package org.mjpegwall.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a folder in the desktop's file manager and tells whether that worked, so the wall can say so
 * and show the path instead of failing silently.
 *
 * <p>Why not {@code HostServices.showDocument}: on Linux it tries a list of browsers and reports
 * nothing when none of them is there. {@code xdg-open} reports a missing handler in its exit status.
 * Elsewhere {@link java.awt.Desktop} opens folders and throws when it cannot.
 */
public final class FolderOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);
    /** A file manager that is still running after this long has started: xdg-open may wait for it. */
    private static final long WAIT_SECONDS = 10;

    private final List<String> command;

    /** @param command the program and options that open a folder given as the last argument; empty for AWT */
    public FolderOpener(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static FolderOpener forThisSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return new FolderOpener(os.contains("win") || os.contains("mac") ? List.of() : List.of("xdg-open"));
    }

    /**
     * Opens the folder; blocks up to a few seconds, so call it off the UI thread.
     *
     * @return {@code null} when a file manager opened it, else why not, in words
     */
    public String open(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "The folder does not exist yet.";
        }
        if (command.isEmpty()) {
            return openWithDesktop(folder);
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.add(folder.toAbsolutePath().toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null; // still running: it is showing the folder
            }
            int status = p.exitValue();
            LOG.debug("{} exited with {}", cmd, status);
            return status == 0 ? null : "No file manager is set up to open folders (" + command.get(0) + " said "
                    + status + ").";
        } catch (IOException e) {
            return "No program to open folders was found (" + command.get(0) + " is not installed).";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted.";
        }
    }

    private static String openWithDesktop(Path folder) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
                return null;
            }
            return "This desktop cannot open folders from programs.";
        } catch (IOException | RuntimeException e) {
            LOG.debug("desktop could not open {}", folder, e);
            return "The file manager could not open it (" + e.getMessage() + ").";
        }
    }

    /**
     * The folder itself if it exists, else its nearest existing parent, else the home folder: where a
     * file or folder chooser should open.
     */
    public static java.io.File nearestFolder(Path folder) {
        for (Path p = folder == null ? null : folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p)) {
                return p.toFile();
            }
        }
        return new java.io.File(System.getProperty("user.home"));
    }
}
