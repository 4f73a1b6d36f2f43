package dev.steward.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The shape every service keeps, checked by one ArchUnit test per service: packages by capability
 * with no cycle between them, constructor injection only, and time read from the injected
 * {@link Clock} (so tests can move it) rather than from the system.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The service's production classes (tests and generated code left out). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Each first-level package under the root is one capability; none may depend back on another in a cycle. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    public static final ArchRule NO_FIELD_INJECTION = noFields().should().beAnnotatedWith(Inject.class)
            .because("dependencies are constructor parameters, so a class says what it needs and tests can build it");

    public static final ArchRule NO_SYSTEM_TIME = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("time comes from the injected Clock, which tests replace with MovableClock");
}
