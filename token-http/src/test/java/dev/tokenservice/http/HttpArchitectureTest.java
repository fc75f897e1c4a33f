package dev.tokenservice.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.stream.Stream;

/** The module discipline of token-http (STYLE.md §10) and the independence of its endpoint packages. */
@AnalyzeClasses(packages = "dev.tokenservice.http", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {
    private static final List<String> ENDPOINT_NAMES = List.of("oauth", "admin", "discovery", "health", "clients");
    private static final String[] ENDPOINT_PACKAGES = endpointPackagesAnd();

    @ArchTest
    static final ArchRule onlyWiringAndLauncherTouchPersistenceJdbiOrGuice = noClasses()
            .that().resideInAPackage("dev.tokenservice.http..")
            .and().resideOutsideOfPackages("dev.tokenservice.http.guice..", "dev.tokenservice.http.launcher..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tokenservice.persistence..", "org.jdbi..", "com.google.inject..");

    @ArchTest
    static final ArchRule onlyTheTestFixtureKnowsTheLauncher = noClasses()
            .that().resideInAPackage("dev.tokenservice.http..")
            .and().resideOutsideOfPackages("dev.tokenservice.http.launcher..", "dev.tokenservice.http.testing..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tokenservice.http.launcher..", "dev.tokenservice.http.testing..");

    /** token-http declares the testkit and JUnit optional: only the fixture, which a test runs, may use them. */
    @ArchTest
    static final ArchRule onlyTheTestFixtureUsesTestkitOrJunit = noClasses()
            .that().resideInAPackage("dev.tokenservice.http..")
            .and().resideOutsideOfPackage("dev.tokenservice.http.testing..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tokenservice.testkit..", "org.junit..");

    @ArchTest
    static final ArchRule endpointPackagesDoNotDependOnEachOther = slices()
            .matching("dev.tokenservice.http.(*)..")
            .that(DescribedPredicate.describe("are endpoint packages " + ENDPOINT_NAMES,
                    (Slice slice) -> ENDPOINT_NAMES.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule endpointPackagesUseOnlyTheSharedPackageJsonAndCore = classes()
            .that().resideInAnyPackage(ENDPOINT_PACKAGES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(endpointPackagesAnd("dev.tokenservice.http.web..",
                    "dev.tokenservice.http.json..", "dev.tokenservice.core..", "java..", "jakarta.servlet..",
                    "com.fasterxml.jackson..", "org.slf4j.."));

    /** Metrics and the audit log observe the endpoints through the shared package and the core's events only. */
    @ArchTest
    static final ArchRule observersKnowNoEndpoint = noClasses()
            .that().resideInAnyPackage("dev.tokenservice.http.metrics..", "dev.tokenservice.http.audit..")
            .should().dependOnClassesThat().resideInAnyPackage(endpointPackagesAnd());

    @ArchTest
    static final ArchRule sharedPackageKnowsNoEndpoint = noClasses()
            .that().resideInAPackage("dev.tokenservice.http.web..")
            .should().dependOnClassesThat().resideInAnyPackage(endpointPackagesAnd("dev.tokenservice.http"));

    @ArchTest
    static final ArchRule thirdPartyClientsKnowNoEndpointNorServlet = noClasses()
            .that().resideInAPackage("dev.tokenservice.http.thirdparty..")
            .should().dependOnClassesThat().resideInAnyPackage(endpointPackagesAnd("dev.tokenservice.http",
                    "dev.tokenservice.http.web..", "jakarta.servlet.."));

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

    /** The endpoint packages, with their subpackages, and {@code others}. */
    private static String[] endpointPackagesAnd(String... others) {
        return Stream.concat(ENDPOINT_NAMES.stream().map(name -> "dev.tokenservice.http." + name + ".."),
                Stream.of(others)).toArray(String[]::new);
    }
}
