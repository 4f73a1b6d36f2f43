package dev.steward.e2e.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One throwaway PostgreSQL cluster for the whole stack, with a database and a role (its owner) per
 * service, so that no service can read another's tables.
 */
public interface Database extends AutoCloseable {

    int port();

    /** A superuser connection to the {@code postgres} database. */
    Connection admin() throws SQLException;

    String describe();

    /** Stops PostgreSQL as abruptly as it allows and starts it again on the same port and data. */
    void restart();

    @Override
    void close();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates role {@code name} with {@code password} and database {@code name} owned by it. */
    default void createServiceDatabase(String name, String password) {
        if (!name.matches("[a-z_][a-z0-9_]*") || password.contains("'")) {
            throw new IllegalArgumentException("Unsafe database name or password: " + name);
        }
        try (Connection c = admin(); var s = c.createStatement()) {
            s.execute("create role " + name + " login password '" + password + "'");
            s.execute("create database " + name + " owner " + name);
            s.execute("revoke all on database " + name + " from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a login role that may connect to {@code database} but owns nothing there: a service's
     * runtime role, given its table rights by that service's own migrations.
     */
    default void createRuntimeRole(String database, String role, String password) {
        if (!role.matches("[a-z_][a-z0-9_]*") || !database.matches("[a-z_][a-z0-9_]*") || password.contains("'")) {
            throw new IllegalArgumentException("Unsafe role name or password: " + role);
        }
        try (Connection c = admin(); var s = c.createStatement()) {
            s.execute("create role " + role + " login password '" + password + "'");
            s.execute("grant connect on database " + database + " to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + role + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
