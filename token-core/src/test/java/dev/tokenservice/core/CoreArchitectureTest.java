package dev.tokenservice.core;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The dependency, time and randomness rules of the core (STYLE.md §1, §5, §10), checked on its main classes. A rule
 * that selects no class fails (ArchUnit's default), so none passes vacuously on an empty import.
 */
@AnalyzeClasses(packages = CoreArchitectureTest.CORE, importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    static final String CORE = "dev.tokenservice.core";

    /** Reads the system clock: {@code now()} of a java.time type without a {@link Clock}, or the millisecond counter. */
    private static final DescribedPredicate<JavaCall<?>> READS_SYSTEM_TIME = DescribedPredicate.describe(
            "reads the system time", call -> isSystemNow(call) || isCall(call, System.class, "currentTimeMillis"));

    /** Picks a system clock, the default an embedder may override. */
    private static final DescribedPredicate<JavaCall<?>> PICKS_SYSTEM_CLOCK = DescribedPredicate.describe(
            "picks a system clock", call -> call.getTargetOwner().isEquivalentTo(Clock.class)
                    && Set.of("systemUTC", "systemDefaultZone", "system").contains(call.getName()));

    /** Makes or reaches a random number generator other than through the token value generator. */
    private static final DescribedPredicate<JavaCall<?>> MAKES_RANDOMNESS = DescribedPredicate.describe(
            "creates or looks up a random number generator", call -> {
                JavaClass owner = call.getTargetOwner();
                boolean generator = owner.isAssignableTo(Random.class)
                        && (call.getName().equals("<init>") || call.getName().startsWith("getInstance")
                                || call.getName().equals("current"));
                return generator || isCall(call, Math.class, "random") || isCall(call, java.util.UUID.class, "randomUUID");
            });

    @ArchTest
    static final ArchRule coreDependsOnlyOnItselfTheJdkAndNullnessAnnotations = classes()
            .that().resideInAPackage(CORE + "..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(CORE + "..", "java..", "javax.crypto..", "jakarta.inject..", "org.jspecify.annotations..");

    @ArchTest
    static final ArchRule coreNeverTouchesSql = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    /** Token values and secrets pass through the core; nothing may print them. */
    @ArchTest
    static final ArchRule coreNeverWritesToStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule coreNeverReadsTheSystemClock = noClasses().that().resideInAPackage(CORE + "..")
            .should().callCodeUnitWhere(READS_SYSTEM_TIME)
            .because("time comes only from the injected java.time.Clock (STYLE.md §5)");

    @ArchTest
    static final ArchRule systemClockIsChosenOnlyAsTheBuilderDefault = noClasses().that().resideInAPackage(CORE + "..")
            .and().doNotHaveFullyQualifiedName(TokenServices.Builder.class.getName())
            .should().callCodeUnitWhere(PICKS_SYSTEM_CLOCK)
            .because("the builder's default clock is the one place the system clock is chosen");

    @ArchTest
    static final ArchRule randomnessComesOnlyFromTheDefaultGenerator = noClasses().that().resideInAPackage(CORE + "..")
            .and().doNotHaveFullyQualifiedName(SecureRandomTokenValueGenerator.class.getName())
            .should().callCodeUnitWhere(MAKES_RANDOMNESS)
            .because("salts, nonces and token values all come from SecureRandomTokenValueGenerator");

    /**
     * Within one module every class may reach core.internal; what must not happen is an internal type leaking into a
     * signature that embedders compile against.
     */
    @ArchTest
    static final ArchRule internalTypesNeverAppearInThePublicApi = noCodeUnits().that().arePublic()
            .and().areDeclaredInClassesThat(resideOutsideOfPackage("..internal..").and(modifier(JavaModifier.PUBLIC)))
            .should().haveRawParameterTypes(anyElementThat(resideInAPackage("..internal..")))
            .orShould().haveRawReturnType(resideInAPackage("..internal.."));

    /**
     * The root package is the facade (TokenService, TokenServices) and is not a slice: it assembles every subpackage,
     * and the subpackages use it only for its error types (next rule).
     */
    @ArchTest
    static final ArchRule subpackagesAreFreeOfCycles = slices().matching(CORE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subpackagesUseOnlyTheErrorTypesOfTheRootPackage = noClasses()
            .that().resideInAPackage(CORE + ".*..")
            .should().dependOnClassesThat(resideInAPackage(CORE).and(DescribedPredicate.not(
                    JavaClass.Predicates.belongToAnyOf(OAuthException.class, OAuthError.class))));

    @ArchTest
    static final ArchRule modelDependsOnlyOnItselfAndTheJdk = classes().that().resideInAPackage(CORE + ".model..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(CORE + ".model..", "java..", "org.jspecify.annotations..");

    @ArchTest
    static final ArchRule portsDependOnlyOnTheModelAndTheJdk = classes().that().resideInAPackage(CORE + ".port..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(CORE + ".port..", CORE + ".model..", "java..", "org.jspecify.annotations..");

    private static boolean isSystemNow(JavaCall<?> call) {
        boolean now = call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now");
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        boolean withClock = parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class);
        return now && !withClock;
    }

    private static boolean isCall(JavaCall<?> call, Class<?> owner, String name) {
        return call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(name);
    }
}
