package org.mjpegwall.motion;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event log within N days and a disk quota, the same limits as the recordings: whole days go,
 * oldest first; only the log's own files (by name, see {@link EventFiles}) are counted or deleted,
 * never today's file, the file of a day with an event still open, or an open event's key frame.
 * If the protected days alone pass the quota, their oldest key frames go (the lines stay).
 *
 * @param maxAge delete days that ended longer ago than this; {@code null} = no age limit
 * @param maxBytes keep the log's files under this many bytes; 0 = no quota
 */
public record EventRetention(Duration maxAge, long maxBytes) {
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

    /** Keep everything. */
    public static final EventRetention NONE = new EventRetention(null, 0);

    public EventRetention {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** Keep {@code days} days and at most {@code maxBytes} bytes (0 = no quota). */
    public static EventRetention of(int days, long maxBytes) {
        return new EventRetention(Duration.ofDays(days), maxBytes);
    }

    /**
     * Applies the limits to a log folder no {@link EventLog} has open (the wall opens its log at the first event):
     * no event is open then, so only today's files (in {@code zone}) are protected. With a log open, give it the
     * limits instead ({@link EventLog#retention}): it knows its open events.
     *
     * @return the number of files deleted
     * @throws IOException if the folder cannot be listed (missing, not a folder, not allowed)
     */
    public int applyTo(Path dir, Instant now, ZoneId zone) throws IOException {
        return apply(dir, now, zone, Set.of(LocalDate.ofInstant(now, zone)), Set.of());
    }

    /**
     * Applies the limits to the folder.
     *
     * @param protectedDays days whose files must stay (today, days of open events)
     * @param protectedFiles file names that must stay (open events' key frames)
     * @return the number of files deleted
     */
    int apply(Path dir, Instant now, ZoneId zone, Set<LocalDate> protectedDays, Set<String> protectedFiles) throws IOException {
        if (maxAge == null && maxBytes == 0) {
            return 0;
        }
        TreeMap<LocalDate, List<Path>> days = new TreeMap<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                LocalDate day = dayOf(p.getFileName().toString());
                if (day != null && Files.isRegularFile(p)) {
                    days.computeIfAbsent(day, d -> new ArrayList<>()).add(p);
                    total += size(p);
                }
            }
        }
        int deleted = 0;
        for (var entry : days.entrySet()) {
            LocalDate day = entry.getKey();
            if (protectedDays.contains(day)) {
                continue;
            }
            boolean tooOld = maxAge != null && day.plusDays(1).atStartOfDay(zone).toInstant().plus(maxAge).isBefore(now);
            boolean tooMuch = maxBytes > 0 && total > maxBytes;
            if (!tooOld && !tooMuch) {
                continue;
            }
            for (Path p : entry.getValue()) {
                long size = size(p);
                if (delete(p)) {
                    total -= size;
                    deleted++;
                }
            }
        }
        if (maxBytes > 0 && total > maxBytes) {
            for (var entry : days.entrySet()) { // protected days only now: their oldest key frames
                List<Path> frames = entry.getValue().stream()
                        .filter(p -> EventFiles.KEY_FRAME.matcher(p.getFileName().toString()).matches())
                        .filter(p -> !protectedFiles.contains(p.getFileName().toString()))
                        .sorted().toList();
                for (Path p : frames) {
                    if (total <= maxBytes) {
                        break;
                    }
                    long size = size(p);
                    if (Files.exists(p) && delete(p)) {
                        total -= size;
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }

    /** The day a file of the log belongs to, or {@code null} if the name is not one the log writes. */
    static LocalDate dayOf(String name) {
        for (java.util.regex.Pattern pattern : List.of(EventFiles.DAY_FILE, EventFiles.KEY_FRAME, EventFiles.KEY_FRAME_TEMP)) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                try {
                    return LocalDate.parse(m.group(1));
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean delete(Path p) {
        try {
            Files.delete(p);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.warn("Event log: cannot delete {}: {}", p, e.toString());
            return false;
        }
    }
}
