package org.mjpegwall.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLogReaderTest {
    private static final String GOOD = "{\"id\":\"2026-11-30_031205-123_cam-7\",\"camera\":\"cam-7\",\"name\":\"Yard\","
            + "\"start\":\"2026-11-30T03:12:05.123Z\",\"end\":\"2026-11-30T03:12:14.123Z\",\"peakScore\":0.01,"
            + "\"peakArea\":0.05,\"box\":[0.1,0.2,0.3,0.4],\"keyFrame\":\"2026-11-30_031205-123_cam-7.jpg\"}";

    private static EventLogReader.Result read(String text) throws IOException {
        return EventLogReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAWrittenLine() throws IOException {
        // when
        EventLogReader.Result r = read(GOOD + "\n");

        // then
        assertEquals(0, r.skippedLines());
        LoggedEvent e = r.events().get(0);
        assertEquals(Instant.parse("2026-11-30T03:12:05.123Z"), e.start());
        assertEquals(new Box(0.1, 0.2, 0.3, 0.4), e.box());
        assertEquals(Path.of("/log/2026-11-30_031205-123_cam-7.jpg"), e.keyFramePath(Path.of("/log")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[1,2,3]",
        "{\"id\":\"../../etc/passwd\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":0,\"peakArea\":0}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":0,\"peakArea\":0,"
            + "\"keyFrame\":\"../../../home/user/.ssh/id_rsa\"}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"end\":\"2026-11-30T03:00:00Z\","
            + "\"peakScore\":0,\"peakArea\":0}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"yesterday\",\"peakScore\":0,\"peakArea\":0}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":7,\"peakArea\":0}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":0,\"peakArea\":0,"
            + "\"box\":[0.5,0.5,2,0.1]}",
        "{\"id\":\"2026-11-30_x\",\"camera\":17,\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":0,\"peakArea\":0}",
        "{\"id\":\"2026-11-30_x\",\"camera\":\"c\",\"start\":\"2026-11-30T03:12:05Z\",\"peakScore\":\"NaN\",\"peakArea\":0}",
    })
    void aBadLineIsSkippedAndTheRestIsRead(String bad) throws IOException {
        // when
        EventLogReader.Result r = read(GOOD + "\n" + bad + "\n" + GOOD.replace("cam-7", "cam-8") + "\n");

        // then
        assertEquals(1, r.skippedLines());
        assertEquals(List.of("cam-7", "cam-8"), r.events().stream().map(LoggedEvent::camera).toList());
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedWithoutBeingHeld() throws IOException {
        // given a 10 MB line between two good ones
        String huge = "{\"name\":\"" + "x".repeat(10_000_000) + "\"}";

        // when
        EventLogReader.Result r = read(GOOD + "\n" + huge + "\n" + GOOD.replace("cam-7", "cam-8"));

        // then
        assertEquals(2, r.events().size());
        assertEquals(1, r.skippedLines());
    }

    @Test
    void theLastLineOfAnEventWinsAndAnEventNeverEndedIsUnfinished() throws IOException {
        // given
        String open = GOOD.replace("\"end\":\"2026-11-30T03:12:14.123Z\"", "\"end\":null");
        String other = open.replace("cam-7", "cam-9").replace("03:12:05.123Z", "01:00:00Z").replace("031205-123", "010000-000");

        // when
        EventLogReader.Result r = read(open + "\n" + other + "\n" + GOOD + "\n");

        // then ordered by start: the other (still open) first
        assertEquals(2, r.events().size());
        assertTrue(r.events().get(0).unfinished());
        assertEquals("cam-9", r.events().get(0).camera());
        assertEquals(Instant.parse("2026-11-30T03:12:14.123Z"), r.events().get(1).end());
    }

    @Test
    void aDayWithoutAFileOrAMissingFolderIsEmpty(@TempDir Path dir) throws IOException {
        assertEquals(0, EventLogReader.readDay(dir, LocalDate.of(2026, 1, 1)).events().size());
        assertEquals(List.of(), EventLogReader.days(dir.resolve("nothing-here")));
        assertNull(EventLogReader.parse("   "));
    }
}
