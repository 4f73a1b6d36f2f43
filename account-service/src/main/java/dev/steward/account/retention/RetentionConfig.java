package dev.steward.account.retention;

import io.smallrye.config.ConfigMapping;
import java.time.LocalTime;

/** {@code steward.retention.*} (§7); the defaults are in application.properties, beside their environment variables. */
@ConfigMapping(prefix = "steward.retention")
public interface RetentionConfig {

    /** Network access logs are kept this many days (13 months by default). */
    int accessLogDays();

    /** When the daily purge runs (UTC). */
    LocalTime purgeTime();

    /** Whether this replica takes part in running the daily purge. */
    boolean schedulerEnabled();

    /** How many subjects one purge run checks at most. */
    int maxSubjectsPerRun();
}
