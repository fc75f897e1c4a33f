package dev.tokenservice.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The testkit sees only the core and its test libraries, never an adapter (STYLE.md §1). */
class TestkitArchitectureTest {
    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenservice.testkit");

    @Test
    void testkitClassesDependOnlyOnTheCoreTheJdkJunitAndAssertj() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.tokenservice.core..", "dev.tokenservice.testkit..", "java..",
                        "org.junit.jupiter.api..", "org.assertj..")
                .check(TESTKIT);
    }
}
