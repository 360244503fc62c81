package org.mjpegwall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of {@code /status}: field names and order, times as ISO-8601, unknowns as null. */
class StatusJsonTest {
    @Test
    void writesTheStatusDocumentFieldForField() {
        // given
        ServerStatus status = new ServerStatus(1, 100, List.of(
                new ServerStatus.CameraStatus("1", "Front <door>", "/camera/1/stream.mjpg", "/camera/1/snapshot.jpg",
                        12.5, 300, 40L, new UpstreamStatus("http://cam/video?pwd=***", "STREAMING", 12.4, null),
                        List.of(new FrameHub.ViewerInfo("127.0.0.1:50000", Instant.parse("2026-11-24T12:30:00Z"), 7,
                                2.5))),
                new ServerStatus.CameraStatus("2", "Yard", "/camera/2/stream.mjpg", "/camera/2/snapshot.jpg",
                        0, 0, null, null, List.of())));

        // when
        String json = new String(StatusJson.write(status), StandardCharsets.UTF_8);

        // then
        assertEquals("""
                {
                  "viewers" : 1,
                  "maxViewers" : 100,
                  "cameras" : [ {
                    "id" : "1",
                    "name" : "Front <door>",
                    "stream" : "/camera/1/stream.mjpg",
                    "snapshot" : "/camera/1/snapshot.jpg",
                    "fps" : 12.5,
                    "frames" : 300,
                    "frameAgeMillis" : 40,
                    "upstream" : {
                      "source" : "http://cam/video?pwd=***",
                      "state" : "STREAMING",
                      "fps" : 12.4,
                      "lastError" : null
                    },
                    "viewers" : [ {
                      "remote" : "127.0.0.1:50000",
                      "since" : "2026-11-24T12:30:00Z",
                      "frames" : 7,
                      "fps" : 2.5
                    } ]
                  }, {
                    "id" : "2",
                    "name" : "Yard",
                    "stream" : "/camera/2/stream.mjpg",
                    "snapshot" : "/camera/2/snapshot.jpg",
                    "fps" : 0.0,
                    "frames" : 0,
                    "frameAgeMillis" : null,
                    "upstream" : null,
                    "viewers" : [ ]
                  } ]
                }""", json);
    }
}
