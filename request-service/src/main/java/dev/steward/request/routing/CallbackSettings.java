package dev.steward.request.routing;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Back-off of the signed callback to a controller (defaults in application.properties). */
@ConfigMapping(prefix = "steward.callback")
public interface CallbackSettings {

    Duration backoffInitial();

    int maxRetries();
}
