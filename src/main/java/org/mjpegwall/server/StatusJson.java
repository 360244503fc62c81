package org.mjpegwall.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/** {@link ServerStatus} as the pretty-printed JSON of {@code /status}, written by Jackson from the records. */
final class StatusJson {
    // Why a serializer for Instant: Jackson without the jsr310 module refuses it; ISO-8601 text is what a reader wants.
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .addModule(new SimpleModule("status").addSerializer(Instant.class, ToStringSerializer.instance))
            .build()
            .writerWithDefaultPrettyPrinter();

    private StatusJson() {
    }

    static byte[] write(ServerStatus status) {
        try {
            return WRITER.writeValueAsBytes(status);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the status as JSON", ex); // records of plain values: never
        }
    }
}
