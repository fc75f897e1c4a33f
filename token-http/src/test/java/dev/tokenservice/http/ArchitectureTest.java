package dev.tokenservice.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module discipline of token-http (STYLE.md §10). */
@AnalyzeClasses(packages = "dev.tokenservice.http", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyWiringAndLauncherTouchPersistenceJdbiOrGuice = noClasses()
            .that().resideInAPackage("dev.tokenservice.http..")
            .and().resideOutsideOfPackages("dev.tokenservice.http.guice..", "dev.tokenservice.http.launcher..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tokenservice.persistence..", "org.jdbi..", "com.google.inject..");

    @ArchTest
    static final ArchRule servletLayerKnowsNoLauncherNorTestFixture = noClasses()
            .that().resideInAnyPackage("dev.tokenservice.http", "dev.tokenservice.http.json", "dev.tokenservice.http.guice")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tokenservice.http.launcher..", "dev.tokenservice.http.testing..");

    @ArchTest
    static final ArchRule jsonRecordsKnowNoServletOrContainer = noClasses()
            .that().resideInAPackage("dev.tokenservice.http.json..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule noPersistenceInternals = noClasses()
            .that().resideInAPackage("dev.tokenservice.http..")
            .should().dependOnClassesThat().resideInAPackage("dev.tokenservice.persistence.internal..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.tokenservice.http.(*)..").should().beFreeOfCycles();
}
