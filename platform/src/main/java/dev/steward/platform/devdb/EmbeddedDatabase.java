package dev.steward.platform.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A real PostgreSQL 15 (zonky embedded binaries) for tests and dev mode, with all its files under
 * the given directory (normally {@code target/}), started once per JVM. Not used in production:
 * zonky is only on the test and dev-mode class path.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /**
     * The port of the running cluster, as a system property: Quarkus loads this class in more than
     * one class loader (build and runtime in dev mode), and all of them must share one cluster.
     */
    private static final String PORT_PROPERTY = "steward.embedded-pg.port";

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    /** Starts the cluster if needed, creates {@code database} if missing and returns its JDBC URL. */
    public static String jdbcUrl(Path baseDir, String database) {
        synchronized (System.getProperties()) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                port = Integer.toString(start(baseDir.toAbsolutePath().resolve("embedded-pg")));
                System.setProperty(PORT_PROPERTY, port);
            }
            createIfMissing(port, database);
            return "jdbc:postgresql://localhost:" + port + "/" + database;
        }
    }

    private static int start(Path working) {
        try {
            Files.createDirectories(working);
            System.setProperty("ot.epg.working-dir", working.toString());
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(working.toFile())
                    .setDataDirectory(working.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL under " + working, e);
        }
    }

    private static void createIfMissing(String port, String database) {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", PASSWORD);
        try (Connection c = new org.postgresql.Driver()
                .connect("jdbc:postgresql://localhost:" + port + "/postgres", credentials);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
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
