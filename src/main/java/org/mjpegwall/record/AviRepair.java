package org.mjpegwall.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes recordings that a crash, a kill or a power loss left unfinished, and never makes a file
 * worse. {@link Recorder#start} runs it on the camera's earlier files; {@code mjpeg-wall repair} on
 * any file.
 *
 * <p>The rules:
 * <ul>
 *   <li>Only a file MJPEG Wall wrote (its {@code INFO/ISFT} marker, see {@link AviHeader}) is ever
 *       changed. Any other file, AVI or not, is left byte for byte as it was, with a message.</li>
 *   <li>The index is checked against the data ({@link AviCheck}); a file whose index and headers
 *       agree with its data is complete and left alone.</li>
 *   <li>Otherwise the file is rebuilt into a temporary file next to it ({@link AviRebuild}), which is
 *       read back and checked, and replaces the original in one atomic rename only if it has at least
 *       as many playable frames. Permissions and modification time carry over (retention goes by the
 *       time). A crash during the repair leaves the original as it was.</li>
 *   <li>A file of ours with no complete frame holds nothing to keep and is deleted.</li>
 * </ul>
 */
public final class AviRepair {
    private static final Logger log = LoggerFactory.getLogger(AviRepair.class);

    /** What {@link #repair} did. */
    public enum Outcome {
        /** Index and headers agree with the data: nothing to do. */
        ALREADY_COMPLETE,
        /** Rebuilt and replaced. */
        REPAIRED,
        /** A file of ours with no complete frame, deleted. */
        DELETED_EMPTY,
        /** Left byte for byte as it was; {@link Result#message()} says why. */
        UNCHANGED
    }

    /**
     * @param frames playable frames in the file after the repair (before it, when unchanged)
     * @param message why an {@link Outcome#UNCHANGED} file was not repaired, in plain words
     */
    public record Result(Path file, Outcome outcome, int frames, String message) {
        /** Whether the file is now a complete recording (or gone because it held nothing). */
        public boolean succeeded() {
            return outcome != Outcome.UNCHANGED;
        }
    }

    private AviRepair() {
    }

    /**
     * A quick test for a finished file, reading only its headers and the last index entry: the
     * headers cover the file exactly, an idx1 follows the movi list, and its last entry points at the
     * movi list's last chunk. It does not check every entry; {@link #repair} does.
     */
    public static boolean isComplete(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            FileWindow w = new FileWindow(ch, size, 8192);
            AviLayout l = AviLayout.read(w);
            long idx = l.idx1();
            if (!l.hasMovi() || idx < 0 || !l.riffCoversFile() || idx + 8 + l.idx1Size() > size
                    || idx + 8 + l.idx1Size() < size - 1 || l.idx1Size() < 16 || l.idx1Size() % 16 != 0
                    || l.marked() && l.headerTicks() != l.idx1Size() / 16) {
                return false;
            }
            long last = idx + 8 + l.idx1Size() - 16;
            w.fill(last, 16);
            String id = w.fourcc(last);
            long offset = w.u32(last + 8);
            long len = w.u32(last + 12);
            for (long header : new long[] {l.moviData() - 4 + offset, offset}) {
                if (header >= l.moviData() && header + 8 + len + (len & 1) == l.declaredMoviEnd() && w.fill(header, 8)
                        && w.is(header, id) && w.u32(header + 4) == len) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Checks one file and repairs it if it is an unfinished recording of ours.
     *
     * @return what was done; {@link Outcome#UNCHANGED} with a message for a file that is not ours, not
     *     an AVI file, or could not be improved
     * @throws IOException if the file cannot be read, or the repaired copy cannot be written (the
     *     original is then unchanged)
     */
    public static Result repair(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            return unchanged(file, 0, "not a regular file");
        }
        Path real = file.toRealPath();
        long sizeBefore = Files.size(real);
        FileTime modifiedBefore = Files.getLastModifiedTime(real);
        if (sizeBefore == 0) {
            return unchanged(file, 0, "an empty file (0 bytes), not a recording");
        }
        AviCheck check;
        try (FileChannel ch = FileChannel.open(real, StandardOpenOption.READ)) {
            try {
                check = AviCheck.of(ch);
            } catch (AviLayout.NotAviException e) {
                return unchanged(file, 0, e.getMessage());
            }
        }
        int playable = (int) Math.min(Integer.MAX_VALUE, check.playableFrames());
        if (check.complete()) {
            return new Result(file, Outcome.ALREADY_COMPLETE, (int) check.indexFrames(), null);
        }
        if (!check.layout().marked()) {
            return unchanged(file, playable, "not written by MJPEG Wall (" + playable + " playable frame"
                    + (playable == 1 ? ")" : "s)"));
        }
        if (playable == 0) {
            Files.delete(real);
            log.info("Deleted recording without a complete frame {}", file);
            return new Result(file, Outcome.DELETED_EMPTY, 0, null);
        }
        if (!check.hasTimebase()) {
            return unchanged(file, playable, "its stream header has no frame rate (dwRate "
                    + check.layout().rate() + ", dwScale " + check.layout().scale() + ")");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".repair");
        } catch (IOException e) {
            throw new IOException("cannot write a repaired copy next to it: " + reason(e), e);
        }
        try {
            AviRebuild.Written written;
            try (FileChannel src = FileChannel.open(real, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                written = AviRebuild.write(src, check, out);
                AviCheck after = AviCheck.of(out);
                if (!after.complete() || !after.layout().marked() || after.indexFrames() < playable) {
                    return unchanged(file, playable, "a repair would keep only " + after.indexFrames() + " of its "
                            + playable + " playable frames");
                }
            }
            if (Files.size(real) != sizeBefore || !Files.getLastModifiedTime(real).equals(modifiedBefore)) {
                return unchanged(file, playable, "it changed while it was being repaired");
            }
            carryAttributes(real, tmp, modifiedBefore);
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                return unchanged(file, playable, "its folder cannot replace files atomically");
            }
            syncDirectory(real.getParent());
            log.info("Repaired unfinished recording {} ({} frames, was {} bytes, now {})", file, written.frames(),
                    sizeBefore, written.size());
            return new Result(file, Outcome.REPAIRED, (int) written.frames(), null);
        } catch (IOException e) {
            throw new IOException("the repair failed, the file is as it was: " + reason(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An I/O error in words: "No space left on device" rather than just the file's name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "not allowed to write in " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Result unchanged(Path file, int frames, String why) {
        log.debug("Left {} unchanged: {}", file, why);
        return new Result(file, Outcome.UNCHANGED, frames, why);
    }

    private static void carryAttributes(Path from, Path to, FileTime modified) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(Files.getPosixFilePermissions(from));
        }
        Files.setLastModifiedTime(to, modified);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot flush folder {}: {}", dir, e.toString());
        }
    }
}
