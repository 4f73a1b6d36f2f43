package dev.steward.request.verification;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** E-mail verification of public requests (defaults in application.properties). */
@ConfigMapping(prefix = "steward.privacy-center")
public interface PrivacyCenterSettings {

    /** Where the Privacy Center (the console) is: mail links are {@code <url>/privacy/status/<token>}. */
    String url();

    /** HMAC key of the stored code digests; unset = random per start (codes mailed before a restart stop working). */
    Optional<String> codeSecret();

    /** How long a code is valid. */
    Duration codeLifetime();

    /** Wrong tries before a code is locked. */
    int maxTries();

    /** How long a public request may wait for verification before it becomes EXPIRED. */
    Duration expireAfter();

    /** How often the EXPIRED sweep runs. */
    Duration sweepInterval();
}
