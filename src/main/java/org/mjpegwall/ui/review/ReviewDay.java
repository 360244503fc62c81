package org.mjpegwall.ui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.mjpegwall.motion.EventLogReader;
import org.mjpegwall.motion.LoggedEvent;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.review.Player;
import org.mjpegwall.review.Recording;
import org.mjpegwall.review.Timeline;

/**
 * One day of the review, indexed: each camera's recordings placed on the day's clock (nanoseconds since its
 * midnight, from the start time in the file names), the lead camera's motion events from the event log, and the
 * files that could not be read, in words. Built off the FX thread ({@link #load}); immutable afterwards.
 *
 * <p>Why the day's clock: a camera recording on motion leaves one clip per event, so a day is many recordings
 * with gaps between them; one clock for all of them (and all cameras ticked) keeps the montage in step.
 */
public final class ReviewDay {
    /** One recording on the day's clock, from {@code startNanos} for its timeline's duration. */
    public record Placed(String camera, Recording recording, Timeline timeline, long startNanos) {
        public long endNanos() {
            return startNanos + timeline.durationNanos();
        }

        public boolean covers(long nanos) {
            return nanos >= startNanos && nanos < endNanos();
        }
    }

    /** A motion event on the day's clock; {@code keyFrame} is its key frame's file, or {@code null}. */
    public record DayEvent(LoggedEvent event, long startNanos, long endNanos, Path keyFrame) {
    }

    /** What a camera shows at a moment: its recording and frame, or none ({@code placed == null}). */
    public record Shown(String camera, Placed placed, int frame) {
        /** Tells frames apart for the decoder: the file and the frame number. */
        public Object key() {
            return placed == null ? null : placed.recording().base() + "#" + frame;
        }

        public byte[] bytes() throws IOException {
            return placed.timeline().readFrame(frame);
        }
    }

    /** The recorder's camera part of a file name (record.RecordingNames.sanitise, package-private there). */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final long DAY = Duration.ofDays(1).toNanos();
    /** A file changed this recently is taken to be still written (the recorder syncs at least every second). */
    static final Duration STILL_WRITTEN = Duration.ofSeconds(10);

    private final LocalDate day;
    private final List<String> cameras;
    private final Map<String, List<Placed>> placed;
    private final List<DayEvent> events;
    private final List<String> problems;
    private final int skippedEventLines;
    private final boolean growing;

    private ReviewDay(LocalDate day, List<String> cameras, Map<String, List<Placed>> placed, List<DayEvent> events,
            List<String> problems, int skippedEventLines, boolean growing) {
        this.growing = growing;
        this.day = day;
        this.cameras = List.copyOf(cameras);
        this.placed = placed;
        this.events = List.copyOf(events);
        this.problems = List.copyOf(problems);
        this.skippedEventLines = skippedEventLines;
    }

    /**
     * Indexes the day's recordings of {@code cameras} (the first leads) and reads the lead's events. Blocks on
     * file reads: call it off the FX thread. A file that cannot be read is left out and named in
     * {@link #problems()}.
     *
     * @param recordings the folder's catalog
     * @param eventsDir the event log's folder ({@code null}: no events)
     * @param progress told the number of files indexed so far
     * @param now when it is indexed: a lead file changed within {@link #STILL_WRITTEN} of it is still being written
     */
    public static ReviewDay load(List<Recording> recordings, List<String> cameras, LocalDate day, Path eventsDir,
            ZoneId zone, IndexCache cache, IntConsumer progress, Instant now) {
        Map<String, List<Placed>> placed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int done = 0;
        for (String camera : cameras) {
            List<Placed> list = new ArrayList<>();
            // Newest first: the part of the day most likely wanted is ready first in the cache.
            List<Recording> mine = new ArrayList<>(recordings.stream()
                    .filter(r -> r.camera().equals(camera) && r.day().equals(day)).toList());
            java.util.Collections.reverse(mine);
            for (Recording r : mine) {
                try {
                    Timeline t = r.timeline(cache);
                    if (t.frameCount() > 0) {
                        list.add(new Placed(camera, r, t, start(r, t, day, zone)));
                    } else {
                        problems.add(r.segments().get(0).getFileName() + ": holds no complete frame");
                    }
                } catch (IOException e) {
                    problems.add(words(r, e));
                }
                progress.accept(++done);
            }
            list.sort(Comparator.comparingLong(Placed::startNanos));
            placed.put(camera, List.copyOf(list));
        }
        List<DayEvent> events = new ArrayList<>();
        int skipped = 0;
        if (eventsDir != null && !cameras.isEmpty()) {
            try {
                EventLogReader.Result r = EventLogReader.readDay(eventsDir, day);
                skipped = r.skippedLines();
                long midnight = day.atStartOfDay(zone).toInstant().toEpochMilli();
                for (LoggedEvent e : r.events()) {
                    if (!fileCamera(e.name().isEmpty() ? e.camera() : e.name()).equals(cameras.get(0))) {
                        continue;
                    }
                    long s = nanosSince(midnight, e.start());
                    long end = e.end() == null ? s : nanosSince(midnight, e.end());
                    events.add(new DayEvent(e, s, Math.max(s, end), e.keyFramePath(eventsDir)));
                }
            } catch (IOException e) {
                problems.add("The motion events of " + day + " could not be read (" + e.getMessage() + ")");
            }
        }
        return new ReviewDay(day, cameras, placed, events, problems, skipped,
                !cameras.isEmpty() && stillWritten(placed.get(cameras.get(0)), now));
    }

    /** Whether the last of these recordings' files was changed within {@link #STILL_WRITTEN} before {@code now}. */
    private static boolean stillWritten(List<Placed> lead, Instant now) {
        if (lead.isEmpty()) {
            return false;
        }
        List<Path> files = lead.get(lead.size() - 1).recording().segments();
        try {
            Instant changed = Files.getLastModifiedTime(files.get(files.size() - 1)).toInstant();
            return !changed.isBefore(now.minus(STILL_WRITTEN));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the lead camera's last recording was still being written when the day was indexed (its file changed
     * within {@link #STILL_WRITTEN}): more of it may be indexed later.
     */
    public boolean growing() {
        return growing;
    }

    /** Pauses the player on the lead camera's next frame (crossing into its next recording) or its previous one. */
    void step(Player player, boolean forward) {
        player.pause();
        player.seek(forward ? nextFrame(player.position()) : previousFrame(player.position()));
    }

    /**
     * What each camera shows at the player's position (one call per pulse). While playing through a gap where no
     * camera recorded, moves the player to the next recording: a day of clips around motion plays as one film.
     */
    List<Shown> shownNow(Player player) {
        long p = player.position();
        if (player.playing() && !anyCovers(p)) {
            long next = nextStartAfter(p);
            if (next >= 0) {
                player.seek(next);
                p = next;
            }
        }
        return shownAt(p);
    }

    /**
     * What the review shows for the cameras of the recordings: the wall's name for each (its files say
     * {@code Front_door} for {@code Front door}), or the file's own where no camera of the wall, or more than one,
     * makes that file name (a camera since renamed or removed; {@code Door 1} and {@code Door_1}).
     */
    public static UnaryOperator<String> shownNames(List<String> wallNames) {
        Map<String, String> byFile = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (String name : wallNames) {
            String was = byFile.put(fileCamera(name), name);
            if (was != null && !was.equals(name)) {
                shared.add(fileCamera(name));
            }
        }
        byFile.keySet().removeAll(shared);
        Map<String, String> names = Map.copyOf(byFile);
        return file -> names.getOrDefault(file, file);
    }

    /** The camera part of a recording's file name for a camera's name, as the recorder makes it. */
    public static String fileCamera(String name) {
        String s = UNSAFE.matcher(name.strip()).replaceAll("_").replaceAll("^[._]+|[._]+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        if (s.isEmpty()) {
            return "camera";
        }
        return s.matches("(?i)(con|prn|aux|nul|com\\d|lpt\\d)") ? s + "_" : s;
    }

    private static long nanosSince(long midnightMillis, Instant t) {
        return Math.max(0, Math.min(DAY, (t.toEpochMilli() - midnightMillis) * 1_000_000L));
    }

    /** Where a recording starts on the day's clock: its name's time, or (named by hand) its file's end minus its length. */
    private static long start(Recording r, Timeline t, LocalDate day, ZoneId zone) throws IOException {
        LocalDateTime start = r.start();
        if (start == null) {
            Instant end = Files.getLastModifiedTime(r.segments().get(r.segments().size() - 1)).toInstant();
            start = LocalDateTime.ofInstant(end.minusNanos(t.durationNanos()), zone);
            if (start.toLocalDate().isBefore(day)) {
                return 0;
            }
        }
        return Duration.between(day.atStartOfDay(), start).toNanos();
    }

    private static String words(Recording r, IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            m = "it was deleted or moved";
        }
        String name = r.segments().get(0).getFileName().toString();
        return m.contains(name) ? m : name + ": " + m;
    }

    public LocalDate day() {
        return day;
    }

    /** The cameras shown, the lead first. */
    public List<String> cameras() {
        return cameras;
    }

    /** A camera's recordings on the day's clock, earliest first. */
    public List<Placed> placed(String camera) {
        return placed.getOrDefault(camera, List.of());
    }

    /** The lead camera's recordings. */
    public List<Placed> lead() {
        return cameras.isEmpty() ? List.of() : placed(cameras.get(0));
    }

    public List<DayEvent> events() {
        return events;
    }

    /** Files (or the event log) that could not be read, each in words. */
    public List<String> problems() {
        return problems;
    }

    /** Event log lines that were not valid events (a torn last line after a crash is one). */
    public int skippedEventLines() {
        return skippedEventLines;
    }

    /** Whether any camera has a recording to play. */
    public boolean playable() {
        return placed.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /** The player's cameras: every recording of every camera as a track on the day's clock. */
    public List<Player.Track> tracks() {
        List<Player.Track> out = new ArrayList<>();
        for (String c : cameras) {
            for (Placed p : placed(c)) {
                out.add(new Player.Track(c, p.timeline(), p.startNanos()));
            }
        }
        return out;
    }

    /** The earliest recorded moment of any camera, or 0. */
    public long firstNanos() {
        return placed.values().stream().flatMap(List::stream).mapToLong(Placed::startNanos).min().orElse(0);
    }

    /** The latest recorded moment of any camera, or 0. */
    public long lastNanos() {
        return placed.values().stream().flatMap(List::stream).mapToLong(Placed::endNanos).max().orElse(0);
    }

    /** What each camera shows at {@code nanos}, in {@link #cameras()} order. */
    public List<Shown> shownAt(long nanos) {
        List<Shown> out = new ArrayList<>(cameras.size());
        for (String c : cameras) {
            Placed at = placedAt(c, nanos);
            out.add(at == null ? new Shown(c, null, -1)
                    : new Shown(c, at, at.timeline().frameAt(nanos - at.startNanos())));
        }
        return out;
    }

    /** The camera's recording covering {@code nanos}, or {@code null}. */
    public Placed placedAt(String camera, long nanos) {
        for (Placed p : placed(camera)) {
            if (p.covers(nanos)) {
                return p;
            }
        }
        return null;
    }

    /** The start of the first recording of any camera that starts after {@code nanos}, or -1. */
    public long nextStartAfter(long nanos) {
        return placed.values().stream().flatMap(List::stream).mapToLong(Placed::startNanos).filter(s -> s > nanos)
                .min().orElse(-1);
    }

    /** Whether some camera shows a picture at {@code nanos}. */
    public boolean anyCovers(long nanos) {
        return placed.values().stream().flatMap(List::stream).anyMatch(p -> p.covers(nanos));
    }

    /**
     * The start of the lead camera's next frame after the one at {@code nanos} (in its next recording if it was
     * the last), or {@code nanos} when there is none.
     */
    public long nextFrame(long nanos) {
        for (Placed p : lead()) {
            if (p.covers(nanos)) {
                int g = p.timeline().frameAt(nanos - p.startNanos());
                if (g + 1 < p.timeline().frameCount()) {
                    return p.startNanos() + p.timeline().frameNanos(g + 1);
                }
            } else if (p.startNanos() > nanos) {
                return p.startNanos();
            }
        }
        return nanos;
    }

    /**
     * The start of the lead camera's frame before the one at {@code nanos} (the last frame of its previous
     * recording if it was the first), or {@code nanos} when there is none.
     */
    public long previousFrame(long nanos) {
        List<Placed> lead = lead();
        for (int i = lead.size() - 1; i >= 0; i--) {
            Placed p = lead.get(i);
            if (p.covers(nanos)) {
                int g = p.timeline().frameAt(nanos - p.startNanos());
                if (g > 0) {
                    return p.startNanos() + p.timeline().frameNanos(g - 1);
                }
            } else if (p.endNanos() <= nanos) {
                return p.startNanos() + p.timeline().frameNanos(p.timeline().frameCount() - 1);
            }
        }
        return nanos;
    }
}
