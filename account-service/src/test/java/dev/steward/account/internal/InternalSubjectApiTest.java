package dev.steward.account.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.steward.account.account.AccountResourceTest;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.account.support.Db;
import dev.steward.account.support.LogCapture;
import dev.steward.account.support.DisclosureStub;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InternalSubjectApiTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SubjectKeys keys;

    @DisclosureStub.Server
    WireMockServer disclosure;

    static final String SERVICE = Tokens.service("request-service");

    static String signUp() {
        String sub = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody(sub + "@example.com", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(201);
        return sub;
    }

    static void accessLog(String org, String kind, String id, int n) {
        StringBuilder b = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"subject\":{\"org\":\"").append(org).append("\",\"kind\":\"").append(kind)
                    .append("\",\"id\":\"").append(id).append("\"},\"ip\":\"203.0.113.").append(i % 250)
                    .append("\",\"at\":\"").append(Instant.now().minusSeconds(60 + i)).append("\",\"durationMs\":12,")
                    .append("\"userAgent\":\"Firefox\",\"path\":\"/dashboard\"}");
        }
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(b.append("]}").toString())
                .post("/internal/access-logs").then().statusCode(200).body("accepted", equalTo(n));
    }

    @Test
    void exportStreamsFieldsLogsConsentsAndWhoLooked() {
        String sub = signUp();
        given().auth().oauth2(Tokens.customer(sub)).get("/me").then().statusCode(200);
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":false}").post("/me/consents").then().statusCode(201);
        accessLog("steward", "ACCOUNT", sub, 3);

        JsonPath export = given().auth().oauth2(SERVICE)
                .when().get("/internal/subjects/steward/ACCOUNT/" + sub + "/export")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("subject.id", equalTo(sub))
                .body("restricted", equalTo(false))
                .body("fields.name", hasItems("fullName", "email", "phone", "billingAddress", "paymentToken", "cardLast4"))
                .body("fields.find { it.name == 'email' }.value", equalTo(sub + "@example.com"))
                .body("fields.find { it.name == 'email' }.category", equalTo("user.contact.email"))
                .body("fields.find { it.name == 'email' }.source", equalTo("CUSTOMER"))
                .body("accessLogs.size()", equalTo(3))
                .body("consents[0].purpose", equalTo("MARKETING"))
                .body("consents[0].granted", equalTo(false))
                // the customer's own GET /me is not "who looked"; this export by request-service is
                .body("accessRecords.actor", org.hamcrest.Matchers.not(hasItem(sub)))
                .body("accessRecords.actor", hasItem("service-account-request-service"))
                .extract().jsonPath();
        assertFalse(export.getString("fields[0].retention").isBlank());
        assertFalse(export.getString("fields[0].purpose").isBlank());
        assertFalse(export.getString("fields[0].collectedAt").isBlank());

        given().auth().oauth2(SERVICE).get("/internal/subjects/steward/ACCOUNT/nobody-" + sub + "/export")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SERVICE).get("/internal/subjects/steward/ALIEN/" + sub + "/export")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.officer("olivia")).get("/internal/subjects/steward/ACCOUNT/" + sub + "/export")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.customer(sub)).get("/internal/subjects/steward/ACCOUNT/" + sub + "/export")
                .then().statusCode(403);
    }

    @Test
    void rectificationChangesNamedFieldsOnly() {
        String sub = signUp();
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"r-1\",\"changes\":{\"fullName\":\"Caroline Customer\",\"email\":\"new-" + sub + "@example.com\"}}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/rectification")
                .then().statusCode(200).body("changed", hasItems("fullName", "email"));
        given().auth().oauth2(Tokens.customer(sub)).get("/me").then()
                .body("fullName", equalTo("Caroline Customer")).body("email", equalTo("new-" + sub + "@example.com"));
        // the blind index follows the new email
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("email", "NEW-" + sub + "@example.com")
                .get("/accounts/lookup").then().statusCode(200).body("sub", equalTo(sub));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"r-2\",\"changes\":{\"shoeSize\":\"44\"}}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/rectification")
                .then().statusCode(422).body("errors.field", hasItem("changes.shoeSize"));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"r-3\",\"changes\":{\"fullName\":\"4012888888881881\"}}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/rectification")
                .then().statusCode(422);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"r-4\",\"changes\":{\"fullName\":\"X\"}}")
                .post("/internal/subjects/steward/ACCOUNT/nobody/rectification")
                .then().statusCode(404);
    }

    record Raw(long subjectId, String name, byte[] ct) {
    }

    @Test
    void erasureShredsTheKeySoRowsAndSavedCopiesCannotBeDecrypted() throws Exception {
        String sub = signUp();
        accessLog("steward", "ACCOUNT", sub, 2);
        long subjectId = Db.count(db, "select subject_id from account where sub = ?", sub);
        List<Raw> saved = new ArrayList<>();   // a "backup" taken before the erasure
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select subject_id, name, value_ct from personal_field where subject_id = ?")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    saved.add(new Raw(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        try (Connection c = db.getConnection()) {
            var aead = keys.get(c, subjectId); // readable before
            assertEquals(sub + "@example.com", SubjectKeys.decrypt(aead, subjectId, "email",
                    saved.stream().filter(r -> r.name().equals("email")).findFirst().orElseThrow().ct()));
        }

        JsonPath receipt = given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"erase-" + sub + "\"}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/erasure")
                .then().statusCode(200)
                .body("requestId", equalTo("erase-" + sub))
                .body("erased.find { it.what == 'personal fields' }.count", equalTo(6))
                .body("erased.find { it.what == 'data key (crypto-shredded)' }.count", equalTo(1))
                .body("kept.find { it.exception == '8a' }.count", equalTo(2))
                .extract().jsonPath();

        assertEquals(0, Db.count(db, "select count(*) from personal_field where subject_id = ?", subjectId));
        assertEquals(0, Db.count(db, "select count(*) from subject_key where subject_id = ?", subjectId));
        assertEquals(2, Db.count(db, "select count(*) from access_log where subject_id = ?", sub));
        try (Connection c = db.getConnection()) {
            assertThrows(SubjectKeys.KeyDestroyedException.class, () -> keys.get(c, subjectId));
        }
        // the saved copy stays ciphertext: no key in the store can open it
        keys.evictAll();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select subject_id, wrapped from subject_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var other = keys.master().unwrap(rs.getBytes(2), rs.getLong(1));
                for (Raw r : saved) {
                    assertThrows(IllegalStateException.class, () -> SubjectKeys.decrypt(other, r.subjectId(), r.name(), r.ct()));
                }
            }
        }

        // idempotent: the same request answers the same receipt
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"erase-" + sub + "\"}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/erasure")
                .then().statusCode(200).body("erased", equalTo(receipt.getList("erased")))
                .body("kept", equalTo(receipt.getList("kept")));
        given().auth().oauth2(Tokens.customer(sub)).get("/me").then().statusCode(404);
        // the same request id for another subject is a conflict
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"requestId\":\"erase-" + sub + "\"}")
                .post("/internal/subjects/steward/ACCOUNT/other-" + sub + "/erasure")
                .then().statusCode(409);
    }

    @Test
    void theCallersRequestIdNeverReachesTheLog() {
        String sub = signUp();
        String requestId = "caller-chosen-" + sub;
        try (LogCapture logs = LogCapture.start()) {
            org.jboss.logging.Logger.getLogger(InternalSubjectApiTest.class).info("capture-check");
            given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"" + requestId + "\"}")
                    .post("/internal/subjects/steward/ACCOUNT/" + sub + "/erasure")
                    .then().statusCode(200).body("requestId", equalTo(requestId));
            assertTrue(logs.anyContains("capture-check"), "the capture sees log records");
            assertTrue(logs.anyContains("Erasure"), "the erasure is still logged");
            assertFalse(logs.anyContains(requestId), "a caller-supplied id is logged only as a hash");
        }
    }

    @Test
    void aHeldSubjectIsNotErased() {
        String sub = signUp();
        disclosure.stubFor(get(urlPathEqualTo("/internal/holds/active")).withQueryParam("id", WireMock.equalTo(sub))
                .atPriority(1).willReturn(okJson("{\"held\":true,\"holds\":[{\"id\":\"h-1\",\"scope\":\"SUBJECT\","
                        + "\"reason\":\"fraud investigation\",\"placedAt\":\"2026-01-01T00:00:00Z\"}]}")));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"held-" + sub + "\"}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/erasure")
                .then().statusCode(200).body("erased.size()", equalTo(0)).body("kept[0].exception", equalTo("8b"));
        given().auth().oauth2(Tokens.customer(sub)).get("/me").then().statusCode(200);
    }

    @Test
    void terminatedAccountKeepsOnlyTheEmailBlindIndexAndCannotRegisterAgain() {
        String sub = signUp();
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"reason\":\"chargeback fraud, case 77\"}").post("/accounts/" + sub + "/termination")
                .then().statusCode(200).body("terminatedBy", equalTo("olivia")).body("reason", equalTo("chargeback fraud, case 77"));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"term-" + sub + "\"}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/erasure")
                .then().statusCode(200).body("kept.find { it.exception == '8c' }.count", equalTo(1));
        assertEquals(0, Db.count(db, "select count(*) from account where sub = ?", sub));
        given().auth().oauth2(Tokens.customer("again-" + sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody(sub.toUpperCase() + "@EXAMPLE.com", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("registration-refused"));
    }

    @Test
    void restrictionTurnsEverySharingPurposeOffAndConsentsDefaultToAllowed() {
        given().auth().oauth2(SERVICE).get("/internal/subjects/acme/VISITOR/v-unknown/consents")
                .then().statusCode(200).body("restricted", equalTo(false))
                .body("purposes.ANALYTICS_SHARING", equalTo(true)).body("purposes.MARKETING", equalTo(true))
                .body("purposes.THIRD_PARTY_SHARING", equalTo(true))
                .body("purposes.MATERIALLY_DIFFERENT_PURPOSE", equalTo(true));
        String sub = signUp();
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"rs-1\",\"restricted\":true}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/restriction")
                .then().statusCode(200).body("restricted", equalTo(true))
                .body("consents.THIRD_PARTY_SHARING", equalTo(false));
        given().auth().oauth2(SERVICE).get("/internal/subjects/steward/ACCOUNT/" + sub + "/consents")
                .then().body("restricted", equalTo(true)).body("purposes.ANALYTICS_SHARING", equalTo(false));
        given().auth().oauth2(SERVICE).get("/internal/subjects/steward/ACCOUNT/" + sub + "/export")
                .then().body("restricted", equalTo(true));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"rs-2\",\"restricted\":false}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/restriction")
                .then().statusCode(200).body("restricted", equalTo(false)).body("consents.MARKETING", equalTo(true));
    }

    @Test
    void complianceCountsAreServiceOnly() {
        given().auth().oauth2(SERVICE).get("/internal/compliance").then().statusCode(200)
                .body("flaggedSensitiveRecords", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("retentionOverruns", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        given().auth().oauth2(Tokens.auditor("ada")).get("/internal/compliance").then().statusCode(403);
    }
}
