package dev.steward.request.report;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The secret and lifetime of ACCESS report download links (defaults in application.properties). */
@ConfigMapping(prefix = "steward.reports")
public interface LinkSettings {

    Optional<String> linkSecret();

    Duration linkTtl();
}
