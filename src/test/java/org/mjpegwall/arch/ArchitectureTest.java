package org.mjpegwall.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the package boundaries of DESIGN.md. */
class ArchitectureTest {
    private static final JavaClasses classes = ArchitectureRules.MAIN;

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

    /**
     * The whole house in one rule (docs/architecture.md): each layer uses only the layers below it. A new
     * source goes in {@code source}, a new frame consumer (motion, recording) beside {@code motion} and
     * {@code record}, which see frames and nothing of the network or the screen.
     */
    @Test
    void layersUseOnlyTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("util").definedBy("org.mjpegwall.util..")
                .layer("frame").definedBy("org.mjpegwall.frame..")
                .layer("source").definedBy("org.mjpegwall.source..")
                .layer("motion").definedBy("org.mjpegwall.motion..")
                .layer("record").definedBy("org.mjpegwall.record..")
                .layer("review").definedBy("org.mjpegwall.review..")
                .layer("server").definedBy("org.mjpegwall.server..")
                .layer("config").definedBy("org.mjpegwall.config..")
                .layer("demo").definedBy("org.mjpegwall.demo..")
                .layer("ui").definedBy("org.mjpegwall.ui..") // ui.review within it: see UiArchitectureTest
                .layer("cli").definedBy("org.mjpegwall.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("server").mayOnlyBeAccessedByLayers("demo", "ui", "cli")
                .whereLayer("review").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("record").mayOnlyBeAccessedByLayers("review", "ui", "cli")
                .whereLayer("motion").mayOnlyBeAccessedByLayers("review", "ui", "cli")
                .whereLayer("source").mayOnlyBeAccessedByLayers("server", "ui", "cli")
                .whereLayer("frame").mayOnlyBeAccessedByLayers("source", "motion", "record", "review", "server", "demo", "ui",
                        "cli")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.mjpegwall.(*)..").should().beFreeOfCycles().check(classes);
    }
}
