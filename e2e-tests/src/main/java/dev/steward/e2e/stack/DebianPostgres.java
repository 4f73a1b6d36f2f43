package dev.steward.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throwaway cluster made with the operating system's {@code initdb}/{@code pg_ctl} (Debian's
 * PostgreSQL packages): created in a temporary directory, started on the given port, listening on
 * 127.0.0.1 only, stopped and deleted on close. As root it runs as the {@code postgres} OS user.
 */
final class DebianPostgres implements Database {

    private static final String SUPERUSER = "postgres";

    private final Path dir;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;
    private final String password = UUID.randomUUID().toString();
    private boolean started;

    private DebianPostgres(Path dir, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The tool's path when {@code initdb} and {@code pg_ctl} are on the PATH. */
    static Optional<Path> initdbOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path initdb = Path.of(entry, "initdb");
            if (Files.isExecutable(initdb) && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                return Optional.of(initdb);
            }
        }
        return Optional.empty();
    }

    static DebianPostgres start(int port, Progress progress) {
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            // Not under the caller's home: as root, /root is closed to the postgres OS user.
            Path dir = Files.createTempDirectory("steward-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (root) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            DebianPostgres pg = new DebianPostgres(dir, port, root);
            pg.init();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a PostgreSQL cluster directory", e);
        }
    }

    private void init() throws IOException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password);
        if (asPostgresUser) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(pwfile, users.lookupPrincipalByName("postgres"));
        }
        Path initLog = dir.resolve("initdb.log");
        Processes.run(initLog, cmd("initdb", "-D", data.toString(), "-U", SUPERUSER, "-E", "UTF8",
                "--locale=C", "--auth=scram-sha-256", "--pwfile=" + pwfile, "--no-sync"));
        Files.delete(pwfile);
        try {
            Processes.run(initLog, cmd("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200",
                    "start"));
            started = true;
        } catch (IllegalStateException e) {
            deleteDir();
            throw new IllegalStateException(e.getMessage() + System.lineSeparator() + Processes.tail(log, 20), e);
        }
    }

    private List<String> cmd(String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Connection admin() throws SQLException {
        return Database.connect(jdbcUrl("postgres"), SUPERUSER, password);
    }

    @Override
    public String describe() {
        return "PostgreSQL (initdb/pg_ctl, throwaway cluster in " + dir + ") on 127.0.0.1:" + port;
    }

    @Override
    public void restart() {
        // immediate: no checkpoint, the next start replays the WAL as after a crash
        Processes.run(dir.resolve("restart.log"), cmd("pg_ctl", "-D", data.toString(), "-l", log.toString(),
                "-m", "immediate", "-w", "-t", "60", "restart"));
    }

    @Override
    public void close() {
        if (started && Files.exists(data.resolve("postmaster.pid"))) {
            try {
                Processes.run(dir.resolve("stop.log"), cmd("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            } catch (RuntimeException e) {
                System.err.println("Could not stop PostgreSQL: " + e.getMessage());
            }
        }
        started = false;
        deleteDir();
    }

    private void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }
}
