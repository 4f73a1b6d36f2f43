package dev.steward.platform.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL 15 (zonky embedded binaries) for tests and dev mode, with all its files under
 * the given directory (normally {@code target/}), started once per JVM. Not used in production:
 * zonky is only on the test and dev-mode class path.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    /** Starts the cluster if needed, creates {@code database} if missing and returns its JDBC URL. */
    public static synchronized String jdbcUrl(Path baseDir, String database) {
        try {
            if (postgres == null) {
                Path working = Files.createDirectories(baseDir.resolve("embedded-pg"));
                System.setProperty("ot.epg.working-dir", working.toString());
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(working.toFile())
                        .setDataDirectory(working.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop));
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    c.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
            return postgres.getJdbcUrl(USER, database);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL under " + baseDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    public static synchronized int port() {
        return postgres == null ? -1 : postgres.getPort();
    }

    private static synchronized void stop() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            // the JVM is exiting; the data directory is thrown away at the next start anyway
        }
    }
}
