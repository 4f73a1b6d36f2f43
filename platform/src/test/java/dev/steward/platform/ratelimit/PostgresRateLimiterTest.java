package dev.steward.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.platform.devdb.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two limiter instances, as two replicas would have, each with its own connections to one real
 * PostgreSQL: they share one limit. Time is passed in, so nothing here depends on how fast it runs.
 */
class PostgresRateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final PostgresRateLimiter.Limit FIVE_PER_MINUTE = new PostgresRateLimiter.Limit(5, Duration.ofSeconds(12));

    private static PGSimpleDataSource replicaA;
    private static PGSimpleDataSource replicaB;

    @BeforeAll
    static void database() throws SQLException {
        String url = EmbeddedDatabase.jdbcUrl(Path.of("target"), "ratelimit");
        replicaA = dataSource(url);
        replicaB = dataSource(url);
        try (Connection c = replicaA.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists rate_limit");
            s.execute(PostgresRateLimiter.DDL);
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(EmbeddedDatabase.USER);
        ds.setPassword(EmbeddedDatabase.PASSWORD);
        return ds;
    }

    @Test
    void twoInstancesOnOneDatabaseShareOneLimit() {
        PostgresRateLimiter a = new PostgresRateLimiter(replicaA);
        PostgresRateLimiter b = new PostgresRateLimiter(replicaB);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, a.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0));
        }
        assertEquals(0, b.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0));
        assertEquals(0, b.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0));
        assertEquals(12, a.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0), "the sixth hit, on either replica, waits a refill");
        assertEquals(12, b.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0));
        assertEquals(0, b.acquire("intake", "203.0.113.2", FIVE_PER_MINUTE, T0), "another key has its own bucket");
        assertEquals(0, b.acquire("code", "203.0.113.1", FIVE_PER_MINUTE, T0), "so has another limit's name");

        assertEquals(3, a.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0.plusSeconds(9)), "refused hits take nothing");
        assertEquals(0, b.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0.plusSeconds(12)), "one token back after 12 s");
        assertTrue(a.acquire("intake", "203.0.113.1", FIVE_PER_MINUTE, T0.plusSeconds(12)) > 0, "and only one");
    }

    @Test
    void concurrentHitsFromBothInstancesGrantExactlyTheCapacity() throws Exception {
        PostgresRateLimiter a = new PostgresRateLimiter(replicaA);
        PostgresRateLimiter b = new PostgresRateLimiter(replicaB);
        PostgresRateLimiter.Limit twenty = new PostgresRateLimiter.Limit(20, Duration.ofHours(1));
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> hits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                PostgresRateLimiter limiter = i % 2 == 0 ? a : b;
                hits.add(pool.submit(() -> {
                    if (limiter.acquire("burst", "198.51.100.9", twenty, T0) == 0) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : hits) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, granted.get(), "200 concurrent hits through two replicas: exactly the capacity went ahead");
    }

    @Test
    void idleBucketsExpireOnceFullAgainAndNoKeyIsStoredInTheClear() throws SQLException {
        PostgresRateLimiter a = new PostgresRateLimiter(replicaA);
        Instant t = T0.plus(Duration.ofDays(30));
        a.expireIdle(t); // what the other tests left is long idle by then
        a.acquire("expiry", "light@example.org", FIVE_PER_MINUTE, t); // 4 left: full again after 12 s
        for (int i = 0; i < 7; i++) {
            a.acquire("expiry", "heavy@example.org", FIVE_PER_MINUTE, t); // throttled: full again after 60 s
        }
        int before = rows();
        assertEquals(1, a.expireIdle(t.plusSeconds(12)), "only the bucket that is full again goes");
        assertEquals(before - 1, rows());
        assertEquals(0, a.acquire("expiry", "heavy@example.org", FIVE_PER_MINUTE, t.plusSeconds(12)), "its one refilled token");
        assertTrue(a.acquire("expiry", "heavy@example.org", FIVE_PER_MINUTE, t.plusSeconds(12)) > 0,
                "the throttled one kept its state: still throttled");
        try (Connection c = replicaA.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from rate_limit where encode(bucket, 'escape') like '%example.org%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "buckets are digests, not addresses");
        }
        a.expireIdle(t.plus(Duration.ofHours(2)));
        assertEquals(0, rows(), "nothing outlives its refill: the table stays bounded by recent keys");
    }

    private static int rows() throws SQLException {
        try (Connection c = replicaA.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from rate_limit")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
