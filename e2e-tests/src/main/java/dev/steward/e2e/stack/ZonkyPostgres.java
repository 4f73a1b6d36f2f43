package dev.steward.e2e.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL 15 from the zonky embedded binaries (Maven Central), when no initdb is installed. */
final class ZonkyPostgres implements Database {

    private EmbeddedPostgres postgres;
    private final Path dir;

    private ZonkyPostgres(EmbeddedPostgres postgres, Path dir) {
        this.postgres = postgres;
        this.dir = dir;
    }

    static ZonkyPostgres start(Path workDir, int port) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("embedded-pg"));
            System.setProperty("ot.epg.working-dir", dir.toString());
            return new ZonkyPostgres(builder(dir, port).setCleanDataDirectory(true).start(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL under " + workDir, e);
        }
    }

    /** Durable (fsync and synchronous commit on): the chaos test restarts it and counts on every commit. */
    private static EmbeddedPostgres.Builder builder(Path dir, int port) {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.toFile())
                .setDataDirectory(dir.resolve("data"))
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on") // zonky's default is off
                .setServerConfig("max_connections", "200");
    }

    @Override
    public void restart() {
        int port = port();
        try {
            postgres.close();
            postgres = builder(dir, port).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart embedded PostgreSQL", e);
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public Connection admin() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public String describe() {
        return "PostgreSQL 15 (zonky embedded, in " + dir + ") on 127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
        }
    }
}
