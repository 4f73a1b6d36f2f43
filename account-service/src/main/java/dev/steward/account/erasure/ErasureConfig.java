package dev.steward.account.erasure;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code steward.erasure.*}; the default is in application.properties, beside its environment variable. */
@ConfigMapping(prefix = "steward.erasure")
public interface ErasureConfig {

    /** The one transaction that erases a whole org's end users is rolled back after this long. */
    Duration orgTimeout();
}
