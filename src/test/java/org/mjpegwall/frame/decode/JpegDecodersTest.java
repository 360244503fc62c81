package org.mjpegwall.frame.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which decoder the program gets: libjpeg-turbo where it loads, the ImageIO fallback otherwise, said once. */
class JpegDecodersTest {
    /** Where Debian's libturbojpeg0 puts the library (.ci/run installs it). */
    private static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0");

    @Test
    void usesLibjpegTurboWhereTheSystemHasIt() {
        JpegDecoderTest.requireTurbo();
        assertTrue(JpegDecoders.turboAvailable(), JpegDecoders.unavailableReason());
        try (JpegDecoder d = JpegDecoders.open()) {
            assertEquals("libjpeg-turbo", d.name());
        }
    }

    @Test
    @Timeout(60)
    void forcedFallbackDecodesWithImageIoAndWarnsOfNothing() throws Exception {
        // given a JVM started with -Dmjpegwall.decoder=java
        Child child = run("-D" + JpegDecoders.DECODER_PROPERTY + "=java");
        // when it decodes three frames
        // then every decoder is ImageIO's, with the same output size, and no warning is logged
        assertEquals(List.of("ImageIO 320x240", "ImageIO 320x240", "ImageIO 320x240", "turboAvailable=false"),
                child.out(), child.toString());
        assertEquals(0, child.warnings(), child.toString());
    }

    @Test
    @Timeout(60)
    void missingLibraryIsReportedOnceAndTheFallbackDecodes() throws Exception {
        // given a JVM where libturbojpeg cannot be loaded
        Child child = run("-D" + TurboJpegNative.LIBRARY_PROPERTY + "=/nonexistent/libturbojpeg.so.0");
        // when it decodes three frames with three decoders
        // then all are decoded by the fallback, and the missing library is said once, as one WARN line
        assertEquals(List.of("ImageIO 320x240", "ImageIO 320x240", "ImageIO 320x240", "turboAvailable=false"),
                child.out(), child.toString());
        assertEquals(1, child.warnings(), child.toString());
        assertTrue(child.err().stream().anyMatch(l -> l.contains("WARN") && l.contains("falls back")
                && l.contains("/nonexistent/libturbojpeg.so.0")), child.toString());
    }

    @Test
    @Timeout(60)
    void libraryNamedByPathIsLoaded() throws Exception {
        assumeTrue(Files.exists(DEBIAN_LIBRARY), "no " + DEBIAN_LIBRARY + " here");
        // given a JVM told to load libturbojpeg from a path (as a bundled library would be)
        Child child = run("-D" + TurboJpegNative.LIBRARY_PROPERTY + "=" + DEBIAN_LIBRARY);
        // then it decodes with it
        assertEquals(List.of("libjpeg-turbo 320x240", "libjpeg-turbo 320x240", "libjpeg-turbo 320x240",
                "turboAvailable=true"), child.out(), child.toString());
        assertEquals(0, child.warnings(), child.toString());
    }

    private record Child(int status, List<String> out, List<String> err) {
        long warnings() {
            return err.stream().filter(l -> l.contains("WARN")).count();
        }
    }

    private static Child run(String property) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", property,
                DecoderChild.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Child c = new Child(p.exitValue(), lines(out), lines(err));
        assertEquals(0, c.status(), c.toString());
        return c;
    }

    private static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\R"));
    }
}
