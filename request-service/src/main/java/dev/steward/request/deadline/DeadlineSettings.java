package dev.steward.request.deadline;

import io.smallrye.config.ConfigMapping;

/** The DEFAULT jurisdiction's days, its maximum with the extension, and the due-soon window (defaults in application.properties). */
@ConfigMapping(prefix = "steward.requests")
public interface DeadlineSettings {

    int defaultDays();

    int defaultMaxTotalDays();

    int dueSoonDays();
}
