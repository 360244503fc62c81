package org.mjpegwall.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mjpegwall.ui.model.ConnectionTest;
import org.mjpegwall.util.TimeSource;
import org.mjpegwall.ui.render.HandoffBench;

/**
 * Keeps the wall's layers apart: {@code ui.model} (view models and controllers, no controls) below
 * {@code ui.render} and {@code ui.control}, which know the model only, below {@code ui.window}, which
 * uses them all.
 */
class UiArchitectureTest {
    private static final String MODEL = "org.mjpegwall.ui.model..";
    private static final String RENDER = "org.mjpegwall.ui.render..";
    private static final String CONTROL = "org.mjpegwall.ui.control..";
    private static final String WINDOW = "org.mjpegwall.ui.window..";
    private static final String REVIEW = "org.mjpegwall.ui.review..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mjpegwall");
    }

    @Test
    void theModelUsesJavaFxPropertiesAndCollectionsOnlyNoControlsNoStagesNoToolkit() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat(resideInAPackage("javafx..")
                        .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
                .because("view models and controllers are tested without a toolkit (as JabRef's)")
                .check(classes);
    }

    @Test
    void theModelKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(RENDER, CONTROL, WINDOW, "org.mjpegwall.cli..")
                .because("the model is the bottom layer of the wall")
                .check(classes);
    }

    @Test
    void theRendererUsesTheModelOnly() {
        noClasses().that().resideInAPackage(RENDER)
                .should().dependOnClassesThat().resideInAnyPackage(CONTROL, WINDOW, "org.mjpegwall.cli..")
                .because("the renderer fills image slots; which control shows them is the window's business")
                .check(classes);
    }

    @Test
    void theControlsUseTheModelOnly() {
        noClasses().that().resideInAPackage(CONTROL)
                .should().dependOnClassesThat().resideInAnyPackage(RENDER, WINDOW, "org.mjpegwall.cli..")
                .because("a tile shows what it is bound to; the window binds it")
                .check(classes);
    }

    @Test
    void onlyTheWindowAndTheCommandsUseTheWindow() {
        noClasses().that().resideOutsideOfPackages(WINDOW, "org.mjpegwall.cli..")
                .should().dependOnClassesThat().resideInAPackage(WINDOW)
                .check(classes);
    }

    @Test
    void theRendererAndTheViewModelsReadTimeFromTheirTimeSource() {
        noClasses().that().resideInAnyPackage(RENDER, MODEL, REVIEW)
                .and().areNotAssignableTo(TimeSource.class)
                // The connection test waits for a real camera in real time, off the UI thread; the benchmark
                // measures real time.
                .and().doNotBelongToAnyOf(ConnectionTest.class, HandoffBench.class)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .because("liveness, frozen pictures, latency and refresh cadence are tested on fake time")
                .check(classes);
    }

    @Test
    void theReviewSitsBetweenTheRendererAndTheWindow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy(MODEL)
                .layer("render").definedBy(RENDER)
                .layer("control").definedBy(CONTROL)
                .layer("review").definedBy(REVIEW)
                .layer("window").definedBy(WINDOW)
                .whereLayer("window").mayNotBeAccessedByAnyLayer()
                .whereLayer("review").mayOnlyBeAccessedByLayers("window")
                .whereLayer("control").mayOnlyBeAccessedByLayers("review", "window")
                .whereLayer("render").mayOnlyBeAccessedByLayers("review", "window")
                .whereLayer("model").mayOnlyBeAccessedByLayers("render", "control", "review", "window")
                .check(classes);
    }

    @Test
    void theReviewsStateAndDecisionsUseNoControlsSoTheyAreTestedWithoutAToolkit() {
        noClasses().that().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewModel")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewDay")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewExport")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.TimeScale")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewFolder")
                .should().dependOnClassesThat(resideInAPackage("javafx..")
                        .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
                .check(classes);
    }
}
