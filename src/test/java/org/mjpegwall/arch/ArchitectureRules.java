package org.mjpegwall.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the architecture tests share: the program's classes, and the shapes of the rules they state again and
 * again with other packages.
 */
final class ArchitectureRules {
    /**
     * Every main class of the program (no tests). Imported once for all the architecture tests of a run: the
     * import reads the whole program, and the tests only read it.
     */
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mjpegwall");

    private ArchitectureRules() {
    }

    /** No class in {@code packageOfClasses} uses a class in any of {@code forbidden}. */
    static ArchRule mayNotUse(String packageOfClasses, String... forbidden) {
        return noClasses().that().resideInAPackage(packageOfClasses)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden);
    }

    /** No class outside {@code users} uses a class in {@code used}. */
    static ArchRule usedOnlyBy(String used, String... users) {
        return noClasses().that().resideOutsideOfPackages(users)
                .should().dependOnClassesThat().resideInAPackage(used);
    }

    /** No class in {@code packageOfClasses} uses a class of ours outside {@code allowed}. */
    static ArchRule usesOfOursOnly(String packageOfClasses, String... allowed) {
        return noClasses().that().resideInAPackage(packageOfClasses)
                .should().dependOnClassesThat(resideInAPackage("org.mjpegwall..").and(not(resideInAnyPackage(allowed))));
    }
}
