package dev.tokenservice.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependency rules (STYLE.md §1 and §10). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenservice.persistence");

    @Test
    void persistenceWhenCheckedThenNeverDependsOnHttpGuiceOrTestkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tokenservice.http..", "com.google.inject..", "dev.tokenservice.testkit..")
                .check(CLASSES);
    }

    @Test
    void internalWhenCheckedThenUsedOnlyFromPersistence() {
        classes().that().resideInAPackage("dev.tokenservice.persistence.internal..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("dev.tokenservice.persistence..")
                .check(CLASSES);
    }

    @Test
    void internalWhenCheckedThenNeverDependsOnTheAdapters() {
        noClasses().that().resideInAPackage("dev.tokenservice.persistence.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.tokenservice.persistence")
                .check(CLASSES);
    }

    @Test
    void packagesWhenCheckedThenFreeOfCycles() {
        slices().matching("dev.tokenservice.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
