package org.mjpegwall.motion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mjpegwall.frame.Frame;

/**
 * A child JVM for {@link EventLogTest}: logs events as fast as the disk takes them (each one started,
 * then ended), printing "logged N" once the N-th is on disk, until it is killed.
 */
public final class EventLogChild {
    private EventLogChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Instant day = Instant.parse("2026-11-30T08:00:00Z");
        try (EventLog log = EventLog.open(dir, EventRetention.NONE, Clock.fixed(day, ZoneOffset.UTC), ZoneOffset.UTC)) {
            byte[] jpeg = new Scene(64, 48, 1).jpeg(0);
            for (int n = 0; n < 1_000_000; n++) {
                Instant start = day.plusMillis(n * 1000L);
                Frame f = new Frame(jpeg, n, start.toEpochMilli(), n);
                log.append(new MotionEvent("child", "Child", start, null, n, 0, 0.01, 0.02, null, f));
                log.append(new MotionEvent("child", "Child", start, start.plusMillis(500), n, n + 1, 0.01, 0.02, null, f));
                if (!log.flush(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("flush timed out");
                }
                System.out.println("logged " + (n + 1));
                System.out.flush();
            }
        }
    }
}
