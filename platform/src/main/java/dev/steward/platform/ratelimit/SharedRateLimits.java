package dev.steward.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The service's {@link PostgresRateLimiter} on its own database (table {@code rate_limit}, created by one
 * of the service's migrations), with the service's Clock. A hit commits on its own, outside any
 * transaction of the caller: a refused or failed call still counts. Idle buckets are deleted every
 * few minutes by each replica (deleting is idempotent, so replicas need no coordination).
 */
@ApplicationScoped
public class SharedRateLimits {

    private static final Logger LOG = Logger.getLogger(SharedRateLimits.class);

    private final AgroalDataSource db;
    private final PostgresRateLimiter limiter;
    private final Clock clock;

    public SharedRateLimits(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.limiter = new PostgresRateLimiter(db);
        this.clock = clock;
    }

    /** 0 when the call may go ahead, otherwise the seconds to wait (for {@code Retry-After}). */
    public long acquire(String name, String key, PostgresRateLimiter.Limit limit) {
        return QuarkusTransaction.suspendingExisting().call(() -> limiter.acquire(name, key, limit, clock.instant()));
    }

    @Scheduled(every = "${steward.rate-limit.expiry-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireIdle() throws SQLException {
        if (hasTable()) { // a service that keeps no rate limits has no such table
            int gone = limiter.expireIdle(clock.instant());
            LOG.debugf("%d idle rate-limit buckets expired", gone);
        }
    }

    private boolean hasTable() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select to_regclass('rate_limit') is not null");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
