package org.mjpegwall.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps motion detection a library stage of its own (DESIGN.md: {@code motion} may use {@code frame} only). */
class MotionArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mjpegwall");
    }

    @Test
    void motionUsesNoJavaFxNoNetworkingAndNoUiOrCli() {
        noClasses().that().resideInAPackage("org.mjpegwall.motion..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.net..", "javax.net..",
                        "com.sun.net.httpserver..", "org.mjpegwall.ui..", "org.mjpegwall.cli..", "org.mjpegwall.server..",
                        "org.mjpegwall.record..", "org.mjpegwall.config..", "org.mjpegwall.demo..",
                        "org.mjpegwall.source.internal..")
                .because("motion analysis runs for every camera with no window, and takes frames, not connections")
                .check(classes);
    }

    @Test
    void motionTakesFramesNotConnections() {
        noClasses().that().resideInAPackage("org.mjpegwall.motion..")
                .should().dependOnClassesThat().resideInAPackage("org.mjpegwall.source..")
                .because("motion analyses frames from the frame core; connections are the sources' business")
                .check(classes);
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
                .check(classes);
    }
}
