package org.mjpegwall.arch;

import static org.mjpegwall.arch.ArchitectureRules.MAIN;
import static org.mjpegwall.arch.ArchitectureRules.usedOnlyBy;
import static org.mjpegwall.arch.ArchitectureRules.usesOfOursOnly;

import org.junit.jupiter.api.Test;

/**
 * The layering of the core (R11-LAYOUT.md): {@code util} depends on nothing of ours, {@code frame} on
 * {@code util}, {@code frame.decode} on {@code frame} and {@code util}, and the sources on {@code frame}
 * and {@code util}; a source's wire code ({@code source.internal}) is used by the sources alone.
 */
class CoreArchitectureTest {
    @Test
    void utilDependsOnNothingOfOurs() {
        usesOfOursOnly("org.mjpegwall.util..", "org.mjpegwall.util..")
                .because("util is the bottom layer: redaction, rates, time, locks")
                .check(MAIN);
    }

    @Test
    void frameDependsOnlyOnUtil() {
        usesOfOursOnly("org.mjpegwall.frame", "org.mjpegwall.frame", "org.mjpegwall.util..")
                .because("the frame core knows no source, consumer or decoder: sources plug in through FrameSource")
                .check(MAIN);
    }

    @Test
    void frameDecodeDependsOnlyOnFrameAndUtil() {
        usesOfOursOnly("org.mjpegwall.frame.decode..", "org.mjpegwall.frame..", "org.mjpegwall.util..").check(MAIN);
    }

    @Test
    void sourcesDependOnlyOnFrameAndUtil() {
        usesOfOursOnly("org.mjpegwall.source..", "org.mjpegwall.source..", "org.mjpegwall.frame", "org.mjpegwall.util..")
                .because("a source fills frame buffers; it knows no consumer and no decoder")
                .check(MAIN);
    }

    @Test
    void sourceInternalsAreUsedOnlyBySources() {
        usedOnlyBy("org.mjpegwall.source.internal..", "org.mjpegwall.source..")
                .because("the wire code (parser, HTTP exchange, auth) is not API")
                .check(MAIN);
    }
}
