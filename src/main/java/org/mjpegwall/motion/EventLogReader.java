package org.mjpegwall.motion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reads the event log that {@link EventLog} writes. The files are untrusted input (a crash may tear the
 * last line; anyone may edit them): a line longer than {@value #MAX_LINE} bytes, not JSON, or with a
 * field missing or out of range is skipped and counted, never fatal. When an event has several lines
 * (open, then ended), the last one wins; an event without an ended line is {@link LoggedEvent#unfinished()}.
 *
 * <pre>{@code
 * EventLogReader.Result r = EventLogReader.readDay(dir, LocalDate.of(2026, 11, 30));
 * for (LoggedEvent e : r.events()) { ... e.keyFramePath(dir) ... }
 * }</pre>
 */
public final class EventLogReader {
    /** Longest line read; the writer's lines are a few hundred bytes. */
    public static final int MAX_LINE = 16 * 1024;
    private static final int MAX_TEXT = 512;
    /** Most events returned from one file (a day of a busy camera is a few thousand). */
    public static final int MAX_EVENTS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLogReader() {
    }

    /**
     * @param events the events in order of their start
     * @param skippedLines lines that were not valid events (a torn last line after a crash is one)
     */
    public record Result(List<LoggedEvent> events, int skippedLines) {
        public Result {
            events = List.copyOf(events);
        }
    }

    /** The days that have a log file in {@code dir}, oldest first; none if the folder does not exist. */
    public static List<LocalDate> days(Path dir) throws IOException {
        List<LocalDate> days = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Matcher m = EventFiles.DAY_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    try {
                        days.add(LocalDate.parse(m.group(1)));
                    } catch (DateTimeException e) {
                        // a name of the right shape but not a date: not ours
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }

    /** The events of one day; an empty result if the day has no file. */
    public static Result readDay(Path dir, LocalDate day) throws IOException {
        Path file = dir.resolve(EventFiles.dayFile(day));
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            return new Result(List.of(), 0);
        }
    }

    /**
     * Reads JSON lines from a stream (not closed).
     *
     * @throws IOException only if the stream fails; bad content is skipped
     */
    public static Result read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        Map<String, LoggedEvent> byId = new LinkedHashMap<>();
        int skipped = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean tooLong = false;
        while (true) {
            int b = buffered.read();
            if (b == '\n' || b < 0) {
                if (tooLong) {
                    skipped++;
                } else if (line.size() > 0) {
                    LoggedEvent e = parse(line.toString(StandardCharsets.UTF_8));
                    if (e == null || (!byId.containsKey(e.id()) && byId.size() >= MAX_EVENTS)) {
                        skipped++;
                    } else {
                        byId.put(e.id(), e);
                    }
                }
                line.reset();
                tooLong = false;
                if (b < 0) {
                    break;
                }
            } else if (!tooLong) {
                if (line.size() >= MAX_LINE) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        List<LoggedEvent> events = new ArrayList<>(byId.values());
        events.sort(Comparator.comparing(LoggedEvent::start).thenComparing(LoggedEvent::id));
        return new Result(events, skipped);
    }

    /** One line as an event, or {@code null} if it is not a valid one. */
    static LoggedEvent parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        String id = text(n, "id");
        String camera = text(n, "camera");
        Instant start = instant(n.get("start"));
        if (id == null || !EventFiles.ID.matcher(id).matches() || camera == null || start == null) {
            return null;
        }
        JsonNode endNode = n.get("end");
        Instant end = null;
        if (endNode != null && !endNode.isNull()) {
            end = instant(endNode);
            if (end == null || end.isBefore(start)) {
                return null;
            }
        }
        double peakScore = fraction(n.get("peakScore"));
        double peakArea = fraction(n.get("peakArea"));
        if (Double.isNaN(peakScore) || Double.isNaN(peakArea)) {
            return null;
        }
        Box box = null;
        JsonNode b = n.get("box");
        if (b != null && !b.isNull()) {
            box = box(b);
            if (box == null) {
                return null;
            }
        }
        JsonNode k = n.get("keyFrame");
        String keyFrame = null;
        if (k != null && !k.isNull()) {
            // Only the name the writer gives it: no path can lead out of the log folder.
            if (!k.isTextual() || !k.asText().equals(EventFiles.keyFrame(id))) {
                return null;
            }
            keyFrame = k.asText();
        }
        String name = text(n, "name");
        return new LoggedEvent(id, camera, name == null ? "" : name, start, end, peakScore, peakArea, box, keyFrame);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && v.asText().length() <= MAX_TEXT ? v.asText() : null;
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().length() > 64) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A number 0..1, or NaN. */
    private static double fraction(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return Double.NaN;
        }
        double d = v.asDouble();
        return d >= 0 && d <= 1 ? d : Double.NaN;
    }

    private static Box box(JsonNode b) {
        if (!b.isArray() || b.size() != 4) {
            return null;
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = fraction(b.get(i));
            if (Double.isNaN(v[i])) {
                return null;
            }
        }
        // The writer rounds to 6 decimals, which may push an edge a hair past 1.
        return new Box(v[0], v[1], Math.min(v[2], 1 - v[0]), Math.min(v[3], 1 - v[1]));
    }
}
