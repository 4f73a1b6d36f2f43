package dev.steward.disclosure;

import static dev.steward.platform.testing.ArchitectureRules.NO_FIELD_INJECTION;
import static dev.steward.platform.testing.ArchitectureRules.NO_SYSTEM_TIME;
import static dev.steward.platform.testing.ArchitectureRules.mainClasses;
import static dev.steward.platform.testing.ArchitectureRules.noPackageCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The platform's shape rules, on this service's production classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.steward.disclosure";
    private static final JavaClasses CLASSES = mainClasses(ROOT);

    @Test
    void capabilityPackagesHaveNoCycles() {
        noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void dependenciesAreConstructorParameters() {
        NO_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        NO_SYSTEM_TIME.check(CLASSES);
    }
}
