package dev.steward.account.bench;

import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The three benchmarks of bench/account/README.md, each against its raw-PostgreSQL baseline on the
 * same database. Runs only with -Pbench; figures go to stdout and target/bench-results.txt.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountBench {

    static final int INGEST_RECORDS = Integer.getInteger("bench.ingest.records", 20_000);
    /** Batches of 1,000 in the two-client phase (issue 10: long enough to sample; was half of INGEST_RECORDS). */
    static final int INGEST_PARALLEL_BATCHES = Integer.getInteger("bench.ingest.parallel.batches", 60);
    /** Where a JFR recording of the two-client phase goes (empty: none). */
    static final String INGEST_JFR = System.getProperty("bench.ingest.jfr", "");
    static final int EXPORT_ROWS = Integer.getInteger("bench.export.rows", 100_000);
    static final int ERASE_RECORDS = Integer.getInteger("bench.erase.records", 1_000_000);
    static final int ME_CLIENTS = Integer.getInteger("bench.me.clients", 8);
    static final int ME_SECONDS = Integer.getInteger("bench.me.seconds", 15);

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newHttpClient();
    static final Map<String, String> RESULTS = new LinkedHashMap<>();

    @Test
    @Order(1)
    void batchIngestAgainstCopy() throws Exception {
        String org = newOrg("ingest");
        String token = Tokens.clientAdmin("bench", org);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < INGEST_RECORDS / 2000 + INGEST_PARALLEL_BATCHES; b++) {
            StringBuilder s = new StringBuilder("{\"records\":[");
            for (int i = 0; i < 1000; i++) {
                int n = b * 1000 + i;
                s.append(i == 0 ? "" : ",").append("{\"id\":\"user-").append(n).append("\",\"attributes\":[")
                        .append("{\"name\":\"email\",\"value\":\"user").append(n).append("@example.com\",\"category\":\"user.contact.email\"},")
                        .append("{\"name\":\"name\",\"value\":\"User Number ").append(n).append("\",\"category\":\"user.name\"},")
                        .append("{\"name\":\"city\",\"value\":\"Springfield\",\"category\":\"user.contact.address.city\"}],")
                        .append("\"attestation\":{\"attestedBy\":\"dpo@client\",\"attestedAt\":\"2026-01-01T00:00:00Z\",\"basis\":\"form\"}}");
            }
            bodies.add(s.append("]}").toString());
        }
        // warm-up batch in another org (JIT, connection pool)
        String warm = newOrg("warm");
        post("/orgs/" + warm + "/end-users", Tokens.clientAdmin("bench", warm), bodies.get(0));

        // sequential: one batch after the other; then two clients at once (half the batches each,
        // another org) to show the throughput when JVM and database work overlap
        long t0 = System.nanoTime();
        for (String body : bodies.subList(0, INGEST_RECORDS / 2000)) {
            post("/orgs/" + org + "/end-users", token, body);
        }
        double sequentialSeconds = (System.nanoTime() - t0) / 1e9;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<String> rest = bodies.subList(INGEST_RECORDS / 2000, bodies.size());
        WaitSampler waits = new WaitSampler(db);
        jdk.jfr.Recording jfr = INGEST_JFR.isEmpty() ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (jfr != null) {
            jfr.start();
        }
        waits.start();
        long p0 = System.nanoTime();
        List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
        for (String body : rest) {
            futures.add(pool.submit(() -> post("/orgs/" + org + "/end-users", token, body)));
        }
        for (var f : futures) {
            f.get();
        }
        double parallelSeconds = (System.nanoTime() - p0) / 1e9;
        waits.stop();
        if (jfr != null) {
            jfr.stop();
            jfr.dump(Path.of(INGEST_JFR));
            jfr.close();
        }
        pool.shutdown();
        double apiSeconds = sequentialSeconds + parallelSeconds;

        // the baseline: the very same rows (ciphertexts, keys) COPYed into the same tables
        Map<String, byte[]> dumps = new LinkedHashMap<>();
        String[][] tables = {
                {"subject", "select * from subject where org = '" + org + "'"},
                {"subject_key", "select k.* from subject_key k join subject s on s.id = k.subject_id where s.org = '" + org + "'"},
                {"personal_field", "select f.* from personal_field f join subject s on s.id = f.subject_id where s.org = '" + org + "'"},
                {"end_user_record", "select * from end_user_record where org = '" + org + "'"}};
        try (Connection c = db.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String[] t : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY (" + t[1] + ") TO STDOUT (FORMAT binary)", out);
                dumps.put(t[0], out.toByteArray());
            }
            try (Statement st = c.createStatement()) {
                st.execute("delete from personal_field f using subject s where f.subject_id = s.id and s.org = '" + org + "'");
                st.execute("delete from end_user_record where org = '" + org + "'");
                st.execute("delete from subject_key k using subject s where k.subject_id = s.id and s.org = '" + org + "'");
                st.execute("delete from subject where org = '" + org + "'");
                st.execute("vacuum analyze personal_field, subject, subject_key, end_user_record");
            }
            c.setAutoCommit(false);
            long c0 = System.nanoTime();
            for (Map.Entry<String, byte[]> d : dumps.entrySet()) {
                copy.copyIn("COPY " + d.getKey() + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(d.getValue()));
            }
            c.commit();
            double copySeconds = (System.nanoTime() - c0) / 1e9;
            c.setAutoCommit(true);
            double half = INGEST_RECORDS / 2.0;
            double seqRate = half / sequentialSeconds;
            double parRate = rest.size() * 1000 / parallelSeconds;
            int total = (int) half + rest.size() * 1000;
            double copyRate = total / copySeconds;
            record("ingest", String.format("%d records x 3 attributes in batches of 1000 (%.1f s in all): API one client %.0f rec/s "
                            + "(%d batches), two concurrent clients %.0f rec/s (%d batches); raw COPY of the same rows %.0f rec/s "
                            + "(%.2f s); ratio %.2f sequential, %.2f with two clients (goal >= 0.25)",
                    total, apiSeconds, seqRate, (int) half / 1000, parRate, rest.size(), copyRate, copySeconds,
                    seqRate / copyRate, parRate / copyRate));
            record("ingest-waits", waits.summary());
        }
    }

    @Test
    @Order(2)
    void streamedExportAgainstCopyToStdout() throws Exception {
        String org = newOrg("export");
        String subject = "heavy-user";
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into access_log (org, kind, subject_id, ip, at, duration_ms, user_agent, path) "
                    + "select '" + org + "', 'END_USER', '" + subject + "', '203.0.113.' || (g % 250), "
                    + "now() - g * interval '1 minute', g % 5000, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', "
                    + "'/app/page/' || g from generate_series(1, " + EXPORT_ROWS + ") g");
            st.execute("vacuum analyze access_log");
        }
        String path = "/internal/subjects/" + org + "/END_USER/" + subject + "/export";
        String token = Tokens.service("request-service");
        String copySql = "COPY (select ip, at, duration_ms, user_agent, path from access_log where org = '" + org
                + "' and kind = 'END_USER' and subject_id = '" + subject + "' order by at, id) TO STDOUT";
        // warm-up
        long bytes = exportOnce(path, token);
        copyOut(copySql);

        // Timing runs first, with nothing else running in this JVM: a heap sampler would take one
        // of the machine's two cores away from the export and bias the ratio.
        List<Double> api = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long c0 = System.nanoTime();
            copyOut(copySql);
            copy.add((System.nanoTime() - c0) / 1e9);
            long a0 = System.nanoTime();
            bytes = exportOnce(path, token);
            api.add((System.nanoTime() - a0) / 1e9);
        }
        // Then memory runs, sampling the heap every millisecond.
        long heapGrowth = 0;
        long oldGenGrowth = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long baseline = used();
            long baseOld = oldGenAfterGc();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(used(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
            sampler.start();
            exportOnce(path, token);
            running.set(false);
            sampler.join();
            System.gc();
            heapGrowth = Math.max(heapGrowth, peak.get() - baseline);
            oldGenGrowth = Math.max(oldGenGrowth, oldGenAfterGc() - baseOld);
        }
        double apiMedian = median(api);
        double copyMedian = median(copy);
        record("export", String.format("%d access-log rows, %d bytes of JSON: streamed export median %.3f s, "
                        + "COPY ... TO STDOUT median %.3f s, ratio %.2f (goal <= 2); peak heap above baseline during export "
                        + "%d MB (whole JVM, young garbage included, young gen 32 MB), old-gen growth after GC %d MB (goal <= 64 MB)",
                EXPORT_ROWS, bytes, apiMedian, copyMedian, apiMedian / copyMedian, heapGrowth >> 20, oldGenGrowth >> 20));
    }

    @Test
    @Order(3)
    void orgErasureAgainstRawDelete() throws Exception {
        // baseline first: the same rows, erased with the bare DELETE statements
        String raw = newOrg("rawdel");
        populate(raw);
        long r0 = System.nanoTime();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("delete from personal_field f using subject s where f.subject_id = s.id and s.org = '" + raw + "'");
                st.execute("delete from end_user_record where org = '" + raw + "'");
                st.execute("delete from subject_key k using subject s where k.subject_id = s.id and s.org = '" + raw + "'");
                st.execute("delete from subject where org = '" + raw + "'");
            }
            c.commit();
        }
        double rawSeconds = (System.nanoTime() - r0) / 1e9;
        vacuum();

        String org = newOrg("erase");
        populate(org);
        long a0 = System.nanoTime();
        String receipt = post("/internal/orgs/" + org + "/erasure", Tokens.service("request-service"),
                "{\"requestId\":\"bench-" + org + "\"}");
        double apiSeconds = (System.nanoTime() - a0) / 1e9;
        if (!receipt.contains("\"count\":" + ERASE_RECORDS)) {
            throw new AssertionError("unexpected receipt " + receipt);
        }
        record("erase", String.format("org with %d end-user records (%d fields, %d keys): erasure API %.2f s, "
                        + "raw DELETE of the same rows %.2f s, ratio %.2f (goal <= 2)",
                ERASE_RECORDS, 2L * ERASE_RECORDS, ERASE_RECORDS, apiSeconds, rawSeconds, apiSeconds / rawSeconds));
    }

    /**
     * Issue 17 P1: a customer reads their own account ({@code GET /me}: HTTP, JWT, primary-key read, decrypt)
     * from 8 clients for a fixed time, beside the same primary-key read through JDBC from 8 threads. A JFR
     * recording of the API phase goes to {@code bench.me.jfr} when set.
     */
    @Test
    @Order(4)
    void ownAccountReadsAtEightClients() throws Exception {
        String sub = "bench-me-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.customer(sub);
        post("/me", token, "{\"fullName\":\"Carol Customer\",\"email\":\"" + sub + "@example.com\",\"phone\":\"+1 555 0100\","
                + "\"billingAddress\":\"1 Main St\",\"paymentToken\":\"tok_abc123\",\"cardLast4\":\"4242\",\"ageConfirmed\":true}");
        HttpRequest me = HttpRequest.newBuilder(uri("/me")).header("Authorization", "Bearer " + token).GET().build();
        // HTTP/1.1, a connection per client, as wrk and browsers do: the JDK client's default (h2c upgrade) puts all
        // 8 clients on one HTTP/2 connection, whose per-connection lock in Vert.x then dominates (19 s of monitor
        // waits in 15 s, 9 req/s in the first run)
        HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Load.Call api = () -> {
            HttpResponse<String> r = http1.send(me, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /me answered " + r.statusCode());
            }
        };
        long subjectId;
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select id from subject where kind = 'ACCOUNT' and ext_id = '" + sub + "'")) {
            rs.next();
            subjectId = rs.getLong(1);
        }
        Load.run(ME_CLIENTS, 3, api); // warm-up: JIT, connections, the data-key cache
        String jfrPath = System.getProperty("bench.me.jfr", "");
        jdk.jfr.Recording jfr = jfrPath.isEmpty() ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (jfr != null) {
            jfr.start();
        }
        Load.Result apiResult = Load.run(ME_CLIENTS, ME_SECONDS, api);
        if (jfr != null) {
            jfr.stop();
            jfr.dump(Path.of(jfrPath));
            jfr.close();
        }
        // baseline: the account row and its fields by primary key, one connection per thread, autocommit
        ThreadLocal<Connection> conns = ThreadLocal.withInitial(() -> {
            try {
                return db.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Load.Call raw = () -> {
            try (java.sql.PreparedStatement ps = conns.get().prepareStatement("select a.status, f.name, f.value_ct from account a "
                    + "join personal_field f on f.subject_id = a.subject_id where a.subject_id = ?")) {
                ps.setLong(1, subjectId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(3);
                    }
                }
            }
        };
        Load.run(ME_CLIENTS, 1, raw);
        Load.Result rawResult = Load.run(ME_CLIENTS, ME_SECONDS, raw);
        record("me", String.format("GET /me at %d clients for %d s: %.0f req/s, p50 %.2f ms, p99 %.2f ms; the same primary-key "
                        + "read through JDBC at %d threads: %.0f reads/s, p99 %.2f ms; ratio %.3f",
                ME_CLIENTS, ME_SECONDS, apiResult.rate(), apiResult.p50Ms(), apiResult.p99Ms(), ME_CLIENTS, rawResult.rate(),
                rawResult.p99Ms(), apiResult.rate() / rawResult.rate()));
    }

    /** A closed-loop load: n threads calling for a number of seconds, every call's latency kept. */
    static final class Load {
        interface Call {
            void call() throws Exception;
        }

        record Result(double rate, double p50Ms, double p99Ms) {
        }

        static Result run(int threads, int seconds, Call call) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<long[]> latencies = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
            long[] counts = new long[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long[] mine = new long[4_000_000];
                latencies.add(mine);
                int index = t;
                Thread w = new Thread(() -> {
                    int n = 0;
                    try {
                        while (System.nanoTime() < end && n < mine.length) {
                            long s0 = System.nanoTime();
                            call.call();
                            mine[n++] = System.nanoTime() - s0;
                        }
                    } catch (Exception e) {
                        failure.set(e);
                    }
                    counts[index] = n;
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            long total = java.util.Arrays.stream(counts).sum();
            long[] all = new long[(int) total];
            int k = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies.get(t), 0, all, k, (int) counts[t]);
                k += (int) counts[t];
            }
            java.util.Arrays.sort(all);
            return new Result(total / elapsed, all[(int) (total * 0.50)] / 1e6, all[(int) Math.min(total - 1, total * 0.99)] / 1e6);
        }
    }

    private void populate(String org) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into subject (org, kind, ext_id) select '" + org + "', 'END_USER', 'user-' || g "
                    + "from generate_series(1, " + ERASE_RECORDS + ") g");
            st.execute("insert into subject_key (subject_id, wrapped, key_version) select id, gen_random_bytes_fallback(), 1 "
                    .replace("gen_random_bytes_fallback()", "decode(md5(id::text) || md5(id::text || 'k') || md5(id::text || 'w'), 'hex')")
                    + "from subject where org = '" + org + "'");
            st.execute("insert into personal_field (subject_id, name, category, value_ct, source, purpose) "
                    + "select id, n.name, n.cat, decode(md5(id::text || n.name) || md5(n.name || id::text), 'hex'), 'CLIENT', 'bench' "
                    + "from subject cross join (values ('email', 'user.contact.email'), ('name', 'user.name')) n(name, cat) "
                    + "where org = '" + org + "'");
            st.execute("insert into end_user_record (subject_id, org, attested_by, attested_at, attestation_basis, written_by) "
                    + "select id, org, 'dpo', now(), 'form', 'bench' from subject where org = '" + org + "'");
        }
        vacuum();
    }

    /**
     * Samples, every 10 ms while the two clients run, what the database's client backends are doing
     * (pg_stat_activity's wait event, "CPU" when active without one) and how many lock requests wait
     * (pg_locks), so the figure says where the database side of the time goes.
     */
    static final class WaitSampler {
        private final AgroalDataSource db;
        private final Map<String, Long> events = new java.util.TreeMap<>();
        private final Map<String, Long> lockWaits = new java.util.TreeMap<>();
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-wait-sampler"));
        private long samples;
        private Connection connection;
        private java.sql.PreparedStatement activity;
        private java.sql.PreparedStatement locks;

        WaitSampler(AgroalDataSource db) {
            this.db = db;
        }

        /** One sample every 10 ms (a sampling rate, not a wait) on a connection of its own. */
        void start() throws SQLException {
            connection = db.getConnection();
            activity = connection.prepareStatement("select coalesce(wait_event_type || ':' || wait_event, "
                    + "'CPU'), count(*) from pg_stat_activity where backend_type = 'client backend' and state = 'active' "
                    + "and pid <> pg_backend_pid() group by 1");
            locks = connection.prepareStatement("select locktype || ':' || mode, count(*) from pg_locks where not granted group by 1");
            timer.scheduleWithFixedDelay(this::sample, 0, 10, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException, SQLException {
            timer.shutdown();
            if (!timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the wait sampler did not stop");
            }
            connection.close();
        }

        private void sample() {
            try {
                samples++;
                for (var ps : List.of(activity, locks)) {
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            (ps == activity ? events : lockWaits).merge(rs.getString(1), rs.getLong(2), Long::sum);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e); // ends the schedule; summary() reports the samples taken
            }
        }

        /** Each wait event's share of the sampled active backends, and lock requests seen waiting per sample. */
        String summary() {
            long active = events.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder out = new StringBuilder(samples + " samples, " + String.format("%.2f", active / (double) samples)
                    + " active backends on average; wait events:");
            events.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> out.append(String.format(" %s %.1f%%", e.getKey(), 100.0 * e.getValue() / active)));
            out.append("; ungranted locks per sample:");
            if (lockWaits.isEmpty()) {
                out.append(" none");
            }
            lockWaits.forEach((k, v) -> out.append(String.format(" %s %.3f", k, v / (double) samples)));
            return out.toString();
        }
    }

    private void vacuum() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze personal_field, subject, subject_key, end_user_record");
        }
    }

    private long exportOnce(String path, String token) throws Exception {
        java.net.HttpURLConnection conn = (java.net.HttpURLConnection) uri(path).toURL().openConnection();
        conn.setRequestProperty("Authorization", "Bearer " + token);
        if (conn.getResponseCode() != 200) {
            throw new AssertionError("export answered " + conn.getResponseCode());
        }
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = conn.getInputStream()) {
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
        }
        return n;
    }

    private void copyOut(String sql) throws Exception {
        try (Connection c = db.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, OutputStream.nullOutputStream());
        }
    }

    private String post(String path, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String newOrg(String prefix) throws Exception {
        String org = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        post("/orgs", Tokens.officer("bench"), "{\"id\":\"" + org + "\",\"name\":\"" + org + "\"}");
        return org;
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long oldGenAfterGc() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().toLowerCase().contains("old")
                    || pool.getName().toLowerCase().contains("tenured")) {
                sum += pool.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }

    private static void record(String name, String line) throws java.io.IOException {
        RESULTS.put(name, line);
        System.out.println("BENCH " + name + ": " + line);
        Files.writeString(Path.of("target", "bench-results.txt"), String.join(System.lineSeparator(),
                RESULTS.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + System.lineSeparator());
    }
}
