package dev.steward.request.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Who may submit about whom, verification at intake, and Idempotency-Key. */
@QuarkusTest
class IntakeTest {

    @Inject
    AgroalDataSource db;

    @Test
    void sameKeySameBodyIsTheSameRequestAnotherBodyIs422() {
        String token = Tokens.customer("idem-1");
        Map<String, Object> body = Map.of("type", "RESTRICTION", "jurisdiction", "GDPR");
        String id = given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "jurisdiction", "GDPR"))
                .when().post("/requests").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        // keys are per caller: another customer's same key is its own request
        given().auth().oauth2(Tokens.customer("idem-2")).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(body).when().post("/requests").then().statusCode(201);
    }

    @Test
    void fiftyConcurrentDuplicatesMakeOneRequest() throws Exception {
        String token = Tokens.customer("idem-50");
        String key = "burst-" + System.nanoTime();
        Map<String, Object> body = Map.of("type", "RESTRICTION", "jurisdiction", "CCPA");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> answers = new ArrayList<>();
        List<Future<String>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Callable<String> call = () -> {
                    start.await();
                    var r = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                            .body(body).when().post("/requests");
                    return r.statusCode() + " " + r.path("id");
                };
                ids.add(pool.submit(call));
            }
            start.countDown();
            Set<String> distinctIds = new HashSet<>();
            int created = 0;
            for (Future<String> f : ids) {
                String[] parts = f.get().split(" ");
                if (parts[0].equals("201")) {
                    created++;
                } else {
                    assertEquals("200", parts[0]);
                }
                distinctIds.add(parts[1]);
            }
            assertEquals(1, created, "exactly one submission created the request");
            assertEquals(1, distinctIds.size(), "all 50 answers name the same request");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from dsr_request where idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void aCustomerAsksOnlyAboutThemselves() {
        Api.submit(Tokens.customer("cid"), Map.of("type", "ACCESS",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "someone-else")))
                .then().statusCode(422).body("errors.field", hasItem("subject"));
        Api.submit(Tokens.customer("cid"), Map.of("type", "ACCESS",
                "subject", Map.of("org", "acme", "kind", "END_USER", "id", "cid")))
                .then().statusCode(422);
        Api.submit(Tokens.customer("cid"), Map.of("type", "RESTRICTION",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "cid")))
                .then().statusCode(201).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aClientAdminActsForItsOwnEndUsersWithAnAttestation() {
        String admin = Tokens.clientAdmin("alan", "acme");
        Map<String, Object> endUser = Map.of("org", "acme", "kind", "END_USER", "id", "eu-1");
        Api.submit(admin, Map.of("type", "RESTRICTION", "subject", endUser))
                .then().statusCode(422).body("errors.field", hasItem("attestation"));
        Api.submit(admin, Map.of("type", "RESTRICTION", "attestation", "x",
                "subject", Map.of("org", "globex", "kind", "END_USER", "id", "eu-1")))
                .then().statusCode(404);
        Api.submit(admin, Map.of("type", "RESTRICTION", "attestation", "x",
                "subject", Map.of("org", "acme", "kind", "ACCOUNT", "id", "eu-1")))
                .then().statusCode(422).body("errors.field", hasItem("subject.kind"));
        String id = Api.submitted(admin, Map.of("type", "RESTRICTION", "subject", endUser,
                "attestation", "the end user asked through our support desk, ticket 4411"));
        var seen = Api.get(admin, id);
        assertEquals("ON_BEHALF", seen.getString("manner"));
        assertEquals("verified: client-admin alan of acme attests: the end user asked through our support desk, ticket 4411",
                seen.getString("events[1].note"));
    }

    @Test
    void erasureNeedsARecentSignInOrAnOfficersApproval() {
        String stale = Tokens.authenticatedAgo(3600, "eli", "steward", "customer");
        String id = Api.submitted(stale, Map.of("type", "ERASURE"));
        assertEquals("PENDING_VERIFICATION", Api.status(stale, id));
        String noAuthTime = Tokens.customer("eli2");
        assertEquals("PENDING_VERIFICATION", Api.status(noAuthTime, Api.submitted(noAuthTime, Map.of("type", "ERASURE"))));

        Api.action(stale, id, "approve", null).then().statusCode(403);
        // the officer approves; the durable steps then run (no stubs for eli: the hold check keeps failing)
        Api.action(Tokens.officer("olivia"), id, "approve", Map.of("note", "identity confirmed by video call"))
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        Api.action(Tokens.officer("olivia"), id, "approve", null).then().statusCode(409);

        String fresh = Tokens.authenticatedAgo(120, "eli3", "steward", "customer");
        given().auth().oauth2(fresh).contentType(ContentType.JSON).body(Map.of("type", "ERASURE"))
                .when().post("/requests").then().statusCode(201).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void officersNeedAnAttestationToo() {
        Api.submit(Tokens.officer("olivia"), Map.of("type", "ACCESS",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "x1")))
                .then().statusCode(422).body("errors.field", hasItem("attestation"));
        Api.submit(Tokens.officer("olivia"), Map.of("type", "ACCESS", "attestation", "letter"))
                .then().statusCode(400).body("errors.field", hasItem("subject"));
    }
}
