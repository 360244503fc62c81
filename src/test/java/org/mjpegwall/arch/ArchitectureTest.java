package org.mjpegwall.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package boundaries of DESIGN.md. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mjpegwall");
    }

    @Test
    void onlyUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.mjpegwall.ui..", "org.mjpegwall.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("only the ui package is JavaFX; the library must run without a toolkit")
                .check(classes);
    }

    @Test
    void cliUsesJavaFxOnlyThroughUi() {
        noClasses().that().resideInAPackage("org.mjpegwall.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyCliPrintsToStdout() {
        noClasses().that().resideOutsideOfPackage("org.mjpegwall.cli..")
                .should().accessField(System.class, "out")
                .because("library code logs through slf4j; only commands print")
                .check(classes);
    }

    @Test
    void recordDoesNoNetworking() {
        noClasses().that().resideInAPackage("org.mjpegwall.record..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "com.sun.net.httpserver..",
                        "org.mjpegwall.server..", "org.mjpegwall.ui..")
                .check(classes);
    }

    @Test
    void libraryDoesNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage("org.mjpegwall.source..", "org.mjpegwall.server..",
                        "org.mjpegwall.record..", "org.mjpegwall.config..", "org.mjpegwall.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mjpegwall.ui..", "org.mjpegwall.cli..")
                .check(classes);
    }

    @Test
    void frameDecodeIsALibraryOfItsOwn() {
        noClasses().that().resideInAPackage("org.mjpegwall.frame.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mjpegwall.ui..", "org.mjpegwall.cli..",
                        "org.mjpegwall.server..", "org.mjpegwall.record..", "org.mjpegwall.config..",
                        "org.mjpegwall.demo..", "javafx..")
                .because("the decoder serves the wall, motion analysis and playback alike")
                .check(classes);
    }

    @Test
    void clientDoesNotDependOnOtherParts() {
        noClasses().that().resideInAPackage("org.mjpegwall.source..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mjpegwall.server..",
                        "org.mjpegwall.record..", "org.mjpegwall.config..", "org.mjpegwall.demo..")
                .check(classes);
    }

    @Test
    void onlyClientInternalsAreUsedWithinClient() {
        noClasses().that().resideOutsideOfPackage("org.mjpegwall.source..")
                .should().dependOnClassesThat().resideInAPackage("org.mjpegwall.source.internal..")
                .because("client.internal is not public API")
                .check(classes);
    }
}
