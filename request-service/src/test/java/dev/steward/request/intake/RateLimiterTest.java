package dev.steward.request.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aSprayOfSpoofedAddressesDoesNotResetAThrottledOne() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(12), 100_000);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("203.0.113.50"));
        }
        assertTrue(limiter.acquire("203.0.113.50") > 0, "throttled after its burst");
        for (int i = 0; i < 200_000; i++) {
            limiter.acquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(limiter.acquire("203.0.113.50") > 0, "still throttled: the spray evicted other addresses, not this one");
        assertEquals(0, limiter.acquire("198.51.100.1"), "a new address is not throttled");
    }
}
