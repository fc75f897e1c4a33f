package dev.tokenservice.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The testkit sees only the core and its test libraries, never an adapter (STYLE.md §1). */
@AnalyzeClasses(packages = "dev.tokenservice.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    @ArchTest
    static final ArchRule testkitDependsOnlyOnTheCoreTheJdkJunitAndAssertj = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.tokenservice.core..", "dev.tokenservice.testkit..", "java..",
                    "org.junit.jupiter.api..", "org.assertj..", "org.jspecify.annotations..");
}
