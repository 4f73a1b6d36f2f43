package dev.steward.request;

import static dev.steward.platform.testing.ArchitectureRules.NO_FIELD_INJECTION;
import static dev.steward.platform.testing.ArchitectureRules.NO_SYSTEM_TIME;
import static dev.steward.platform.testing.ArchitectureRules.mainClasses;
import static dev.steward.platform.testing.ArchitectureRules.noPackageCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The platform's shape rules, applied to request-service's production classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.steward.request";
    private final JavaClasses classes = mainClasses(ROOT);

    @Test
    void noPackageDependsBackOnAnotherInACycle() {
        noPackageCycles(ROOT).check(classes);
    }

    @Test
    void dependenciesAreConstructorParameters() {
        NO_FIELD_INJECTION.check(classes);
    }

    @Test
    void timeComesFromTheClock() {
        NO_SYSTEM_TIME.check(classes);
    }
}
