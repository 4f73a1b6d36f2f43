package dev.steward.account;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.steward.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The platform's shape rules, on this service's production classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.steward.account";
    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ROOT);

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void constructorInjectionOnly() {
        ArchitectureRules.NO_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void timeComesFromTheClock() {
        ArchitectureRules.NO_SYSTEM_TIME.check(CLASSES);
    }
}
