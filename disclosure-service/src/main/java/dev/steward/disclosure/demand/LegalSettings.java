package dev.steward.disclosure.demand;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Legal demand settings (defaults and environment variables in application.properties), including
 * the scope rule table: per process type, the data categories it covers.
 */
@ConfigMapping(prefix = "steward.legal")
public interface LegalSettings {

    /**
     * Process type name → covered category prefixes: a category is covered when it equals one or
     * lies under one ({@code user.contact} covers {@code user.contact.email}); {@code *} covers all,
     * {@code none} nothing.
     */
    Map<String, List<String>> covers();

    /** Categories that are content: producing them makes the disclosure CONTENT_DISCLOSED. */
    List<String> contentCategories();

    /** An open demand due within this many days is due soon; a preservation ending within them is expiring soon. */
    @WithDefault("7")
    int dueSoonDays();

    /** How long a preservation holds, and how much one extension adds. */
    @WithDefault("90")
    int preservationDays();

    /** Days after a notice became due before it counts as overdue. */
    @WithDefault("7")
    int noticeGraceDays();

    /** How often the sweep lapses preservations and delivers notices that became due. */
    Duration sweepEvery();

    /** The sweep's first run after start. */
    Duration sweepDelay();
}
