package dev.steward.request.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.steps.StepRunner;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes, restarts and peer outages. A crash is made the way it happens: a scheduler instance
 * picked a task and died (its row stays picked with a stale heartbeat), possibly after committing
 * the step's progress; a new scheduler instance must revive it and finish the request, without
 * calling the peer again for work that was done.
 */
@QuarkusTest
class DurabilityTest {

    @Inject
    Execution execution;
    @Inject
    StepRunner runner;
    @Inject
    AgroalDataSource db;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @AfterEach
    void schedulerRuns() {
        execution.start();
    }

    @Test
    void aRequestWhoseSchedulerDiedIsResumedByTheNextOneToTheRightEnd() throws Exception {
        execution.stop();
        Contract.access(account, disclosure, "steward", "ACCOUNT", "crash-a");
        Contract.access(account, disclosure, "steward", "ACCOUNT", "crash-b");
        String a = Tokens.customer("crash-a");
        String b = Tokens.customer("crash-b");
        String idA = Api.submitted(a, Map.of("type", "ACCESS"));
        String idB = Api.submitted(b, Map.of("type", "ACCESS"));
        assertEquals("IN_PROGRESS", Api.status(a, idA));

        // A: the dead instance picked EXPORT, called the peer and committed the progress, then died
        // before db-scheduler could remove the finished task.
        runner.run(idA + "/0/EXPORT", 1);
        markPickedByDeadInstance(idA + "/0/EXPORT");
        // B: the dead instance picked EXPORT and died before anything was committed.
        markPickedByDeadInstance(idB + "/0/EXPORT");
        assertEquals(2, pickedByDeadInstance());

        execution.start(); // a new instance: detects the dead executions and revives them
        Api.awaitStatus(a, idA, "COMPLETED");
        Api.awaitStatus(b, idB, "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> pickedByDeadInstance() == 0
                && tasksOf(idA) == 0 && tasksOf(idB) == 0);
        JsonPath doneA = Api.get(a, idA);

        account.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("crash-a") + "/export")));
        account.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("crash-b") + "/export")));
        List<String> outcomes = doneA.getList("executionLog.findAll { it.step == 'EXPORT' && it.outcome != 'FAILED' }.outcome");
        assertEquals(List.of("SUCCEEDED", "SKIPPED"), outcomes, "the revived EXPORT reused the committed progress");
        assertEquals(1, doneA.getList("events.findAll { it.to == 'COMPLETED' }").size());
    }

    @Test
    void aRestartedInstanceTakesBackWhatItsEarlierIncarnationPicked() throws Exception {
        execution.stop();
        Contract.access(account, disclosure, "steward", "ACCOUNT", "crash-own");
        String token = Tokens.customer("crash-own");
        String id = Api.submitted(token, Map.of("type", "ACCESS"));
        // this instance's earlier incarnation picked EXPORT and was killed; its heartbeat looks fresh
        // (an hour ahead), so dead-execution detection would never free it: only the restart's reclaim can
        markPicked(id + "/0/EXPORT", execution.instanceName(), "now() + interval '1 hour'");

        execution.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(Api.status(token, id)));
        account.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("crash-own") + "/export")));
    }

    @Test
    void aStoppedSchedulerLeavesTheRequestWhereItWasAndANewOneFinishesIt() {
        String path = Contract.customer("stop-1");
        account.stubFor(get(urlPathEqualTo(path + "/export")).willReturn(okExport("stop-1")));
        // the accounting peer is down, so the request waits at ACCOUNTING, retrying
        disclosure.stubFor(get(urlPathEqualTo(path + "/accounting")).willReturn(aResponse().withStatus(503)));
        String token = Tokens.customer("stop-1");
        String id = Api.submitted(token, Map.of("type", "ACCESS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(token, id)
                .getList("executionLog.findAll { it.step == 'ACCOUNTING' && it.outcome == 'FAILED' }").size() >= 1);
        execution.stop();
        disclosure.stubFor(get(urlPathEqualTo(path + "/accounting")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(Contract.ACCOUNTING)));
        assertEquals("IN_PROGRESS", Api.status(token, id));
        execution.start();
        JsonPath done = Api.awaitStatus(token, id, "COMPLETED");
        assertEquals(1, done.getInt("outcome.report.disclosures.entries"));
        account.verify(1, getRequestedFor(urlPathEqualTo(path + "/export")));
    }

    @Test
    void aPeerDownThenBackCompletesAfterRetries() {
        String path = Contract.customer("flaky-1");
        account.stubFor(post(urlPathEqualTo(path + "/rectification")).willReturn(aResponse().withStatus(503)));
        String token = Tokens.customer("flaky-1");
        String id = Api.submitted(token, Map.of("type", "RECTIFICATION", "changes", Map.of("phone", "+1 555 0111")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(token, id)
                .getList("executionLog.findAll { it.outcome == 'FAILED' }").size() >= 2);
        Contract.rectification(account, path, "[\"phone\"]");
        JsonPath done = Api.awaitStatus(token, id, "COMPLETED");
        assertEquals(List.of("phone"), done.getList("outcome.changedFields"));
        List<String> outcomes = done.getList("executionLog.outcome");
        assertTrue(outcomes.indexOf("FAILED") < outcomes.indexOf("SUCCEEDED"), outcomes.toString());
    }

    @Test
    void retriesRunOutIntoFailedAndAnOfficerResumesIt() {
        String path = Contract.customer("down-1");
        account.stubFor(post(urlPathEqualTo(path + "/restriction")).willReturn(aResponse().withStatus(500)));
        String token = Tokens.customer("down-1");
        String officer = Tokens.officer("olivia");
        String id = Api.submitted(token, Map.of("type", "RESTRICTION"));
        JsonPath failed = Api.awaitStatus(token, id, "FAILED");
        assertTrue(failed.getString("events[-1].note").startsWith("step RESTRICT failed after "), failed.getString("events[-1].note"));
        assertTrue(failed.getList("executionLog").size() >= 7, "backed off and retried: " + failed.getList("executionLog.outcome"));

        Contract.restriction(account, path);
        Api.action(officer, id, "retry", Map.of("note", "account-service is back")).then().statusCode(200);
        JsonPath done = Api.awaitStatus(token, id, "COMPLETED");
        assertEquals(List.of("RECEIVED", "VERIFIED", "IN_PROGRESS", "FAILED", "IN_PROGRESS", "COMPLETED"),
                done.getList("events.to"));
    }

    @Test
    void aRefusalByThePeerFailsAtOnceAndIsResumable() {
        String path = Contract.customer("refused-1");
        Contract.noHolds(disclosure, "steward", "ACCOUNT", "refused-1");
        account.stubFor(post(urlPathEqualTo(path + "/erasure")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":422}")));
        String token = Tokens.authenticatedAgo(10, "refused-1", "steward", "customer");
        String id = Api.submitted(token, Map.of("type", "ERASURE"));
        JsonPath failed = Api.awaitStatus(token, id, "FAILED");
        assertEquals(1, failed.getList("executionLog.findAll { it.step == 'ERASE' }").size(),
                "not retried: the peer's answer will not change");
        Contract.erasure(account, path, Contract.LOGS_KEPT);
        Api.action(Tokens.officer("olivia"), id, "retry", null).then().statusCode(200);
        Api.awaitStatus(token, id, "COMPLETED");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okExport(String id) {
        return com.github.tomakehurst.wiremock.client.WireMock.okJson(Contract.exportJson("steward", "ACCOUNT", id));
    }

    private void markPickedByDeadInstance(String instance) throws Exception {
        markPicked(instance, "dead-instance", "now() - interval '1 hour'");
    }

    private void markPicked(String instance, String by, String heartbeat) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update scheduled_tasks set picked = true, picked_by = ?, "
                     + "last_heartbeat = " + heartbeat + ", version = version + 1 "
                     + "where task_name = 'dsr-step' and task_instance = ?")) {
            ps.setString(1, by);
            ps.setString(2, instance);
            assertEquals(1, ps.executeUpdate(), "task " + instance + " is scheduled");
        }
    }

    private int tasksOf(String requestId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from scheduled_tasks where task_instance like ?")) {
            ps.setString(1, requestId + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int pickedByDeadInstance() throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from scheduled_tasks where picked_by = 'dead-instance'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
