package org.mjpegwall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files for fuzz tests whose code under test reads from disk: in memory ({@code /dev/shm}) where there
 * is one, so that a fuzzer's hundred thousand inputs cost no disk writes and no fsync waits.
 */
public final class FuzzTempFiles {
    private FuzzTempFiles() {
    }

    /** A fresh folder, removed at exit if empty. */
    public static Path folder(String name) {
        try {
            Path shm = Path.of("/dev/shm");
            Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = Files.createTempDirectory(parent, "mjpeg-wall-fuzz-" + name + "-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file in the folder (not recursing). */
    public static void clear(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
