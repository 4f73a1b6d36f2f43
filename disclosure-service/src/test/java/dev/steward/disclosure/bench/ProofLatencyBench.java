package dev.steward.disclosure.bench;

import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.ledger.Proofs;
import dev.steward.tlog.Merkle;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * Proof latency on a large ledger (not a test; run by bench/disclosure/proofs.sh). Fills
 * ledger_entry with N set-based rows (one INSERT … SELECT from generate_series: the proofs read
 * only the entry fields a leaf is made of, so the rows need no real chain), lets the writer build
 * the stored tree at start (its catch-up for a ledger older than the tree, timed), then asks
 * {@link Proofs} — the code behind {@code /ledger/proof/inclusion} and {@code /consistency} — for
 * random inclusion proofs at size N and consistency proofs from random sizes to N, each checked
 * with the verifier's RFC 9162 code, and prints the latency distribution.
 *
 * <p>Args: jdbcUrl user password entries samples
 */
public final class ProofLatencyBench {

    private ProofLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        long n = Long.parseLong(args[3]);
        int samples = Integer.parseInt(args[4]);
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(Map.of("app_user", "disclosure_app", "app_password", "bench")).load().migrate();
        try (AgroalDataSource db = LedgerAppendBench.pool(url, user, password, 4)) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                long t0 = System.nanoTime();
                s.executeUpdate("insert into ledger_entry (seq, entry_type, ref_id, content_digest, recorded_at, prev_hash, hash)"
                        + " select g, 'DISCLOSURE', md5(g::text)::uuid, encode(sha256(g::text::bytea), 'hex'),"
                        + " timestamptz '2026-01-01' + g * interval '1 second', repeat('0', 64),"
                        + " encode(sha256(('h' || g)::bytea), 'hex') from generate_series(1, " + n + ") g");
                s.executeUpdate("update chain_head set seq = " + n + ", hash = encode(sha256(('h' || " + n + ")::bytea), 'hex')");
                System.out.printf("filled %d entries in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
            LedgerWriter writer = new LedgerWriter(db, new SimpleMeterRegistry(), new LedgerAppendBench.BenchConfig());
            Method start = LedgerWriter.class.getDeclaredMethod("start", StartupEvent.class);
            Method stop = LedgerWriter.class.getDeclaredMethod("stop", ShutdownEvent.class);
            start.setAccessible(true);
            stop.setAccessible(true);
            long t0 = System.nanoTime();
            start.invoke(writer, new StartupEvent());
            Proofs proofs = new Proofs(db);
            while (true) { // the writer builds the tree on its own thread, then takes appends
                try (Connection c = db.getConnection(); Statement s = c.createStatement();
                     var rs = s.executeQuery("select count(*) from ledger_tree_node")) {
                    rs.next();
                    if (rs.getLong(1) >= n / 16) {
                        System.out.printf("tree built: %d stored nodes in %.1f s%n", rs.getLong(1), (System.nanoTime() - t0) / 1e9);
                        break;
                    }
                }
                Thread.sleep(200);
            }
            byte[] root = proofs.root(n);
            Random random = new Random(16);
            long[] inclusion = new long[samples];
            long[] consistency = new long[samples];
            for (int i = 0; i < samples + 20; i++) { // the first 20 of each warm the JIT and are not counted
                long index = (long) (random.nextDouble() * n);
                long t = System.nanoTime();
                Proofs.Inclusion p = proofs.inclusion(index, n);
                long took = System.nanoTime() - t;
                if (!Arrays.equals(root, Base64.getDecoder().decode(p.rootHash())) || !Merkle.verifyInclusion(index, n,
                        Base64.getDecoder().decode(p.leafHash()), p.path().stream().map(h -> Base64.getDecoder().decode(h)).toList(), root)) {
                    throw new IllegalStateException("inclusion proof of " + index + " does not verify");
                }
                if (i >= 20) {
                    inclusion[i - 20] = took;
                }
                long old = 1 + (long) (random.nextDouble() * (n - 1));
                t = System.nanoTime();
                Proofs.Consistency q = proofs.consistency(old, n);
                took = System.nanoTime() - t;
                if (!Merkle.verifyConsistency(old, n, Base64.getDecoder().decode(q.oldRootHash()), root,
                        q.proof().stream().map(h -> Base64.getDecoder().decode(h)).toList())) {
                    throw new IllegalStateException("consistency proof " + old + " → " + n + " does not verify");
                }
                if (i >= 20) {
                    consistency[i - 20] = took;
                }
            }
            print("inclusion", inclusion);
            print("consistency", consistency);
            stop.invoke(writer, new ShutdownEvent());
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT %s proofs at size N: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n", what,
                sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
