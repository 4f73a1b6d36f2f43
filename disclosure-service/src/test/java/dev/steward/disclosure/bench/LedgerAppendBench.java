package dev.steward.disclosure.bench;

import dev.steward.disclosure.ledger.LedgerConfig;
import dev.steward.disclosure.ledger.LedgerContent;
import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.ledger.WriteBatch;
import dev.steward.disclosure.platform.Digests;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.flywaydb.core.Flyway;

/**
 * In-process ledger benchmark (not a test; run by bench/disclosure/inprocess.sh, never by
 * {@code ./mvnw verify}). Same JVM, same JDBC driver, same Agroal pool, same durable PostgreSQL:
 * N threads each appending a ledger entry through {@link LedgerWriter#append} and waiting for the
 * commit, against N threads each INSERTing one equivalent row in its own autocommit transaction.
 * The ledger entries cover no record rows ({@link LedgerContent#write} adds nothing), so both sides
 * make one ledger-shaped row durable per operation; the ledger side also hashes, chains, and
 * locks/updates the chain head once per group commit.
 *
 * <p>Args: jdbcUrl user password seconds threadCounts(comma-separated) [rounds]
 */
public final class LedgerAppendBench {

    private static final String PLAIN_INSERT = "insert into plain_entry (entry_type, ref_id, content_digest,"
            + " recorded_at, prev_hash, hash) values (?, ?, ?, ?, ?, ?)";

    private LedgerAppendBench() {
    }

    /** A ledger entry with no record rows of its own. */
    private record BareEntry(UUID ref, String digest, Instant recordedAt) implements LedgerContent {
        @Override
        public String type() {
            return "BENCH";
        }

        @Override
        public void write(WriteBatch batch, long seq) {
            // nothing: the ledger row is the whole entry, like the plain side's single row
        }
    }

    /** The production defaults (application.properties) for the writer's settings. */
    static final class BenchConfig implements LedgerConfig {
        @Override
        public Optional<String> signingKey() {
            return Optional.empty();
        }

        @Override
        public String origin() {
            return "steward.local/disclosure-ledger";
        }

        @Override
        public int maxBatch() {
            return 500;
        }

        @Override
        public int queueCapacity() {
            return 10_000;
        }

        @Override
        public long ackTimeoutSeconds() {
            return 30;
        }

        @Override
        public Duration checkpointEvery() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration checkpointDelay() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration verifyEvery() {
            return Duration.ofHours(1);
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int seconds = Integer.parseInt(args[3]);
        String[] threadCounts = args[4].split(",");
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(Map.of("app_user", "disclosure_app", "app_password", "bench"))
                .load().migrate();
        int maxThreads = java.util.Arrays.stream(threadCounts).mapToInt(t -> Integer.parseInt(t.trim())).max().orElse(8);
        try (AgroalDataSource db = pool(url, user, password, maxThreads + 2)) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table if not exists plain_entry (seq bigserial primary key,"
                        + " entry_type varchar(30) not null, ref_id uuid not null, content_digest char(64) not null,"
                        + " recorded_at timestamptz not null, prev_hash char(64) not null, hash char(64) not null unique)");
                try (var rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('server_version')")) {
                    rs.next();
                    System.out.printf("PostgreSQL %s: fsync=%s synchronous_commit=%s%n",
                            rs.getString(3), rs.getString(1), rs.getString(2));
                }
            }
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            LedgerWriter writer = new LedgerWriter(db, metrics, new BenchConfig());
            // start/stop are the writer's (package-private) Quarkus lifecycle observers
            Method start = LedgerWriter.class.getDeclaredMethod("start", StartupEvent.class);
            Method stop = LedgerWriter.class.getDeclaredMethod("stop", ShutdownEvent.class);
            start.setAccessible(true);
            stop.setAccessible(true);
            start.invoke(writer, new StartupEvent());
            DistributionSummary sizes = metrics.get("steward.ledger.batch.size").summary();
            Timer times = metrics.get("steward.ledger.batch.duration").timer();

            Op ledger = () -> {
                UUID ref = UUID.randomUUID();
                writer.append(new BareEntry(ref, sha(ref.toString()), Instant.now())).get();
            };
            Op plain = () -> {
                UUID ref = UUID.randomUUID();
                String s = ref.toString();
                try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(PLAIN_INSERT)) {
                    ps.setString(1, "BENCH");
                    ps.setObject(2, ref);
                    ps.setString(3, sha(s));
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.setString(5, sha("prev" + s));
                    ps.setString(6, sha("hash" + s));
                    ps.executeUpdate();
                }
            };

            for (int round = 1; round <= rounds; round++) {
                for (String t : threadCounts) {
                    int n = Integer.parseInt(t.trim());
                    double plainRate = measure(plain, n, seconds);
                    long c0 = sizes.count();
                    double s0 = sizes.totalAmount();
                    double ms0 = times.totalTime(TimeUnit.MILLISECONDS);
                    double ledgerRate = measure(ledger, n, seconds);
                    long commits = sizes.count() - c0;
                    double entries = sizes.totalAmount() - s0;
                    double ms = times.totalTime(TimeUnit.MILLISECONDS) - ms0;
                    System.out.printf("RESULT round=%d threads=%d plain_inserts_per_s=%.1f ledger_appends_per_s=%.1f"
                                    + " ratio=%.2f entries_per_commit=%.1f ms_per_commit=%.1f%n",
                            round, n, plainRate, ledgerRate, ledgerRate / plainRate,
                            commits == 0 ? 0 : entries / commits, commits == 0 ? 0 : ms / commits);
                }
            }
            stop.invoke(writer, new ShutdownEvent());
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("select (select count(*) from ledger_entry), (select count(*) from plain_entry)")) {
                rs.next();
                System.out.printf("rows: ledger_entry=%d plain_entry=%d%n", rs.getLong(1), rs.getLong(2));
            }
        }
    }

    static AgroalDataSource pool(String url, String user, String password, int size) throws java.sql.SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(size)
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url).autoCommit(true)
                                .principal(new NamePrincipal(user)).credential(new SimplePassword(password)))));
    }

    /** Runs {@code op} in {@code n} threads: warm-up of seconds/4, then counts completions for {@code seconds}. */
    private static double measure(Op op, int n, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        CountDownLatch finished = new CountDownLatch(n);
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Thread th = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        op.run();
                        if (counting.get()) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    finished.countDown();
                }
            }, "bench-" + i);
            th.setDaemon(true);
            th.start();
        }
        // waiting on the workers' latch also ends the run early if they all fail
        finished.await(Math.max(1, seconds / 4), TimeUnit.SECONDS);
        counting.set(true);
        long t0 = System.nanoTime();
        finished.await(seconds, TimeUnit.SECONDS);
        counting.set(false);
        long elapsed = System.nanoTime() - t0;
        long count = done.sum();
        stop.set(true);
        finished.await(60, TimeUnit.SECONDS);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("benchmark operation failed", errors.get(0));
        }
        return count / (elapsed / 1e9);
    }

    private static String sha(String s) {
        return Digests.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }
}
