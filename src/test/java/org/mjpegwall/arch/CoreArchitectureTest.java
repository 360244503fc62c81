package org.mjpegwall.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the core (R11-LAYOUT.md): {@code util} depends on nothing of ours, {@code frame} on
 * {@code util}, {@code frame.decode} on {@code frame} and {@code util}, and the sources on {@code frame}
 * and {@code util}; a source's wire code ({@code source.internal}) is used by the sources alone.
 */
class CoreArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mjpegwall");
    }

    @Test
    void utilDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.mjpegwall.util..")
                .should().dependOnClassesThat(resideInAPackage("org.mjpegwall..")
                        .and(not(resideInAPackage("org.mjpegwall.util.."))))
                .because("util is the bottom layer: redaction, rates, time, locks")
                .check(classes);
    }

    @Test
    void frameDependsOnlyOnUtil() {
        noClasses().that().resideInAPackage("org.mjpegwall.frame")
                .should().dependOnClassesThat(resideInAPackage("org.mjpegwall..")
                        .and(not(resideInAnyPackage("org.mjpegwall.frame", "org.mjpegwall.util.."))))
                .because("the frame core knows no source, consumer or decoder: sources plug in through FrameSource")
                .check(classes);
    }

    @Test
    void frameDecodeDependsOnlyOnFrameAndUtil() {
        noClasses().that().resideInAPackage("org.mjpegwall.frame.decode..")
                .should().dependOnClassesThat(resideInAPackage("org.mjpegwall..")
                        .and(not(resideInAnyPackage("org.mjpegwall.frame..", "org.mjpegwall.util.."))))
                .check(classes);
    }

    @Test
    void sourcesDependOnlyOnFrameAndUtil() {
        noClasses().that().resideInAPackage("org.mjpegwall.source..")
                .should().dependOnClassesThat(resideInAPackage("org.mjpegwall..")
                        .and(not(resideInAnyPackage("org.mjpegwall.source..", "org.mjpegwall.frame",
                                "org.mjpegwall.util.."))))
                .because("a source fills frame buffers; it knows no consumer and no decoder")
                .check(classes);
    }

    @Test
    void sourceInternalsAreUsedOnlyBySources() {
        noClasses().that().resideOutsideOfPackage("org.mjpegwall.source..")
                .should().dependOnClassesThat().resideInAPackage("org.mjpegwall.source.internal..")
                .because("the wire code (parser, HTTP exchange, auth) is not API")
                .check(classes);
    }
}
