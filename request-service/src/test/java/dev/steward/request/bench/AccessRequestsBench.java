package dev.steward.request.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.execution.Execution;
import dev.steward.request.steps.StepTask;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: its name matches no Surefire pattern, so {@code ./mvnw verify} never runs
 * it). Phase 1 submits N ACCESS requests through the API with the scheduler stopped (timed as
 * intake); phase 2 starts a scheduler instance and times until all N are COMPLETED through the
 * durable steps (EXPORT, ACCOUNTING, REPORT) against WireMock stub peers. Run it with
 * bench/request/run.sh; it prints one result line and writes target/bench-access.txt.
 */
@QuarkusTest
class AccessRequestsBench {

    @Inject
    Execution execution;
    @Inject
    AgroalDataSource db;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void accessRequestsThroughTheDurableSteps() throws Exception {
        int n = Integer.getInteger("bench.requests", 1000);
        int clients = Integer.getInteger("bench.clients", 8);
        String run = "b" + System.currentTimeMillis() + "-";
        account.stubFor(get(urlPathMatching("/internal/subjects/steward/ACCOUNT/bench-.*/export"))
                .willReturn(okJson(Contract.exportJson("steward", "ACCOUNT", "bench"))));
        disclosure.stubFor(get(urlPathMatching("/internal/subjects/steward/ACCOUNT/bench-.*/accounting"))
                .willReturn(okJson(Contract.ACCOUNTING)));
        // warm-up: one request end to end (token fetch, JIT, connection pools)
        submit(run + "warm");
        await().atMost(Duration.ofSeconds(60)).until(() -> completed(run + "warm") == 1);

        // phase 1: intake with the scheduler stopped (the requests wait, IN_PROGRESS, as durable tasks),
        // or, with bench.overlap, running (a burst arriving at a working service)
        boolean overlap = Boolean.getBoolean("bench.overlap");
        if (!overlap) {
            execution.stop();
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    submit(run + i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long submitted = System.nanoTime();
        pool.shutdown();
        // phase 2: a scheduler instance works through the 3 x N step tasks
        long executing = System.nanoTime();
        execution.start();
        int[] maxPicked = {0};
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            maxPicked[0] = Math.max(maxPicked[0], picked());
            return completed(run + "%") >= n + 1;
        });
        long done = System.nanoTime();
        assertEquals(n + 1, completed(run + "%"));

        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        double submitS = (submitted - start) / 1e9;
        double execS = (done - (overlap ? start : executing)) / 1e9;
        double[] latency = latency(run, overlap);
        int concurrent = maxConcurrentSteps(run);
        String line = String.format(java.util.Locale.ROOT,
                "requests=%d steps=%d intake(clients=%d)=%.1fs (%.1f req/s) durableExecution(threads=%d)=%.1fs "
                        + "(%.1f requests/s, %.1f steps/s) maxConcurrentStepExecutions=%d maxPickedTasksSampled=%d "
                        + "perRequestCompletion(p50=%.1fs of %.1fs = %.2f, p90=%.1fs) mode=%s startedWorkFirst=%s "
                        + "loadavg before=[%s] after=[%s]",
                n, 3 * n, clients, submitS, n / submitS, execution.threads(), execS, n / execS, 3 * n / execS, concurrent,
                maxPicked[0], latency[0], latency[2], latency[0] / latency[2], latency[1],
                overlap ? "overlap" : "backlog", System.getProperty("steward.execution.started-work-first", "true"),
                loadBefore, loadAfter);
        System.out.println("BENCH " + line);
        Files.writeString(Path.of("target", "bench-access.txt"), line + "\n");
    }

    private void submit(String sub) {
        given().auth().oauth2(Tokens.customer("bench-" + sub)).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "jurisdiction", "GDPR"))
                .when().post("/requests").then().statusCode(201);
    }

    private int completed(String likeSub) throws Exception {
        return count("select count(*) from dsr_request where status = 'COMPLETED' and subject_id like ?", "bench-" + likeSub);
    }

    private int picked() throws Exception {
        return count("select count(*) from scheduled_tasks where picked and task_name = ?", StepTask.NAME);
    }

    private int count(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Per request, the time from when it could start (its receipt with bench.overlap; the scheduler's
     * start for a waiting backlog) to its COMPLETED event: {p50, p90, whole run}.
     */
    private double[] latency(String run, boolean overlap) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "with r as (select r.id, r.received_at, e.at as done from dsr_request r join dsr_event e on e.request_id = r.id "
                        + "and e.to_status = 'COMPLETED' where r.subject_id like ? and r.subject_id not like '%warm'), "
                        + "s as (select min(l.started_at) as at from dsr_step_log l join r on r.id = l.request_id), "
                        + "w as (select r.done, case when ? then r.received_at else s.at end as began, "
                        + "case when ? then (select min(received_at) from r) else s.at end as run_start from r, s) "
                        + "select extract(epoch from percentile_cont(0.5) within group (order by done - began)), "
                        + "extract(epoch from percentile_cont(0.9) within group (order by done - began)), "
                        + "extract(epoch from max(done) - min(run_start)) from w")) {
            ps.setString(1, "bench-" + run + "%");
            ps.setBoolean(2, overlap);
            ps.setBoolean(3, overlap);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    /** The most step executions whose [started, finished] intervals overlapped (from the execution log). */
    private int maxConcurrentSteps(String run) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "with s as (select l.started_at, l.finished_at from dsr_step_log l join dsr_request r on r.id = l.request_id "
                        + "where r.subject_id like ?), "
                        + "e as (select started_at as at, 1 as d from s union all select finished_at, -1 from s) "
                        + "select coalesce(max(running), 0) from (select sum(d) over (order by at, d rows unbounded preceding) "
                        + "as running from e) x")) {
            ps.setString(1, "bench-" + run + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
