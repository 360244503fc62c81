package org.mjpegwall.motion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names and line format of the event log folder: one {@code YYYY-MM-DD.jsonl} per day (the day an event
 * started, in the local time zone) and key frames {@code YYYY-MM-DD_HHMMSS-mmm_camera.jpg} beside it.
 * Only names of these shapes are ever written, read as events, or deleted.
 */
final class EventFiles {
    static final Pattern DAY_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
    static final Pattern KEY_FRAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_[A-Za-z0-9._-]{1,120}\\.jpg");
    static final Pattern KEY_FRAME_TEMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_[A-Za-z0-9._-]{1,120}\\.jpg\\.tmp");
    static final Pattern ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_[A-Za-z0-9._-]{1,115}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd_HHmmss-SSS", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFiles() {
    }

    /** The event's id: its start in the zone, and the camera id made safe for a file name. */
    static String id(String camera, Instant start, ZoneId zone) {
        String slug = camera.replaceAll("[^A-Za-z0-9._-]", "-");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        if (slug.isEmpty() || slug.chars().allMatch(c -> c == '.')) {
            slug = "camera";
        }
        return STAMP.format(ZonedDateTime.ofInstant(start, zone)) + "_" + slug;
    }

    static LocalDate day(Instant start, ZoneId zone) {
        return LocalDate.ofInstant(start, zone);
    }

    static String dayFile(LocalDate day) {
        return day + ".jsonl";
    }

    static String keyFrame(String id) {
        return id + ".jpg";
    }

    /** One JSON line (with its newline) for the event. */
    static byte[] line(String id, MotionEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("camera", e.camera());
        m.put("name", e.name());
        m.put("start", e.start().toString());
        m.put("end", e.end() == null ? null : e.end().toString());
        m.put("peakScore", round(e.peakScore()));
        m.put("peakArea", round(e.peakArea()));
        Box b = e.peakBox();
        m.put("box", b == null ? null : new double[] {round(b.x()), round(b.y()), round(b.width()), round(b.height())});
        m.put("keyFrame", keyFrame(id));
        try {
            return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
