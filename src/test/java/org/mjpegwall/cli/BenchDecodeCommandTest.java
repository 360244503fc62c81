package org.mjpegwall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.CliRun;

/** bench-decode runs end to end on a few decodes and reports every case; speed is not asserted. */
class BenchDecodeCommandTest {
    @Test
    void reportsEveryCaseForTodaysDecoderAndLibjpegTurbo() {
        // when
        CliRun run = CliRun.of("bench-decode", "--decodes", "5", "--no-fallback", "--handoff-seconds", "0");
        // then every size and scale has a row with both decoders' figures, and the sizes each decoded to
        assertEquals(0, run.status(), run.out() + run.err());
        String[] rows = Arrays.stream(run.out().split("\\R"))
                .filter(l -> l.startsWith("640x480 ") || l.startsWith("1920x1080 ")).toArray(String[]::new);
        assertEquals(10, rows.length, run.out());
        assertTrue(run.out().contains("libjpeg-turbo: loaded"), run.out());
        for (String row : rows) {
            assertEquals(2, row.split(" ms ", -1).length - 1, row);
            assertTrue(row.trim().endsWith("x"), row); // the ratio today/turbo
        }
        assertTrue(rows[4].contains("240x180") && rows[4].contains("320x240"), rows[4]);
        assertTrue(rows[9].contains("tile 480x270"), rows[9]);
    }

    @Test
    void comparesSetPixelsWithPixelBuffersOnTheToolkit() {
        // when the handoff part runs briefly (under Monocle in tests)
        CliRun run = CliRun.of("bench-decode", "--decodes", "5", "--no-fallback", "--handoff-seconds", "1",
                "--handoff-rounds", "1");
        // then each way of handing pixels over has a figure, for both tile configurations
        assertEquals(0, run.status(), run.out() + run.err());
        for (String way : new String[] {"nothing changes", "WritableImage.setPixels, ByteBgraPre",
            "WritableImage.setPixels, IntArgbPre", "PixelBuffer<ByteBuffer>", "PixelBuffer<IntBuffer>"}) {
            assertEquals(2, Arrays.stream(run.out().split("\\R")).filter(l -> l.startsWith("    " + way)
                    && l.contains(" cores")).count(), run.out());
        }
        assertEquals(2, run.out().split("cheapest: ", -1).length - 1, run.out());
    }
}
