package dev.steward.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL, so a limit is one limit however many replicas share the database:
 * each hit is ONE atomic {@code insert … on conflict do update} on the bucket's row (PostgreSQL locks
 * that row for the statement, so concurrent hits from any replica queue on it and none is lost).
 * A bucket holds {@code capacity} tokens and gains one every {@code refill}; a hit takes one or is
 * refused with the seconds until one is back.
 * <p>
 * Plain JDBC rather than bucket4j's PostgreSQL proxy manager: bucket4j is not among the artifacts
 * served here, and its manager runs its own transactions (a {@code select … for update}, then an update)
 * on the connections it takes, which clashes with Agroal handing out JTA-enlisted connections; one
 * statement needs no transaction of its own at all. Quarkus-free: it takes any {@link DataSource}.
 * <p>
 * The row key is a SHA-256 digest of the limit's name and the key (an address, an e-mail), so the
 * table holds no personal data. Growth is bounded: a row records when its bucket will be full again
 * ({@code idle_until}); past that it is the same as no row, and {@link #expireIdle} deletes it.
 * Time comes from the caller (its Clock); the stored time never goes back, so a replica whose clock
 * lags a little cannot hand out extra tokens.
 */
public class PostgresRateLimiter {

    /** The table every service that uses it creates in one of its own migrations (see platform's README). */
    public static final String DDL = "create table rate_limit (bucket bytea primary key, tokens float8 not null, "
            + "updated_at timestamptz not null, granted boolean not null, idle_until timestamptz not null); "
            + "create index rate_limit_idle on rate_limit (idle_until)";

    /** {@code capacity} hits at once, then one more every {@code refill}. */
    public record Limit(int capacity, Duration refill) {
        public Limit {
            if (capacity < 1 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive refill period");
            }
        }
    }

    private final DataSource db;

    public PostgresRateLimiter(DataSource db) {
        this.db = db;
    }

    /**
     * Takes a token from the bucket of ({@code name}, {@code key}): 0 when the call may go ahead,
     * otherwise the whole seconds to wait (at least 1). Runs on a connection of its own (auto-commit):
     * call it outside a transaction, or the hit commits only with that transaction.
     */
    public long acquire(String name, String key, Limit limit, Instant now) {
        double capacity = limit.capacity();
        double refill = limit.refill().toNanos() / 1e9;
        // capacity and refill are typed numbers from configuration, written into the statement so that
        // each appears once per use; the key and the time are parameters
        String c = String.format(Locale.ROOT, "%.1f::float8", capacity);
        String r = String.format(Locale.ROOT, "%.9f::float8", refill);
        String level = "least(" + c + ", b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at)))::float8 / " + r + ")";
        String left = "(case when " + level + " >= 1 then " + level + " - 1 else " + level + " end)";
        String sql = "insert into rate_limit as b (bucket, tokens, updated_at, granted, idle_until) "
                + "values (?, " + c + " - 1, ?::timestamptz, true, ?::timestamptz + make_interval(secs => " + r + ")) "
                + "on conflict (bucket) do update set "
                + "tokens = " + left + ", granted = " + level + " >= 1, "
                + "updated_at = greatest(b.updated_at, excluded.updated_at), "
                + "idle_until = greatest(b.updated_at, excluded.updated_at) + make_interval(secs => (" + c + " - " + left + ") * " + r + ") "
                + "returning tokens, granted";
        Timestamp at = Timestamp.from(now);
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setBytes(1, bucket(name, key));
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(2)) {
                    return 0;
                }
                return Math.max(1, (long) Math.ceil((1 - rs.getDouble(1)) * refill));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit could not be checked (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Deletes buckets that are full again by {@code now} (the same as no bucket); answers how many. */
    public int expireIdle(Instant now) {
        try (Connection conn = db.getConnection();
             PreparedStatement ps = conn.prepareStatement("delete from rate_limit where idle_until <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idle rate-limit buckets could not be expired (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static byte[] bucket(String name, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
