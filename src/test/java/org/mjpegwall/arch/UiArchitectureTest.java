package org.mjpegwall.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.mjpegwall.arch.ArchitectureRules.MAIN;
import static org.mjpegwall.arch.ArchitectureRules.mayNotUse;
import static org.mjpegwall.arch.ArchitectureRules.usedOnlyBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.time.Instant;
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

    /** JavaFX other than its properties and collections: controls, stages, the toolkit. */
    private static final DescribedPredicate<JavaClass> JAVAFX_BEYOND_PROPERTIES = resideInAPackage("javafx..")
            .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections..")));

    @Test
    void theModelUsesJavaFxPropertiesAndCollectionsOnlyNoControlsNoStagesNoToolkit() {
        noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat(JAVAFX_BEYOND_PROPERTIES)
                .because("view models and controllers are tested without a toolkit (as JabRef's)")
                .check(MAIN);
    }

    @Test
    void theModelKnowsNothingAboveIt() {
        mayNotUse(MODEL, RENDER, CONTROL, WINDOW, "org.mjpegwall.cli..")
                .because("the model is the bottom layer of the wall")
                .check(MAIN);
    }

    @Test
    void theRendererUsesTheModelOnly() {
        mayNotUse(RENDER, CONTROL, WINDOW, "org.mjpegwall.cli..")
                .because("the renderer fills image slots; which control shows them is the window's business")
                .check(MAIN);
    }

    @Test
    void theControlsUseTheModelOnly() {
        mayNotUse(CONTROL, RENDER, WINDOW, "org.mjpegwall.cli..")
                .because("a tile shows what it is bound to; the window binds it")
                .check(MAIN);
    }

    @Test
    void onlyTheWindowAndTheCommandsUseTheWindow() {
        usedOnlyBy(WINDOW, WINDOW, "org.mjpegwall.cli..")
                .check(MAIN);
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
                .check(MAIN);
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
                .check(MAIN);
    }

    @Test
    void theReviewsStateAndDecisionsUseNoControlsSoTheyAreTestedWithoutAToolkit() {
        noClasses().that().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewModel")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewDay")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewExport")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.TimeScale")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.ReviewFolder")
                .or().haveFullyQualifiedName("org.mjpegwall.ui.review.LiveFollow")
                .should().dependOnClassesThat(JAVAFX_BEYOND_PROPERTIES)
                .check(MAIN);
    }
}
