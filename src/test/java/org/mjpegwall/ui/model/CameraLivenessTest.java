package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.ui.TestSource;

/**
 * A tile that is not live says so and since when, and keeps no old figures; a camera whose pictures
 * stop coming is called frozen within seconds. Time is passed in, so nothing waits.
 */
class CameraLivenessTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant T0 = Instant.parse("2026-11-30T14:02:00Z");

    private final TestSource source = new TestSource();
    private final CameraModel camera = new CameraModel(CameraConfig.of("Door", "http://127.0.0.1:9/"), source, false);
    private long nanos = 1_000_000_000L;
    private Instant now = T0;

    private void advance(Duration d) {
        nanos += d.toNanos();
        now = now.plus(d);
    }

    /** A camera streaming 4 frames a second for 5 s, each frame shown. */
    private void streamFor(Duration d) {
        for (long t = 0; t < d.toMillis(); t += 250) {
            source.push(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
            camera.noteDisplayed(nanos, 12);
            camera.refresh(now, nanos, UTC);
            advance(Duration.ofMillis(250));
        }
    }

    @Test
    void aStreamingCameraIsLiveWithItsStats() {
        // when
        streamFor(Duration.ofSeconds(5));
        camera.refresh(now, nanos, UTC);
        // then
        assertTrue(camera.statusProperty().get().live());
        assertTrue(camera.statsTextProperty().get().contains("fps"), camera.statsTextProperty().get());
    }

    @Test
    void picturesThatStopComingMakeTheTileFrozenWithinSeconds() {
        // given a live camera
        streamFor(Duration.ofSeconds(5));
        Instant lastFrame = now.minusMillis(250);
        // when a second passes without a frame, it is still live
        advance(Duration.ofSeconds(1));
        camera.refresh(now, nanos, UTC);
        assertTrue(camera.statusProperty().get().live());
        // when 2.5 s pass without a frame (the client still says STREAMING)
        advance(Duration.ofMillis(1500));
        camera.refresh(now, nanos, UTC);
        // then it is frozen, says since when, and shows no old stats
        TileStatus s = camera.statusProperty().get();
        assertEquals(TileStatus.Kind.FROZEN, s.kind());
        assertEquals("no new picture\noffline since 14:02 (" + Duration.between(lastFrame, now).toSeconds() + " s)", s.text());
        assertEquals("", camera.statsTextProperty().get());
        // when frames come again, it is live again
        streamFor(Duration.ofSeconds(1));
        camera.refresh(now, nanos, UTC);
        assertTrue(camera.statusProperty().get().live());
    }

    @Test
    void aCameraThatDroppedSaysWhyAndSinceWhenItsLastPictureCame() {
        // given a live camera
        streamFor(Duration.ofSeconds(5));
        // when its server goes away and the client backs off, 3 minutes later
        source.setStats(TestSource.stats(SourceState.BACKOFF, "connection refused", null));
        advance(Duration.ofMinutes(3));
        camera.refresh(now, nanos, UTC);
        // then
        TileStatus s = camera.statusProperty().get();
        assertEquals(TileStatus.Kind.RECONNECTING, s.kind());
        assertTrue(s.text().startsWith("connection refused\n"), s.text());
        assertTrue(s.text().endsWith("offline since 14:02 (3 min)"), s.text());
        assertEquals("", camera.statsTextProperty().get());
    }

    @Test
    void theFirstConnectionAttemptIsNotCalledOffline() {
        // given a camera that has not connected yet
        source.setStats(TestSource.stats(SourceState.CONNECTING, null, null));
        // when
        camera.refresh(now, nanos, UTC);
        // then
        assertEquals("connecting…", camera.statusProperty().get().text());
    }

    @Test
    void aCameraNeverReachedIsOfflineSinceTheWallStarted() {
        // given
        source.setStats(TestSource.stats(SourceState.BACKOFF, "connection refused", null));
        camera.refresh(now, nanos, UTC);
        // when an hour and five minutes pass
        advance(Duration.ofMinutes(65));
        camera.refresh(now, nanos, UTC);
        // then
        assertTrue(camera.statusProperty().get().text().endsWith("offline since 14:02 (1 h 5 min)"),
                camera.statusProperty().get().text());
        assertFalse(camera.statusProperty().get().live());
    }

    @Test
    void durationsAndOlderDaysReadNaturally() {
        assertEquals("45 s", TileStatus.duration(Duration.ofSeconds(45)));
        assertEquals("2 h", TileStatus.duration(Duration.ofHours(2)));
        assertEquals("3 days", TileStatus.duration(Duration.ofDays(3).plusHours(5)));
        assertEquals("offline since 28 Nov 14:02 (2 days)",
                TileStatus.offlineLine(T0.minus(Duration.ofDays(2)), T0, UTC));
    }

    @Test
    void aSlowSnapshotCameraIsNotCalledFrozenBetweenItsPictures() {
        // given a camera that sends a picture every 5 s
        for (int i = 0; i < 4; i++) {
            source.push(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
            camera.noteDisplayed(nanos, 12);
            for (int r = 0; r < 20; r++) {
                camera.refresh(now, nanos, UTC);
                advance(Duration.ofMillis(250));
            }
        }
        // then 5 s after its last picture it is still live
        assertTrue(camera.statusProperty().get().live(), camera.statusProperty().get().text());
    }
}
