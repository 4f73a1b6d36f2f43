package dev.steward.request.intake;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The public intake's token bucket per client address: {@code capacity} at once, one more every
 * {@code refillPeriod}, at most {@code maxAddresses} idle addresses tracked (defaults in application.properties).
 */
@ConfigMapping(prefix = "steward.public.rate-limit")
public interface RateLimitSettings {

    int capacity();

    Duration refillPeriod();

    int maxAddresses();
}
