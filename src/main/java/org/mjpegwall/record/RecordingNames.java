package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file names of one recording: its base name (reserved in the program's {@link RecordingRegistry}), its
 * segments ({@code base.avi}, {@code base-002.avi}, …), and which files in the folder are this camera's, for the
 * start-up repair and retention.
 */
final class RecordingNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)");

    private final Path dir;
    private final Path exactFile;
    private final String base;
    private final Pattern ownFiles;

    private RecordingNames(Path dir, Path exactFile, String base, Pattern ownFiles) {
        this.dir = dir;
        this.exactFile = exactFile;
        this.base = base;
        this.ownFiles = ownFiles;
    }

    /**
     * Picks and reserves the recording's name: the exact file's, or camera and time (with {@code _2}, {@code _3}, …
     * if that is taken). {@link #release} gives it back.
     *
     * @throws FileAlreadyExistsException if the exact file or one of its numbered segments exists, or is being
     *     recorded by this program
     */
    static RecordingNames reserve(RecordingOptions options, RecordingRegistry registry) throws IOException {
        return reserve(options, registry, options.clock().instant());
    }

    /**
     * Like {@link #reserve(RecordingOptions, RecordingRegistry)}, naming a file by camera and {@code time} (a clip
     * is named by its first frame, not by when its recorder started).
     */
    static RecordingNames reserve(RecordingOptions options, RecordingRegistry registry, java.time.Instant time)
            throws IOException {
        Path dir = options.directory();
        if (options.exactFile() != null) {
            String name = options.exactFile().getFileName().toString();
            String base = name.substring(0, name.length() - 4);
            Pattern own = Pattern.compile(Pattern.quote(base) + "(-\\d{3,})?\\.(?i:avi)");
            try (Stream<Path> list = Files.list(dir)) {
                Path existing = list.filter(p -> own.matcher(p.getFileName().toString()).matches()).sorted()
                        .findFirst().orElse(null);
                if (existing != null) {
                    throw new FileAlreadyExistsException(existing.toString(), null,
                            "already exists; choose another name or move the old recording away");
                }
            }
            if (!registry.reserve(dir, base)) {
                throw new FileAlreadyExistsException(options.exactFile().toString(), null,
                        "is being recorded already");
            }
            return new RecordingNames(dir, options.exactFile(), base, own);
        }
        String camera = sanitise(options.cameraName());
        String stamp = LocalDateTime.ofInstant(time, options.clock().getZone()).format(STAMP);
        String base = camera + "_" + stamp;
        // Two cameras with the same name may start in the same second: the reservation keeps them apart.
        for (int n = 2; Files.exists(dir.resolve(base + ".avi")) || !registry.reserve(dir, base); n++) {
            base = camera + "_" + stamp + "_" + n;
        }
        Pattern own = Pattern.compile(Pattern.quote(camera)
                + "_\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(_\\d+)?(-\\d{3,})?\\.avi");
        return new RecordingNames(dir, null, base, own);
    }

    /** Whether the files are named by camera and time (a new clip then gets a name of its own). */
    boolean namedByTime() {
        return exactFile == null;
    }

    void release(RecordingRegistry registry) {
        registry.release(dir, base);
    }

    /** The first file, as logs show it. */
    Path firstFile() {
        return segment(1);
    }

    /** The path of segment {@code n} (from 1). */
    Path segment(int n) {
        if (n == 1 && exactFile != null) {
            return exactFile;
        }
        return dir.resolve(n == 1 ? base + ".avi" : String.format(Locale.ROOT, "%s-%03d.avi", base, n));
    }

    /** This camera's recordings in the folder (this one's and earlier ones), oldest first. */
    List<Path> ownFilesOldestFirst() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> ownFiles.matcher(p.getFileName().toString()).matches())
                    .sorted(RecordingNames::olderFirst)
                    .toList();
        }
    }

    /**
     * By last-modified time at the file system's full resolution (clips written in one second stay in order),
     * then by name, which holds the start time: the kernel stamps files from a coarse clock, so clips finished
     * within a few milliseconds of each other can share a time, and the folder's listing order is no order.
     */
    static int olderFirst(Path a, Path b) {
        int byTime = modifiedTime(a).compareTo(modifiedTime(b));
        return byTime != 0 ? byTime : a.getFileName().toString().compareTo(b.getFileName().toString());
    }

    private static java.nio.file.attribute.FileTime modifiedTime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(Long.MAX_VALUE);
        }
    }

    /** Last-modified time in milliseconds; a file that vanished counts as newest, so nothing acts on it. */
    static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A camera name made safe for a file name on every OS. */
    static String sanitise(String name) {
        String s = UNSAFE.matcher(name.strip()).replaceAll("_");
        s = s.replaceAll("^[._]+|[._]+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        if (s.isEmpty()) {
            return "camera";
        }
        return RESERVED.matcher(s).matches() ? s + "_" : s;
    }
}
