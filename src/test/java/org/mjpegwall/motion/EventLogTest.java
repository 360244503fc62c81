package org.mjpegwall.motion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;

class EventLogTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private EventLog open(EventRetention retention) throws IOException {
        return EventLog.open(dir, retention, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static Frame frame(int seed) {
        byte[] jpeg = new Scene(64, 48, seed).jpeg(seed);
        return new Frame(jpeg, seed, NOW.toEpochMilli(), seed);
    }

    private static MotionEvent event(String camera, Instant start, Instant end, Frame key) {
        return new MotionEvent(camera, "Yard", start, end, 1, end == null ? 0 : 2, 0.0123, 0.045,
                new Box(0.25, 0.5, 0.125, 0.25), key);
    }

    private void flush(EventLog log) throws InterruptedException {
        assertTrue(log.flush(Duration.ofSeconds(10)), "written in time");
    }

    @Test
    void anEventIsWrittenWhenItStartsAndWhenItEndsAndReadsBackAsOne() throws Exception {
        // given
        Instant start = Instant.parse("2026-11-30T03:12:05.123Z");
        Frame first = frame(1);
        Frame best = frame(2);

        // when
        try (EventLog log = open(EventRetention.NONE)) {
            log.eventStarted(event("cam-7", start, null, first));
            flush(log);
            assertTrue(EventLogReader.readDay(dir, TODAY).events().get(0).unfinished(), "on disk while it lasts");
            log.eventEnded(event("cam-7", start, start.plusSeconds(9), best));
            flush(log);
            assertEquals(2, log.stats().written());
        }

        // then
        EventLogReader.Result r = EventLogReader.readDay(dir, TODAY);
        assertEquals(0, r.skippedLines());
        assertEquals(1, r.events().size());
        LoggedEvent e = r.events().get(0);
        assertEquals("2026-11-30_031205-123_cam-7", e.id());
        assertEquals("cam-7", e.camera());
        assertEquals("Yard", e.name());
        assertEquals(start, e.start());
        assertEquals(start.plusSeconds(9), e.end());
        assertEquals(0.0123, e.peakScore());
        assertEquals(0.045, e.peakArea());
        assertEquals(new Box(0.25, 0.5, 0.125, 0.25), e.box());
        assertArrayEquals(best.jpeg(), Files.readAllBytes(e.keyFramePath(dir)), "the key frame is the best frame's bytes");
        assertEquals(2, Files.readAllLines(dir.resolve("2026-11-30.jsonl")).size());
        assertEquals(List.of(TODAY), EventLogReader.days(dir));
    }

    @Test
    void closingWritesEverythingQueuedBeforeEvenMidWrite() throws Exception {
        // given events queued faster than the disk takes them
        Frame key = frame(11);
        EventLog log = open(EventRetention.NONE);
        for (int i = 0; i < 30; i++) {
            Instant start = NOW.minusSeconds(1000 - i * 10L);
            log.append(event("cam", start, start.plusSeconds(5), key));
        }

        // when the program closes the log at once
        log.close();

        // then every event is on disk and no key frame is left half-written
        EventLogReader.Result r = EventLogReader.readDay(dir, TODAY);
        assertEquals(30, r.events().size());
        assertEquals(0, r.skippedLines());
        assertEquals(0, log.stats().failed(), log.stats().lastError());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void anEventGoesToTheFileOfTheDayItStartedInTheLocalZone() throws Exception {
        // given 23:30 UTC on the 29th is already the 30th in Berlin
        Instant start = Instant.parse("2026-11-29T23:30:00Z");
        try (EventLog log = EventLog.open(dir, EventRetention.NONE, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"))) {
            // when
            log.append(event("cam", start, start.plusSeconds(60), frame(3)));
            flush(log);
        }

        // then
        assertEquals(List.of(TODAY), EventLogReader.days(dir));
        assertEquals("2026-11-30_003000-000_cam", EventLogReader.readDay(dir, TODAY).events().get(0).id());
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextEventStartsOnALineOfItsOwn() throws Exception {
        // given a log whose last line a crash cut in half
        Instant a = Instant.parse("2026-11-30T01:00:00Z");
        try (EventLog log = open(EventRetention.NONE)) {
            log.append(event("cam", a, a.plusSeconds(5), frame(4)));
            flush(log);
        }
        Path file = dir.resolve("2026-11-30.jsonl");
        String whole = Files.readString(file);
        Files.writeString(file, whole + whole.substring(0, whole.length() / 2).replace("01:00:00", "02:00:00"));

        // when the program starts again and logs another event
        Instant b = Instant.parse("2026-11-30T03:00:00Z");
        try (EventLog log = open(EventRetention.NONE)) {
            log.append(event("cam", b, b.plusSeconds(5), frame(5)));
            flush(log);
        }

        // then both complete events read back, and only the torn piece is skipped
        EventLogReader.Result r = EventLogReader.readDay(dir, TODAY);
        assertEquals(List.of(a, b), r.events().stream().map(LoggedEvent::start).toList());
        assertEquals(1, r.skippedLines());
    }

    @Test
    @Timeout(120)
    void killMinus9WhileLoggingLosesAtMostTheEventBeingWritten() throws Exception {
        // given a child JVM logging events as fast as it can
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", EventLogChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long logged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; logged < 40 && (line = out.readLine()) != null; ) {
                logged = Long.parseLong(line.substring("logged ".length()));
            }
            assertEquals(40, logged, "the child logged events");

            // when it is killed with SIGKILL mid-stream
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        // then every event it reported is there, and at most one line is torn
        EventLogReader.Result r = EventLogReader.readDay(dir, TODAY);
        assertThat((long) r.events().size(), greaterThanOrEqualTo(logged));
        assertThat(r.skippedLines(), lessThanOrEqualTo(1));
        long ended = r.events().stream().filter(e -> !e.unfinished()).count();
        assertThat(ended, greaterThanOrEqualTo(logged));
        assertThat(r.events().size() - ended, lessThanOrEqualTo(1L));
        for (LoggedEvent e : r.events().subList(0, (int) logged)) {
            assertTrue(Files.size(e.keyFramePath(dir)) > 0, "key frame of " + e.id());
        }
        try (Stream<Path> files = Files.list(dir)) {
            long temps = files.filter(p -> p.toString().endsWith(".tmp")).count();
            assertThat(temps, lessThanOrEqualTo(1L));
        }
        // and the next start tidies up and goes on
        try (EventLog log = open(EventRetention.NONE)) {
            Instant next = Instant.parse("2026-11-30T23:00:00Z");
            log.append(event("cam", next, next.plusSeconds(1), frame(6)));
            flush(log);
        }
        EventLogReader.Result after = EventLogReader.readDay(dir, TODAY);
        assertEquals(r.events().size() + 1, after.events().size());
        assertEquals(r.skippedLines(), after.skippedLines());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "half-written key frames are removed");
        }
    }

    @Test
    void retentionDeletesDaysPastTheAgeOldestFirstAndNeverOtherFiles() throws Exception {
        // given five days of events and a file of the user's
        for (int d = 1; d <= 5; d++) {
            Instant start = NOW.minus(Duration.ofDays(d));
            try (EventLog log = open(EventRetention.NONE)) {
                log.append(event("cam", start, start.plusSeconds(3), frame(d)));
                flush(log);
            }
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("2020-01-01-backup.jsonl"), "mine too");

        // when the log opens keeping 3 days
        try (EventLog log = open(EventRetention.of(3, 0))) {
            flush(log);
        }

        // then days that ended more than 3 days ago are gone: the 25th and 26th
        assertEquals(List.of(TODAY.minusDays(3), TODAY.minusDays(2), TODAY.minusDays(1)), EventLogReader.days(dir));
        assertTrue(Files.exists(dir.resolve("notes.txt")));
        assertTrue(Files.exists(dir.resolve("2020-01-01-backup.jsonl")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.filter(p -> p.toString().endsWith(".jpg")).count(), "key frames went with their days");
        }
    }

    @Test
    void newLimitsGivenToAnOpenLogApplyAtOnceAndSpareTheDayOfAnOpenEvent() throws Exception {
        // given a log kept without limits, with events ended 6 and 4 days ago and one open since 5 days ago
        try (EventLog log = open(EventRetention.NONE)) {
            for (int d : new int[] {6, 4}) {
                Instant start = NOW.minus(Duration.ofDays(d));
                log.append(event("cam", start, start.plusSeconds(3), frame(d)));
            }
            log.append(event("door", NOW.minus(Duration.ofDays(5)), null, frame(5)));
            flush(log);
            assertEquals(List.of(TODAY.minusDays(6), TODAY.minusDays(5), TODAY.minusDays(4)), EventLogReader.days(dir));
            // when the wall's setting becomes 3 days
            log.retention(EventRetention.of(3, 0));
            flush(log);
            // then the old ended days are gone at once, and the open event's day stays
            assertEquals(List.of(TODAY.minusDays(5)), EventLogReader.days(dir));
        }
    }

    /** Logs one ended event on each of the given days ago; returns the bytes of one day's files. */
    private long oldDays(int... daysAgo) throws Exception {
        try (EventLog log = open(EventRetention.NONE)) {
            for (int d : daysAgo) {
                Instant start = NOW.minus(Duration.ofDays(d));
                log.append(event("cam", start, start.plusSeconds(3), frame(d)));
            }
            flush(log);
        }
        LocalDate day = TODAY.minusDays(daysAgo[0]);
        return Files.size(dir.resolve(day + ".jsonl"))
                + Files.size(EventLogReader.readDay(dir, day).events().get(0).keyFramePath(dir));
    }

    @Test
    void theQuotaDeletesTheOldestDaysFirst() throws Exception {
        // given three days of about the same size
        long oneDay = oldDays(2, 3, 4);

        // when the quota holds two and a half
        try (EventLog log = open(new EventRetention(null, oneDay * 5 / 2))) {
            flush(log);
        }

        // then the oldest day went
        assertEquals(List.of(TODAY.minusDays(3), TODAY.minusDays(2)), EventLogReader.days(dir));
    }

    @Test
    void theQuotaNeverDeletesTodayNorAnOpenEventsDayOrKeyFrame() throws Exception {
        // given old days, an event open since yesterday and one ended today
        oldDays(2, 3, 4);
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        Instant today = NOW.minusSeconds(60);
        try (EventLog log = open(new EventRetention(null, 1))) {
            log.append(event("cam", yesterday, null, frame(9)));
            log.append(event("cam", today, today.plusSeconds(2), frame(10)));

            // when a quota of 1 byte applies
            log.retainNow();
            flush(log);
        }

        // then every old day is gone; yesterday and today stay, and so does the open event's key frame
        assertEquals(List.of(TODAY.minusDays(1), TODAY), EventLogReader.days(dir));
        LoggedEvent open = EventLogReader.readDay(dir, TODAY.minusDays(1)).events().get(0);
        assertNull(open.end());
        assertTrue(Files.exists(open.keyFramePath(dir)));
        LoggedEvent ended = EventLogReader.readDay(dir, TODAY).events().get(0);
        assertFalse(Files.exists(ended.keyFramePath(dir)), "an ended event's key frame may go to keep the quota");
    }
}
