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

    private final EmbeddedPostgres postgres;
    private final Path dir;

    private ZonkyPostgres(EmbeddedPostgres postgres, Path dir) {
        this.postgres = postgres;
        this.dir = dir;
    }

    static ZonkyPostgres start(Path workDir, int port) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("embedded-pg"));
            System.setProperty("ot.epg.working-dir", dir.toString());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new ZonkyPostgres(pg, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL under " + workDir, e);
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
