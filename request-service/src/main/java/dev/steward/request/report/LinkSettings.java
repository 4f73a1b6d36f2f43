package dev.steward.request.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The report's settings: the secret and lifetime of ACCESS report download links (defaults in application.properties), and where its reader finds the Privacy Center. */
@ConfigMapping(prefix = "steward.reports")
public interface LinkSettings {

    Optional<String> linkSecret();

    Duration linkTtl();

    /**
     * The console's public address (http(s)://host[:port], env STEWARD_REPORTS_PRIVACY_CENTER_URL): the report's
     * "your rights" section links to its Privacy Center, {@code <this>/privacy}.
     */
    @WithDefault("http://127.0.0.1:8094")
    String privacyCenterUrl();
}
