package dev.steward.request.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two live replicas on one database: this service's scheduler and a second one, under another
 * name, polling the same scheduled_tasks. Each step runs exactly once — db-scheduler picks a row
 * with an optimistic version check, so only one of two competing pickers wins it.
 */
@QuarkusTest
class TwoSchedulersTest {

    @Inject
    AgroalDataSource db;
    @Inject
    Instance<Task<?>> tasks;
    @Inject
    Execution execution;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void twoLiveSchedulersNeverRunOneStepTwice() {
        Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
        AtomicInteger byReplica = new AtomicInteger();
        Scheduler replica = Scheduler.create(db, tasks.stream().toList())
                .schedulerName(new SchedulerName.Fixed("replica-b"))
                .threads(4)
                .pollingInterval(Duration.ofMillis(50))
                .addSchedulerListener(new AbstractSchedulerListener() {
                    @Override
                    public void onExecutionStart(CurrentlyExecuting e) {
                        byReplica.incrementAndGet();
                        starts.computeIfAbsent(e.getTaskInstance().getId(), k -> new AtomicInteger()).incrementAndGet();
                    }
                })
                .build();
        replica.start();
        try {
            int n = 30;
            List<String> tokens = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String sub = "replicas-" + i;
                Contract.access(account, disclosure, "steward", "ACCOUNT", sub);
                tokens.add(Tokens.customer(sub));
                ids.add(Api.submitted(tokens.get(i), Map.of("type", "ACCESS")));
            }
            for (int i = 0; i < n; i++) {
                JsonPath done = Api.awaitStatus(tokens.get(i), ids.get(i), "COMPLETED");
                // a failed attempt (another test may have left a peer's circuit breaker open) is retried by
                // design; what must never happen is a step done twice, or a second run finding it done
                assertEquals(List.of("EXPORT", "ACCOUNTING", "REPORT"),
                        done.getList("executionLog.findAll { it.outcome == 'SUCCEEDED' }.step"),
                        "each step succeeded once: " + done.getList("executionLog"));
                assertEquals(List.of(), done.getList("executionLog.findAll { it.outcome == 'SKIPPED' }"),
                        "no step ran again after it was done");
                account.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("replicas-" + i) + "/export")));
                disclosure.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("replicas-" + i) + "/accounting")));
            }
            assertTrue(byReplica.get() > 0, "the second replica took part");
            assertTrue(byReplica.get() < 3 * n, "and so did this service's own scheduler (" + execution.instanceName() + ")");
            starts.forEach((instance, count) -> assertEquals(1, count.get(), instance + " started twice by the replica"));
        } finally {
            replica.stop();
        }
    }
}
