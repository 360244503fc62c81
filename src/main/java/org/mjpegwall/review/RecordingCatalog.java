package org.mjpegwall.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recordings of a folder by camera and day. Knows the names the recorder gives (record.RecordingNames, which
 * is package-private there): {@code Camera_yyyy-MM-dd_HH-mm-ss[_n].avi} with segments {@code …-002.avi}, and a file
 * named by hand, {@code FILE.avi} with {@code FILE-002.avi}. Lists by name and size only: no file is opened, so a
 * folder of a month of recordings lists at once; a file's index is read when it is played.
 */
public final class RecordingCatalog {
    private static final Pattern SEGMENT = Pattern.compile("(?<base>.+?)(-(?<n>\\d{3,}))?\\.(?i:avi)");
    private static final Pattern STAMPED = Pattern.compile(
            "(?<camera>.+)_(?<stamp>\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})(_\\d+)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);

    private RecordingCatalog() {
    }

    /** The recordings in {@code dir} (not its subfolders), by camera, then start. */
    public static List<Recording> scan(Path dir, ZoneId zone) throws IOException {
        Map<String, TreeMap<Integer, Path>> byBase = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                Matcher m = SEGMENT.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    continue;
                }
                int n = m.group("n") == null ? 1 : Integer.parseInt(m.group("n"));
                String base = m.group("base");
                byBase.computeIfAbsent(base, b -> new TreeMap<>()).put(n, p);
                bytes.merge(base, Files.size(p), Long::sum);
            }
        }
        List<Recording> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Path>> e : byBase.entrySet()) {
            TreeMap<Integer, Path> segs = e.getValue();
            if (!segs.containsKey(1)) {
                // "-002" without its first file is the first file of a recording named that way by hand.
                for (Map.Entry<Integer, Path> s : segs.entrySet()) {
                    String name = e.getKey() + String.format(Locale.ROOT, "-%03d", s.getKey());
                    out.add(recording(name, new TreeMap<>(Map.of(1, s.getValue())), Files.size(s.getValue()), zone));
                }
                continue;
            }
            out.add(recording(e.getKey(), segs, bytes.get(e.getKey()), zone));
        }
        out.sort(Comparator.comparing(Recording::camera).thenComparing(Recording::day)
                .thenComparing(r -> r.start() == null ? LocalDateTime.MIN : r.start()).thenComparing(Recording::base));
        return out;
    }

    /** The recordings of one camera on one day. */
    public static List<Recording> of(List<Recording> all, String camera, LocalDate day) {
        return all.stream().filter(r -> r.camera().equals(camera) && r.day().equals(day)).toList();
    }

    private static Recording recording(String base, TreeMap<Integer, Path> segs, long bytes, ZoneId zone)
            throws IOException {
        Matcher m = STAMPED.matcher(base);
        if (m.matches()) {
            try {
                LocalDateTime start = LocalDateTime.parse(m.group("stamp"), STAMP);
                return new Recording(m.group("camera"), start.toLocalDate(), start, base, List.copyOf(segs.values()),
                        bytes);
            } catch (DateTimeParseException notAStamp) {
                // a name that only looks like one: treated as named by hand
            }
        }
        LocalDate day = LocalDate.ofInstant(Files.getLastModifiedTime(segs.firstEntry().getValue()).toInstant(),
                zone);
        return new Recording(base, day, null, base, List.copyOf(segs.values()), bytes);
    }
}
