package dev.steward.request.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A small token bucket per client IP for the public intake: {@code capacity} requests at once,
 * then one more every {@code refill-period}. In memory and per instance (a shared limiter would
 * need a shared store; the bucket bounds abuse per replica). The buckets live in a Caffeine cache,
 * never cleared as a whole: an address idle long enough to have refilled its bucket expires, and
 * past {@code max-addresses} the cache evicts idle addresses. A throttled address weighs nothing,
 * so no spray of one-off (spoofed) source addresses can push it out and reset its limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final int capacity;
    private final long refillNanos;
    private final Cache<String, Bucket> buckets;

    @Inject
    public RateLimiter(RateLimitSettings settings) {
        this(settings.capacity(), settings.refillPeriod(), settings.maxAddresses());
    }

    public RateLimiter(int capacity, Duration refill, int maxAddresses) {
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
        this.buckets = Caffeine.newBuilder()
                .maximumWeight(maxAddresses)
                .weigher((String ip, Bucket bucket) -> bucket.throttled() ? 0 : 1)
                .expireAfterAccess(refill.multipliedBy(capacity)) // by then a fresh bucket is the same as the old one
                .executor(Runnable::run) // evict on the caller's thread: the bound holds at once
                .build();
    }

    private final class Bucket {
        double tokens = capacity;
        long last = System.nanoTime();

        /** Called under the cache's lock for this address. */
        long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (double) (now - last) / refillNanos);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * refillNanos / 1e9);
        }

        boolean throttled() {
            return tokens < 1;
        }
    }

    /** 0 when the call may go ahead, otherwise the seconds to wait. */
    public long acquire(String clientIp) {
        long[] wait = new long[1];
        // compute, not get: the bucket is weighed again after each take
        buckets.asMap().compute(clientIp, (ip, bucket) -> {
            Bucket b = bucket == null ? new Bucket() : bucket;
            wait[0] = b.take();
            return b;
        });
        return wait[0];
    }
}
