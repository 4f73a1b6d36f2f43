package dev.steward.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (a restart, a
 * failover, an exhausted pool) rather than a fault of the request or of the code: SQLSTATE class 08
 * (connection exception), 57P01–57P03 (administrator shutdown, crash shutdown, cannot connect now),
 * or Agroal's acquisition timeout. Those are a 503 the caller can retry, not a 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether a cause of {@code e} carries this SQLSTATE (e.g. 23505, a unique-key violation). */
    static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (state == null && message != null && message.contains("Acquisition timeout")) {
                    return true; // Agroal: no connection could be had within the acquisition timeout
                }
            }
        }
        return false;
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState();
            }
        }
        return e.getClass().getSimpleName();
    }
}
