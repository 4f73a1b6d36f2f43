package dev.steward.request.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A small token bucket per client IP for the public intake: {@code capacity} requests at once,
 * then one more every {@code refill-period}. In memory and per instance (a shared limiter would
 * need a shared store; the bucket bounds abuse per replica).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int capacity;
    private final long refillNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(@ConfigProperty(name = "steward.public.rate-limit.capacity", defaultValue = "5") int capacity,
                       @ConfigProperty(name = "steward.public.rate-limit.refill-period", defaultValue = "PT12S") Duration refill) {
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
    }

    private final class Bucket {
        double tokens = capacity;
        long last = System.nanoTime();

        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (double) (now - last) / refillNanos);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * refillNanos / 1e9);
        }
    }

    /** 0 when the call may go ahead, otherwise the seconds to wait. */
    public long acquire(String clientIp) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // crude bound on memory under a spray of addresses
        }
        return buckets.computeIfAbsent(clientIp, k -> new Bucket()).take();
    }
}
