package dev.steward.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Every service's notion of now. Code injects {@link Clock} and never calls {@code Instant.now()},
 * so tests can move time (deadlines, gag orders lapsing, retention) by supplying their own Clock
 * bean, which replaces this default.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
