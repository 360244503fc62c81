package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a folder reports failure in words instead of failing silently. */
class FolderOpenerTest {
    @TempDir
    Path home;

    @Test
    void aFileManagerThatOpensTheFolderIsSuccess() {
        assertNull(new FolderOpener(List.of("true")).open(home));
    }

    @Test
    void anOpenerWithoutAHandlerSaysSo() {
        // given xdg-open's "no tool found" status
        String why = new FolderOpener(List.of("sh", "-c", "exit 3", "xdg-open")).open(home);
        // then
        assertTrue(why.contains("No file manager"), why);
        assertTrue(why.contains("3"), why);
    }

    @Test
    void aMissingOpenerSaysItIsNotInstalled() {
        String why = new FolderOpener(List.of(home.resolve("no-such-xdg-open").toString())).open(home);
        assertTrue(why.contains("is not installed"), why);
    }

    @Test
    void aFolderThatDoesNotExistYetIsNamedAsSuch() {
        assertEquals("The folder does not exist yet.", new FolderOpener(List.of("true")).open(home.resolve("Videos")));
    }

    @Test
    void choosersOpenAtTheFolderOrItsNearestExistingParent() throws Exception {
        // given
        Path pictures = Files.createDirectories(home.resolve("Pictures/MJPEG Wall"));
        // then
        assertEquals(pictures.toFile(), FolderOpener.nearestFolder(pictures));
        assertEquals(home.resolve("Pictures").toFile(), FolderOpener.nearestFolder(home.resolve("Pictures/Gone/Deeper")));
    }
}
