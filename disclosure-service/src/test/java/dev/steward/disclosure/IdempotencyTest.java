package dev.steward.disclosure;

import static dev.steward.disclosure.record.Disclosures.approvedIfNeeded;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7: an Idempotency-Key on every creating POST of this service. A retry gets the
 * same entity and makes no second row or ledger entry; the same key with another body is 422. For
 * the ledger-backed POSTs, also when the first call's answer was lost after its ledger commit.
 */
@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource db;

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long ledgerSize() throws SQLException {
        return count("select count(*) from ledger_entry");
    }

    private static ValidatableResponse post(String path, String key, Object body) {
        return given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post(path).then();
    }

    /** As if the service died after the ledger commit and before the request's own commit: the key row is gone. */
    private static void loseTheAnswer(String key) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
             PreparedStatement ps = c.prepareStatement("delete from idempotency_key where key = ?")) {
            ps.setString(1, key);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static void reused(ValidatableResponse r) {
        r.statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void aRetriedDisclosureIsRecordedOnceEvenWhenItsFirstAnswerWasLost() throws SQLException {
        String who = "idem-" + UUID.randomUUID();
        // approved once by a second legal user: the retries carry the same approval (it is used once)
        Map<String, Object> body = approvedIfNeeded(subpoena(subject("acme", "END_USER", who), LocalDate.now()));
        String key = UUID.randomUUID().toString();
        long before = ledgerSize();
        var first = post("/disclosures", key, body).statusCode(201).extract();
        String id = first.path("id");
        post("/disclosures", key, body).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .body("ledger.seq", equalTo(first.path("ledger.seq")))
                .body("ledger.index", equalTo(first.path("ledger.index")));
        assertEquals(before + 1, ledgerSize());
        assertEquals(1, count("select count(*) from disclosure_subject where subject_id = ?", who));

        Map<String, Object> other = subpoena(subject("acme", "END_USER", who + "-other"), LocalDate.now());
        reused(post("/disclosures", key, other));

        loseTheAnswer(key);
        post("/disclosures", key, body).statusCode(201).body("id", equalTo(id));
        assertEquals(before + 1, ledgerSize(), "the lost answer's retry finds the entry; no second one");
        loseTheAnswer(key);
        reused(post("/disclosures", key, other));
        assertEquals(1, count("select count(*) from disclosure_subject where subject_id = ?", who));
        assertEquals(before + 1, ledgerSize());
    }

    @Test
    void aRetriedHoldPlacementAndReleaseHappenOnce() throws SQLException {
        Map<String, Object> hold = Map.of("subject", Map.of("org", "idem", "kind", "ACCOUNT", "id", UUID.randomUUID().toString()),
                "reason", "FRAUD_INVESTIGATION", "description", "Chargebacks");
        String key = UUID.randomUUID().toString();
        long before = ledgerSize();
        String id = post("/holds", key, hold).statusCode(201).extract().path("id");
        post("/holds", key, hold).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        reused(post("/holds", key, Map.of("org", "idem", "reason", "LITIGATION", "description", "Other")));
        loseTheAnswer(key);
        post("/holds", key, hold).statusCode(201).body("id", equalTo(id)).body("active", equalTo(true));
        assertEquals(before + 1, ledgerSize());
        assertEquals(1, count("select count(*) from legal_hold where id = ?::uuid", id));

        String releaseKey = UUID.randomUUID().toString();
        Map<String, Object> release = Map.of("reason", "Investigation closed");
        post("/holds/" + id + "/release", releaseKey, release).statusCode(200).body("active", equalTo(false));
        post("/holds/" + id + "/release", releaseKey, release).statusCode(200).header("Idempotent-Replayed", "true")
                .body("releaseReason", equalTo("Investigation closed"));
        reused(post("/holds/" + id + "/release", releaseKey, Map.of("reason", "Something else")));
        loseTheAnswer(releaseKey);
        post("/holds/" + id + "/release", releaseKey, release).statusCode(200).body("id", equalTo(id))
                .body("active", equalTo(false));
        assertEquals(before + 2, ledgerSize());
        // without a key, a second release is still refused
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(release)
                .when().post("/holds/" + id + "/release").then().statusCode(409);
    }

    @Test
    void aRetriedSubProcessorRegistrationCreatesOneRow() throws SQLException {
        String name = "Idem " + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", name, "purpose", "Analytics",
                "dataCategories", java.util.List.of("user.device.ip_address"), "country", "US", "agreementInForce", false);
        String key = UUID.randomUUID().toString();
        String id = post("/subprocessors", key, body).statusCode(201).extract().path("id");
        post("/subprocessors", key, body).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("select count(*) from subprocessor where name = ?", name));
        reused(post("/subprocessors", key, Map.of("name", name + " 2", "purpose", "Analytics",
                "dataCategories", java.util.List.of("user.device.ip_address"), "country", "US", "agreementInForce", false)));
        assertEquals(0, count("select count(*) from subprocessor where name = ?", name + " 2"));
        post("/subprocessors", "x".repeat(201), body).statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }
}
