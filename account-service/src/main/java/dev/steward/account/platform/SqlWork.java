package dev.steward.account.platform;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Work that uses JDBC, handed to code that takes a plain {@link Supplier} (platform's
 * {@code IdempotentPosts}): a {@link SQLException} leaves it as an unchecked exception whose cause it
 * stays, so the transaction still rolls back and the problem mapping still sees its SQLSTATE
 * (409 for a unique-key race, 503 for an unreachable database).
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run() throws SQLException;

    static <T> Supplier<T> unchecked(SqlWork<T> work) {
        return () -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException("database work failed", e);
            }
        };
    }
}
