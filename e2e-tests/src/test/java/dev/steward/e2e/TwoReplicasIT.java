package dev.steward.e2e;

import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.ServiceProcess;
import dev.steward.e2e.stack.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: nothing in Steward depends on there being one replica. Runs in its own failsafe execution
 * with {@code steward.replicas=2}: two processes of each service share the service's database, behind a
 * round-robin proxy on the service's address (what a Kubernetes Service does); the tests also call each
 * replica directly to be sure both take part.
 */
@EnabledIfSystemProperty(named = "steward.replicas", matches = "2",
        disabledReason = "runs in the two-replicas failsafe execution, which sets steward.replicas=2")
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static Stack stack;
    private static List<ServiceProcess> accounts;
    private static List<ServiceProcess> requests;
    private static List<ServiceProcess> disclosures;

    @BeforeAll
    static void replicas(Stack s) {
        stack = s;
        accounts = s.replicas("account-service");
        requests = s.replicas("request-service");
        disclosures = s.replicas("disclosure-service");
        for (List<ServiceProcess> r : List.of(accounts, requests, disclosures)) {
            assertEquals(2, r.size(), "this test runs with -Dsteward.replicas=2");
        }
    }

    @Test
    @Order(1)
    void concurrentDisclosuresThroughBothReplicasMakeOneLedger() throws Exception {
        String legal = stack.tokens().user("lena");
        String auditor = stack.tokens().user("audrey");
        long before = json(as(auditor).get(disclosures.get(0).url() + "/ledger/verify").then().statusCode(200).extract().response())
                .path("size").asLong();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        int n = 120;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String replica = disclosures.get(i % 2).url();
            String subject = "rep-" + RUN + "-d" + i;
            sent.add(clients.submit(() -> as(legal).header("Idempotency-Key", "rep-" + RUN + "-disclosure-" + subject)
                    .body(body(Map.of(
                            "recipient", Map.of("type", "CONSUMER_REPORTING_AGENCY", "name", "Equifax"),
                            "legalBasis", "LEGAL_OBLIGATION", "caseReference", "CRA-" + subject,
                            "receivedOn", today, "disclosedOn", today,
                            "subjects", List.of(Map.of("org", "acme", "kind", "END_USER", "id", subject)),
                            "dataCategories", List.of("user.contact.address.city"),
                            "purpose", "credit reporting obligation", "outcome", "NON_CONTENT_DISCLOSED")))
                    .post(replica + "/disclosures").statusCode()));
        }
        for (Future<Integer> f : sent) {
            assertEquals(201, f.get(2, TimeUnit.MINUTES));
        }
        clients.shutdown();

        // one tree, seen the same from both replicas: no entry lost, none twice, no fork
        List<JsonNode> views = new ArrayList<>();
        for (ServiceProcess replica : disclosures) {
            JsonNode v = json(as(auditor).get(replica.url() + "/ledger/verify").then().statusCode(200).extract().response());
            assertTrue(v.path("valid").asBoolean(), replica.url() + ": " + v.toPrettyString());
            assertEquals(v.path("size").asLong(), v.path("checked").asLong(), v.toPrettyString());
            views.add(v);
        }
        assertEquals(before + n, views.get(0).path("size").asLong(), "entries appended through both replicas");
        assertEquals(views.get(0).path("size"), views.get(1).path("size"));
        assertEquals(views.get(0).path("headHash"), views.get(1).path("headHash"), "both replicas see one tree");
        stack.progress().say("two replicas: %d disclosures through both disclosure-service replicas, ledger %d -> %d entries, valid",
                n, before, views.get(0).path("size").asLong());
    }

    @Test
    @Order(2)
    void checkpointsSignedByEitherReplicaVerify() throws Exception {
        String legal = stack.tokens().user("lena");
        Path dir = Files.createTempDirectory("checkpoints");
        Path key = dir.resolve("log.vkey");
        Files.writeString(key, given().get(disclosures.get(0).url() + "/ledger/note-verifier-key").then().statusCode(200)
                .extract().asString());
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < disclosures.size(); i++) {
            ServiceProcess replica = disclosures.get(i);
            as(legal).post(replica.url() + "/ledger/checkpoints").then().statusCode(201);
            String note = given().get(replica.url() + "/ledger/checkpoint").then().statusCode(200).extract().asString();
            Path file = dir.resolve("cp" + i);
            Files.writeString(file, note);
            assertEquals(0, verifier("checkpoint", "--key", key.toString(), file.toString()),
                    "the checkpoint signed by replica " + (i + 1) + " verifies");
            sizes.add(Long.parseLong(note.lines().skip(1).findFirst().orElseThrow().trim()));
        }
        // and the later checkpoint is consistent with the earlier one (no fork between the replicas)
        assertEquals(0, verifier("consistency", "--key", key.toString(), "--log", disclosures.get(1).url(),
                "--old", dir.resolve("cp0").toString(), "--new", dir.resolve("cp1").toString()), "consistency " + sizes);
    }

    @Test
    @Order(3)
    void accessRequestsThroughBothReplicasEachCompleteOnce() throws Exception {
        String admin = stack.tokens().user("acme-admin");
        int n = 500;
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Map.of("id", "rep-" + RUN + "-a" + i, "attributes", List.of(Map.of("name", "city", "type", "STRING",
                            "value", "Springfield", "category", "user.contact.address.city")),
                    "attestation", Map.of("attestedBy", "acme-admin", "attestedAt", "2026-01-10T08:00:00Z",
                            "basis", "consent collected at the end user's sign-up")));
        }
        as(admin).body(body(Map.of("records", records))).post(stack.url("account-service") + "/orgs/acme/end-users")
                .then().statusCode(200);

        long t0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String replica = requests.get(i % 2).url();
            String subject = "rep-" + RUN + "-a" + i;
            sent.add(clients.submit(() -> {
                Response r = as(admin).header("Idempotency-Key", "rep-" + RUN + "-access-" + subject)
                        .body(body(Map.of("type", "ACCESS", "subject", Map.of("org", "acme", "kind", "END_USER", "id", subject),
                                "attestation", "asked through Acme's support desk; identity checked by Acme")))
                        .post(replica + "/requests");
                assertEquals(201, r.statusCode(), r.asString());
                return r.path("id").toString();
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : sent) {
            ids.add(f.get(5, TimeUnit.MINUTES));
        }
        clients.shutdown();
        assertEquals(n, ids.stream().distinct().count());

        Map<String, JsonNode> settled = new ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).alias(n + " requests completed").until(() -> {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (settled.containsKey(id)) {
                    continue;
                }
                Response r = as(admin).get(requests.get(i % 2).url() + "/requests/" + id);
                if (r.statusCode() == 200 && Calls.SETTLED.contains(r.path("status").toString())) {
                    settled.put(id, json(r));
                }
            }
            return settled.size() == n;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        int stepsChecked = 0;
        for (JsonNode request : settled.values()) {
            assertEquals("COMPLETED", request.path("status").asText(), request.toPrettyString());
            Map<String, Integer> succeeded = new HashMap<>();
            for (JsonNode log : request.path("executionLog")) {
                if ("SUCCEEDED".equals(log.path("outcome").asText())) {
                    succeeded.merge(log.path("step").asText(), 1, Integer::sum);
                }
            }
            assertFalse(succeeded.isEmpty(), "no step log: " + request.toPrettyString());
            succeeded.forEach((step, times) -> assertEquals(1, times, step + " ran " + times + " times: " + request.toPrettyString()));
            stepsChecked += succeeded.size();
        }
        // one report each, readable through either replica
        for (int i = 0; i < ids.size(); i += 25) {
            as(admin).get(requests.get((i + 1) % 2).url() + "/requests/" + ids.get(i) + "/report").then().statusCode(200);
        }
        long[] peerConnections = stack.proxy("account-service").orElseThrow().connectionsPerReplica();
        stack.progress().say("two replicas: %d ACCESS requests through both request-service replicas completed in %.1f s, "
                + "%d steps each ran once; account-service connections per replica %s", n, seconds, stepsChecked,
                java.util.Arrays.toString(peerConnections));
    }

    @Test
    @Order(4)
    void aPurgeTriggeredOnBothReplicasAtOnceRunsOnce() throws Exception {
        String officer = stack.tokens().user("olivia");
        for (int round = 0; round < 5; round++) {
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService both = Executors.newFixedThreadPool(2);
            List<Future<Response>> answers = new ArrayList<>();
            for (ServiceProcess replica : accounts) {
                answers.add(both.submit(() -> {
                    go.await();
                    return as(officer).post(replica.url() + "/retention/purges");
                }));
            }
            go.countDown();
            List<JsonNode> receipts = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get(2, TimeUnit.MINUTES);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
                if (r.statusCode() == 201) {
                    receipts.add(json(r));
                }
            }
            both.shutdown();
            assertFalse(receipts.isEmpty(), "one of the two runs");
            if (receipts.size() == 2) { // both ran: then one after the other, never at once
                Instant aStart = Instant.parse(receipts.get(0).path("startedAt").asText());
                Instant aEnd = Instant.parse(receipts.get(0).path("finishedAt").asText());
                Instant bStart = Instant.parse(receipts.get(1).path("startedAt").asText());
                Instant bEnd = Instant.parse(receipts.get(1).path("finishedAt").asText());
                assertTrue(!aStart.isBefore(bEnd) || !bStart.isBefore(aEnd), "two purges overlapped: " + receipts);
            }
        }
    }

    @Test
    @Order(5)
    void anErasureThroughOneReplicaIsSeenAtOnceThroughTheOther() throws Exception {
        String admin = stack.tokens().user("acme-admin");
        String service = stack.tokens().service("request-service");
        List<Long> delaysMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String subject = "rep-" + RUN + "-e" + i;
            as(admin).body(body(Map.of("records", List.of(Map.of("id", subject, "attributes", List.of(Map.of("name", "city",
                            "type", "STRING", "value", "Shelbyville", "category", "user.contact.address.city")),
                    "attestation", Map.of("attestedBy", "acme-admin", "attestedAt", "2026-01-10T08:00:00Z",
                            "basis", "consent collected at the end user's sign-up"))))))
                    .post(accounts.get(0).url() + "/orgs/acme/end-users").then().statusCode(200);
            // the other replica reads it, so it holds the subject's unwrapped key in its cache
            ServiceProcess reader = accounts.get(1);
            as(admin).get(reader.url() + "/orgs/acme/end-users/" + subject).then().statusCode(200);
            as(admin).get(reader.url() + "/orgs/acme/end-users/" + subject).then().statusCode(200);
            double evictionsBefore = metric(reader, "steward_subject_keys_evictions_total");

            as(service).body(body(Map.of("requestId", UUID.randomUUID().toString())))
                    .post(accounts.get(0).url() + "/internal/subjects/acme/END_USER/" + subject + "/erasure").then().statusCode(200);
            long acknowledged = System.nanoTime();
            // at once: the first read through the other replica after the acknowledgement finds nothing
            as(admin).get(reader.url() + "/orgs/acme/end-users/" + subject).then().statusCode(404);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> metric(reader, "steward_subject_keys_evictions_total") > evictionsBefore);
            delaysMillis.add((System.nanoTime() - acknowledged) / 1_000_000);
        }
        stack.progress().say("two replicas: erasure -> cache eviction on the other replica within %s ms of the acknowledgement",
                delaysMillis);
    }

    @Test
    @Order(6)
    void thePublicRateLimitHoldsAcrossBothReplicas() {
        // the limit per address is the limit whatever the number of replicas: alternate between them
        int accepted = 0;
        int limited = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            Response r = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                    .body(body(Map.of("type", "ACCESS", "subject", Map.of("org", "steward", "kind", "VISITOR", "id", "rep-" + RUN + "-v" + i),
                            "contact", "visitor-" + RUN + "-" + i + "@example.org")))
                    .post(requests.get(i % 2).url() + "/public/requests");
            if (r.statusCode() == 429) {
                limited++;
                assertTrue(r.getHeader("Retry-After") != null, "429 without Retry-After");
            } else {
                assertTrue(r.statusCode() == 201, r.statusCode() + " " + r.asString());
                accepted++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int capacity = 5; // PUBLIC_RATE_LIMIT_CAPACITY's default; one more per refill period (12 s) that passed
        int bound = capacity + (int) Math.floor(seconds / 12.0);
        stack.progress().say("two replicas: %d public submissions in %.1f s through both replicas: %d accepted, %d limited (limit %d)",
                accepted + limited, seconds, accepted, limited, capacity);
        assertTrue(accepted <= bound, accepted + " accepted through two replicas; the limit is " + bound);
        assertTrue(limited > 0);
    }

    /** Runs the outside auditor's verifier jar (what a regulator would run) and answers its exit code. */
    private static int verifier(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("steward.root"));
        Path jar;
        try (var files = Files.list(root.resolve("ledger-verifier/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ledger-verifier-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build ledger-verifier first"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (code != 0) {
            stack.progress().say("ledger-verifier %s: %s", String.join(" ", args), out.strip());
        }
        return code;
    }

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(\\{[^}]*})?\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Sum of a metric's samples in a replica's Prometheus output (0 when absent). */
    private static double metric(ServiceProcess replica, String name) {
        String text = given().get(replica.url() + "/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
