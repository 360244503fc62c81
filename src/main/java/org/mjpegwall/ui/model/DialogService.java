package org.mjpegwall.ui.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the controllers ask of the screen: messages, questions, file and folder choosers, and the
 * window that shows a shared camera's address. The window implements it with its notifications and
 * JavaFX dialogs; tests with a fake that answers as told and records what was said (as JabRef's
 * {@code DialogService}). All methods are called on the UI thread.
 */
public interface DialogService {
    /** A short message in the corner of the wall; {@code error} shows it as a problem. */
    void notify(String message, boolean error);

    /** "Snapshot saved" and the like: the message with the file's path and links to its folder. */
    void notifySaved(String message, Path file);

    /** A folder the wall works in ("Recordings now go to"), with links to open it. */
    void notifyFolder(String message, Path folder);

    /** Opens the folder in the desktop's file manager, or says why it cannot. */
    void openFolder(Path folder);

    /** Asks a yes/no question; the safe answer ({@code no}) is the default. True for {@code yes}. */
    boolean confirm(String id, String header, String text, String yes, String no);

    /** Lets the user pick a folder, starting at {@code initial}; empty when cancelled. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Lets the user pick a file to write, starting in {@code folder}; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, Path folder, String initialName);

    /** Lets the user pick a file to read, starting in {@code folder}; empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title, Path folder);

    /** Shows the address a camera is shared at, to read and copy. */
    void showShared(String cameraName, String url, boolean exposed);
}
