package dev.steward.account.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.account.support.Race;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7: end-user batches, access-log batches and policy versions take an Idempotency-Key
 * (platform's IdempotentPosts): a retry creates nothing twice and answers the first response with
 * {@code Idempotent-Replayed: true}; the same key on another body is 422 naming the header.
 */
@QuarkusTest
class IdempotencyKeyTest {

    static final String SERVICE = Tokens.service("gateway");

    @Inject
    AgroalDataSource db;

    @Test
    void aRetriedEndUserBatchIsNotWrittenAgain() {
        String org = EndUserResourceTest.newOrg("idem");
        String admin = Tokens.clientAdmin("admin-" + org, org);
        String first = "{\"records\":[" + EndUserResourceTest.record("u1", "first@example.com") + "]}";
        String key = "batch-" + UUID.randomUUID();
        given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON).body(first)
                .post("/orgs/" + org + "/end-users").then().statusCode(200).body("records", equalTo(1))
                .header("Idempotent-Replayed", nullValue());
        // the Client changes the record meanwhile; then its first call is retried
        EndUserResourceTest.write(org, EndUserResourceTest.record("u1", "later@example.com"));
        given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON).body(first)
                .post("/orgs/" + org + "/end-users").then().statusCode(200).body("records", equalTo(1))
                .header("Idempotent-Replayed", equalTo("true"));
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/u1").then()
                .body("attributes.find { it.name == 'email' }.value", equalTo("later@example.com"));
        // the same key with another body
        given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"records\":[" + EndUserResourceTest.record("u2", "other@example.com") + "]}")
                .post("/orgs/" + org + "/end-users").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ? and ext_id = 'u2'", org));
        given().auth().oauth2(admin).header("Idempotency-Key", "not printable\tkey").contentType(ContentType.JSON).body(first)
                .post("/orgs/" + org + "/end-users").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void eightConcurrentRetriesOfAnAccessLogBatchStoreItOnce() throws Exception {
        String id = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"entries\":[" + entry(id, 1) + "," + entry(id, 2) + "]}";
        String key = "logs-" + UUID.randomUUID();
        Map<String, Integer> outcomes = Race.of(8, () -> {
            Response r = given().auth().oauth2(SERVICE).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body).post("/internal/access-logs");
            return r.statusCode() + (r.header("Idempotent-Replayed") == null ? "" : " replayed") + " accepted=" + r.path("accepted");
        });
        assertEquals(Map.of("200 accepted=2", 1, "200 replayed accepted=2", 7), outcomes);
        assertEquals(2, Db.count(db, "select count(*) from access_log where subject_id = ?", id));
        given().auth().oauth2(SERVICE).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"entries\":[" + entry(id, 3) + "]}").post("/internal/access-logs")
                .then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
        // the key is the calling service's: another service may use the same one
        given().auth().oauth2(Tokens.service("other-gateway")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/internal/access-logs").then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertEquals(4, Db.count(db, "select count(*) from access_log where subject_id = ?", id));
    }

    @Test
    void aRetriedPolicyVersionIsPublishedOnce() {
        String n = "4." + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"number\":\"" + n + "\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"summary\":\"s\",\"text\":\"the text\"}";
        String officer = Tokens.officer("olivia");
        String key = "policy-" + UUID.randomUUID();
        String published = given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/policy-versions").then().statusCode(201).extract().path("publishedAt");
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/policy-versions").then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("number", equalTo(n)).body("publishedAt", equalTo(published));
        // without the key the same body is a second publication: refused, versions are immutable
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body).post("/policy-versions").then().statusCode(409);
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("the text", "another text")).post("/policy-versions").then().statusCode(422)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(1, Db.count(db, "select count(*) from policy_version where number = ?", n));
    }

    private static String entry(String id, int n) {
        return "{\"subject\":{\"org\":\"steward\",\"kind\":\"ACCOUNT\",\"id\":\"" + id + "\"},\"ip\":\"203.0.113." + n
                + "\",\"at\":\"" + Instant.now().minusSeconds(n) + "\",\"durationMs\":" + n + ",\"userAgent\":\"Firefox\",\"path\":\"/p\"}";
    }
}
