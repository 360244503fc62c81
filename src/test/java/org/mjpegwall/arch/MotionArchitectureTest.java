package org.mjpegwall.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.mjpegwall.arch.ArchitectureRules.MAIN;
import static org.mjpegwall.arch.ArchitectureRules.mayNotUse;

import org.junit.jupiter.api.Test;

/** Keeps motion detection a library stage of its own (DESIGN.md: {@code motion} may use {@code frame} only). */
class MotionArchitectureTest {
    @Test
    void motionUsesNoJavaFxNoNetworkingAndNoUiOrCli() {
        mayNotUse("org.mjpegwall.motion..", "javafx..", "java.net..", "javax.net..",
                "com.sun.net.httpserver..", "org.mjpegwall.ui..", "org.mjpegwall.cli..", "org.mjpegwall.server..",
                "org.mjpegwall.record..", "org.mjpegwall.config..", "org.mjpegwall.demo..",
                "org.mjpegwall.source.internal..")
                .because("motion analysis runs for every camera with no window, and takes frames, not connections")
                .check(MAIN);
    }

    @Test
    void motionTakesFramesNotConnections() {
        mayNotUse("org.mjpegwall.motion..", "org.mjpegwall.source..")
                .because("motion analyses frames from the frame core; connections are the sources' business")
                .check(MAIN);
    }

    @Test
    void theDetectorIsPureNoClockNoThreadsNoIo() {
        noClasses().that().resideInAPackage("org.mjpegwall.motion..")
                .and().haveSimpleNameStartingWith("MotionDetector").or().haveSimpleName("Regions")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.util.concurrent..",
                        "java.time..")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .because("the detector is tested frame by frame: times come in with the pictures")
                .check(MAIN);
    }
}
