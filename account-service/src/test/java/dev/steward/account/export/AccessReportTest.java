package dev.steward.account.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.account.account.AccountResourceTest;
import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.account.taxonomy.DataCategories;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 3 and issue 12 item 6: the subject export lists every kind of data account-service
 * holds about a subject, each item naming what it is, its category, purpose, source and retention;
 * "who looked" holds readers other than the subject only, summarised per reader.
 */
@QuarkusTest
class AccessReportTest {

    /** Every table that holds something about a subject, and the export section that shows it. */
    static final Map<String, String> SECTION_OF_TABLE = Map.ofEntries(
            Map.entry("subject", "subject"),
            Map.entry("personal_field", "fields"),
            Map.entry("account", "account"),
            Map.entry("end_user_record", "consentAttestations"),
            Map.entry("access_log", "accessLogs"),
            Map.entry("consent_event", "consents"),
            Map.entry("privacy_signal", "privacySignals"),
            Map.entry("access_record", "accessRecords"),
            Map.entry("policy_acceptance", "policyAcceptances"),
            Map.entry("restriction", "restrictions"),
            Map.entry("erasure_receipt", "erasureReceipts"));

    /** Tables keyed by a subject that are deliberately not in the export, and why. */
    static final Map<String, String> NOT_EXPORTED = Map.of(
            "subject_key", "the subject's data key, wrapped: key material, not personal data; destroyed on erasure",
            "blocked_identity", "only a keyed hash of an erased, terminated account's email (§8(c)); no longer linked to any subject id");

    static final List<String> SECTIONS = List.of("fields", "accessLogs", "consents", "privacySignals", "accessRecords", "account",
            "policyAcceptances", "consentAttestations", "restrictions", "erasureReceipts");

    static final String SERVICE = Tokens.service("request-service");

    @Inject
    AgroalDataSource db;

    @Inject
    DataCategories categories;

    @Test
    void everyTableAboutASubjectHasASectionOrAStatedReason() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select distinct table_name from information_schema.columns "
                     + "where table_schema = current_schema() and column_name in ('subject_id', 'sub', 'ext_id', 'email_bidx')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Set<String> covered = new TreeSet<>(SECTION_OF_TABLE.keySet());
        covered.addAll(NOT_EXPORTED.keySet());
        assertEquals(covered, tables, "a table that holds data about a subject needs an export section (or a reason)");
    }

    @Test
    void anAccountWithOneOfEverythingHasEverySectionAndEveryItemNamesItsFacts() {
        String sub = signUp("all");
        String version = "3." + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"number\":\"" + version + "\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"summary\":\"s\",\"text\":\"t\"}")
                .post("/policy-versions").then().statusCode(201);
        given().auth().oauth2(Tokens.customer(sub)).post("/policy-versions/" + version + "/acceptances").then().statusCode(201);
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":false}").post("/me/consents").then().statusCode(201);
        accessLog("steward", "ACCOUNT", sub);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"r-" + sub + "\",\"restricted\":true}")
                .post("/internal/subjects/steward/ACCOUNT/" + sub + "/restriction").then().statusCode(200);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON).body("{\"reason\":\"abuse\"}")
                .post("/accounts/" + sub + "/termination").then().statusCode(200);

        JsonPath export = export("steward", "ACCOUNT", sub);
        assertEveryItemNamesItsFacts(export);
        for (String section : List.of("fields", "accessLogs", "consents", "accessRecords", "account", "policyAcceptances",
                "restrictions")) {
            assertFalse(export.getList(section).isEmpty(), section + " is empty");
        }
        assertEquals(version, export.getString("policyAcceptances[0].version"));
        assertEquals("user.privacy_preferences", export.getString("policyAcceptances[0].category"));
        assertEquals("user.device", export.getString("accessLogs[0].category"));
        assertEquals("MARKETING", export.getString("consents[0].purpose"));
        assertEquals("abuse", export.getString("account[0].termination.reason"));
        assertEquals("Email address (email)", export.getString("fields.find { it.name == 'email' }.what"));
    }

    @Test
    void anEndUserWithOneOfEverythingAndAnErasedOneKeepTheirSections() {
        String org = EndUserResourceTest.newOrg("report");
        EndUserResourceTest.write(org, EndUserResourceTest.record("u1", "u1@example.com"),
                EndUserResourceTest.record("u2", "u2@example.com"));
        String admin = Tokens.clientAdmin("alice", org);
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/u1").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"THIRD_PARTY_SHARING\",\"granted\":false}")
                .post("/orgs/" + org + "/end-users/u1/consents").then().statusCode(201);
        accessLog(org, "END_USER", "u1");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"r-" + org + "\",\"restricted\":true}")
                .post("/internal/subjects/" + org + "/END_USER/u1/restriction").then().statusCode(200);

        JsonPath export = export(org, "END_USER", "u1");
        assertEveryItemNamesItsFacts(export);
        for (String section : List.of("fields", "accessLogs", "consents", "accessRecords", "consentAttestations", "restrictions")) {
            assertFalse(export.getList(section).isEmpty(), section + " is empty");
        }
        assertEquals("dpo@client.example", export.getString("consentAttestations[0].attestedBy"));
        assertEquals("CLIENT_ADMIN", export.getString("consents[0].source"));

        // an erased subject whose access logs are kept (§8(a)) still has a report: the logs and the receipt
        accessLog(org, "END_USER", "u2");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"requestId\":\"e-" + org + "\"}")
                .post("/internal/subjects/" + org + "/END_USER/u2/erasure").then().statusCode(200);
        JsonPath erased = export(org, "END_USER", "u2");
        assertEveryItemNamesItsFacts(erased);
        assertEquals(1, erased.getList("erasureReceipts").size());
        assertEquals("e-" + org, erased.getString("erasureReceipts[0].receipt.requestId"));
        assertTrue(erased.getList("fields").isEmpty());
        assertEquals(1, erased.getList("accessLogs").size());
    }

    @Test
    void whoLookedHoldsOtherReadersOnlySummarisedPerReader() {
        String sub = signUp("self");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(Tokens.customer(sub)).get("/me").then().statusCode(200);
        }
        assertEquals(0, Db.count(db, "select count(*) from access_record where subject_id = ?", sub),
                "the subject reading their own account is not who-looked");

        String org = EndUserResourceTest.newOrg("looked");
        EndUserResourceTest.write(org, EndUserResourceTest.record("u1", "u1@example.com"));
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.clientAdmin("alice", org)).get("/orgs/" + org + "/end-users/u1").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.clientAdmin("bob", org)).get("/orgs/" + org + "/end-users/u1").then().statusCode(200);
        export(org, "END_USER", "u1");
        JsonPath export = export(org, "END_USER", "u1");
        assertEquals(3, export.getList("accessRecords").size(), export.prettify());
        Map<String, Object> alice = export.getMap("accessRecords.find { it.actor == 'alice' }");
        assertEquals(3, alice.get("count"));
        assertEquals("client-admin", alice.get("role"));
        assertEquals(List.of("email", "ip", "visits"), alice.get("fields"));
        Instant first = Instant.parse((String) alice.get("firstAt"));
        Instant last = Instant.parse((String) alice.get("lastAt"));
        assertTrue(!first.isBefore(before) && !last.isBefore(first), first + " .. " + last);
        assertEquals(alice.get("lastAt"), alice.get("at"));
        assertEquals(1, export.getInt("accessRecords.find { it.actor == 'bob' }.count"));
        // the two exports by request-service are reads for someone else too, summarised into one item
        assertEquals(2, export.getInt("accessRecords.find { it.actor == 'service-account-request-service' }.count"));
        assertEquals("service", export.getString("accessRecords.find { it.actor == 'service-account-request-service' }.role"));
    }

    @Test
    void aVisitorsConsentChoicesAndGlobalPrivacyControlAreInTheirExport() {
        String org = EndUserResourceTest.newOrg("visitor-report");
        String visitor = "v-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"choices\":{\"ANALYTICS_SHARING\":true},\"source\":\"BANNER\"}")
                .put("/public/consents/" + org + "/" + visitor).then().statusCode(200);
        given().contentType(ContentType.JSON).header("Sec-GPC", "1").body("{\"choices\":{},\"source\":\"PREFERENCE_PAGE\"}")
                .put("/public/consents/" + org + "/" + visitor).then().statusCode(200);
        JsonPath export = export(org, "VISITOR", visitor);
        assertEquals(List.of("ANALYTICS_SHARING", "THIRD_PARTY_SHARING", "ADVERTISING_COOKIES"), export.getList("consents.purpose"));
        assertEquals(List.of("BANNER", "GPC", "GPC"), export.getList("consents.source"));
        assertEquals(List.of(true, false, false), export.getList("consents.granted"));
        assertEquals(true, export.getBoolean("privacySignals[0].gpc"));
        assertEveryItemNamesItsFacts(export);
    }

    private void assertEveryItemNamesItsFacts(JsonPath export) {
        for (String section : SECTIONS) {
            List<Map<String, Object>> items = export.getList(section);
            for (int i = 0; i < items.size(); i++) {
                for (String fact : List.of("what", "category", "purpose", "source", "retention")) {
                    Object value = items.get(i).get(fact);
                    assertTrue(value instanceof String s && !s.isBlank(), section + "[" + i + "]." + fact + " is missing");
                }
                assertTrue(categories.known((String) items.get(i).get("category")),
                        section + "[" + i + "].category is not in the taxonomy: " + items.get(i).get("category"));
            }
        }
    }

    private static String signUp(String prefix) {
        String sub = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody(sub + "@example.com", ",\"ageConfirmed\":true")).post("/me")
                .then().statusCode(201);
        return sub;
    }

    private static JsonPath export(String org, String kind, String id) {
        return given().auth().oauth2(SERVICE).get("/internal/subjects/" + org + "/" + kind + "/" + id + "/export")
                .then().statusCode(200).body("subject.id", equalTo(id)).extract().jsonPath();
    }

    private static void accessLog(String org, String kind, String id) {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body("{\"entries\":[{\"subject\":{\"org\":\"" + org + "\",\"kind\":\"" + kind + "\",\"id\":\"" + id + "\"},"
                        + "\"ip\":\"203.0.113.9\",\"at\":\"" + Instant.now().minusSeconds(30) + "\",\"durationMs\":5,"
                        + "\"userAgent\":\"Firefox\",\"path\":\"/dashboard\"}]}")
                .post("/internal/access-logs").then().statusCode(200);
    }
}
