package dev.steward.disclosure.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JDBC batches for one group commit: one prepared statement per SQL text, executed in the order
 * each was first used (parents before children), all in the writer's transaction.
 */
public final class WriteBatch implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

    WriteBatch(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}: set its parameters, then {@code addBatch()}. */
    public PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    public Connection connection() {
        return connection;
    }

    void execute() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
    }
}
