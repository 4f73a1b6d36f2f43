package dev.steward.account.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One JDBC transaction: commit when the work returns, roll back on any failure. */
public final class Tx {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Tx() {
    }

    public static <T> T run(DataSource db, Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
