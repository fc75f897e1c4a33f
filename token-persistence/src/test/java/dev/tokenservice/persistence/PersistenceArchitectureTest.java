package dev.tokenservice.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's dependency rules (STYLE.md §1 and §10). */
@AnalyzeClasses(packages = "dev.tokenservice.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceArchitectureTest {

    @ArchTest
    static final ArchRule persistenceNeverDependsOnHttpGuiceOrTestkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.tokenservice.http..", "com.google.inject..", "dev.tokenservice.testkit..");

    @ArchTest
    static final ArchRule internalIsUsedOnlyFromPersistence = classes()
            .that().resideInAPackage("dev.tokenservice.persistence.internal..")
            .should().onlyHaveDependentClassesThat().resideInAPackage("dev.tokenservice.persistence..");

    @ArchTest
    static final ArchRule internalNeverDependsOnTheAdapters = noClasses()
            .that().resideInAPackage("dev.tokenservice.persistence.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.tokenservice.persistence");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.tokenservice.(**)").should().beFreeOfCycles();
}
