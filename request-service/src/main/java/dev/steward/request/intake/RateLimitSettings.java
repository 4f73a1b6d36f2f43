package dev.steward.request.intake;

import dev.steward.platform.ratelimit.PostgresRateLimiter;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The public endpoints' token buckets, shared by every replica (in this service's database):
 * per client address on every call, per e-mail address on what mails a code, and per client
 * address on code entry and status look-ups (defaults in application.properties).
 */
@ConfigMapping(prefix = "steward.public.rate-limit")
public interface RateLimitSettings {

    /** Every public call, per client address. */
    Bucket address();

    /** Submissions and code requests, per e-mail address (whether or not it is known). */
    Bucket email();

    /** Code entry and status look-ups, per client address. */
    Bucket codeEntry();

    /** {@code capacity} calls at once, then one more every {@code refillPeriod}. */
    interface Bucket {
        int capacity();

        Duration refillPeriod();

        default PostgresRateLimiter.Limit limit() {
            return new PostgresRateLimiter.Limit(capacity(), refillPeriod());
        }
    }
}
