package dev.steward.account.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract C3 (issue 14 §4): a visitor's consent choices, without a token, Global Privacy Control honoured. */
@QuarkusTest
class VisitorConsentTest {

    @Inject
    AgroalDataSource db;

    String org;
    String visitor;

    @BeforeEach
    void newVisitor() {
        org = EndUserResourceTest.newOrg("site");
        visitor = "v." + UUID.randomUUID();
    }

    @Test
    void nothingIsGrantedUntilChosenThenChoicesAreRecordedWithSourceAndTime() {
        given().get(path()).then().statusCode(200).body("org", equalTo(org)).body("visitorId", equalTo(visitor))
                .body("gpc", equalTo(false)).body("choices.purpose", equalTo(List.of("ANALYTICS_SHARING", "MARKETING",
                        "THIRD_PARTY_SHARING", "MATERIALLY_DIFFERENT_PURPOSE", "ADVERTISING_COOKIES")))
                .body("choices.granted", equalTo(List.of(false, false, false, false, false)))
                .body("choices.findAll { it.source != null || it.at != null }.size()", equalTo(0));

        Instant before = Instant.now();
        put(null, "{\"choices\":{\"ANALYTICS_SHARING\":true,\"ADVERTISING_COOKIES\":true},\"source\":\"PREFERENCE_PAGE\"}")
                .statusCode(200).body("gpc", equalTo(false))
                .body(choice("ANALYTICS_SHARING") + ".granted", equalTo(true))
                .body(choice("ANALYTICS_SHARING") + ".source", equalTo("PREFERENCE_PAGE"))
                .body(choice("ANALYTICS_SHARING") + ".at", notNullValue())
                .body(choice("ADVERTISING_COOKIES") + ".granted", equalTo(true))
                .body(choice("MARKETING") + ".granted", equalTo(false))
                .body(choice("MARKETING") + ".source", nullValue())
                .body(choice("MARKETING") + ".at", nullValue());
        JsonPath state = given().get(path()).then().statusCode(200).extract().jsonPath();
        Instant at = Instant.parse(state.getString(choice("ANALYTICS_SHARING") + ".at"));
        assertTrue(!at.isBefore(before.minusSeconds(5)), "recorded at " + at);
        assertEquals(true, state.getBoolean(choice("ADVERTISING_COOKIES") + ".granted"));

        // a purpose left out is unchanged; a changed one is a new event, the old one stays (append-only)
        put(null, "{\"choices\":{\"ADVERTISING_COOKIES\":false},\"source\":\"BANNER\"}").statusCode(200)
                .body(choice("ANALYTICS_SHARING") + ".granted", equalTo(true))
                .body(choice("ADVERTISING_COOKIES") + ".granted", equalTo(false))
                .body(choice("ADVERTISING_COOKIES") + ".source", equalTo("BANNER"));
        assertEquals(3, events());
    }

    @Test
    void globalPrivacyControlRefusesSharingAndAdvertisingWhateverTheBodySays() {
        put("1", "{\"choices\":{\"THIRD_PARTY_SHARING\":true,\"ADVERTISING_COOKIES\":true,\"MARKETING\":true},"
                + "\"source\":\"BANNER\"}").statusCode(200)
                .body("gpc", equalTo(true))
                .body(choice("THIRD_PARTY_SHARING") + ".granted", equalTo(false))
                .body(choice("THIRD_PARTY_SHARING") + ".source", equalTo("GPC"))
                .body(choice("ADVERTISING_COOKIES") + ".granted", equalTo(false))
                .body(choice("ADVERTISING_COOKIES") + ".source", equalTo("GPC"))
                .body(choice("MARKETING") + ".granted", equalTo(true))
                .body(choice("MARKETING") + ".source", equalTo("BANNER"));
        given().get(path()).then().body("gpc", equalTo(true));
        assertEquals(2, Db.count(db, "select count(*) from consent_event where org = ? and subject_id = ? and source = 'GPC' "
                + "and not granted", org, visitor));
        // the same request again changes nothing, so nothing new is recorded
        put("1", "{\"choices\":{\"THIRD_PARTY_SHARING\":true,\"MARKETING\":true},\"source\":\"BANNER\"}").statusCode(200);
        assertEquals(3, events());
        // without the signal the visitor may opt in again; gpc then reports the last request's header
        put(null, "{\"choices\":{\"THIRD_PARTY_SHARING\":true},\"source\":\"PREFERENCE_PAGE\"}").statusCode(200)
                .body("gpc", equalTo(false))
                .body(choice("THIRD_PARTY_SHARING") + ".granted", equalTo(true))
                .body(choice("ADVERTISING_COOKIES") + ".source", equalTo("GPC"));
        // a value other than "1" is no signal (the GPC specification defines only "1")
        put("0", "{\"choices\":{},\"source\":\"PREFERENCE_PAGE\"}").statusCode(200).body("gpc", equalTo(false))
                .body(choice("THIRD_PARTY_SHARING") + ".granted", equalTo(true));
    }

    @Test
    void theSignalAloneOptsANewVisitorOut() {
        put("1", "{\"choices\":{},\"source\":\"PREFERENCE_PAGE\"}").statusCode(200).body("gpc", equalTo(true))
                .body("choices.findAll { it.source == 'GPC' }.purpose", equalTo(List.of("THIRD_PARTY_SHARING", "ADVERTISING_COOKIES")))
                .body("choices.findAll { it.granted }.size()", equalTo(0));
    }

    @Test
    void historyIsKeptInOrderInTheVisitorsExport() {
        put(null, "{\"choices\":{\"MARKETING\":true},\"source\":\"BANNER\"}").statusCode(200);
        put(null, "{\"choices\":{\"MARKETING\":false,\"ANALYTICS_SHARING\":true},\"source\":\"PREFERENCE_PAGE\"}").statusCode(200);
        put("1", "{\"choices\":{\"MARKETING\":true},\"source\":\"PREFERENCE_PAGE\"}").statusCode(200);
        JsonPath export = given().auth().oauth2(Tokens.service("request-service"))
                .get("/internal/subjects/" + org + "/VISITOR/" + visitor + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("MARKETING", "ANALYTICS_SHARING", "MARKETING", "MARKETING", "THIRD_PARTY_SHARING", "ADVERTISING_COOKIES"),
                export.getList("consents.purpose"), "every event, in the order recorded");
        List<String> order = export.getList("consents.purpose");
        List<Boolean> granted = export.getList("consents.granted");
        // MARKETING: true (banner) -> false (page) -> true (page, with GPC): in the order they were made
        assertEquals(List.of(true, false, true), java.util.stream.IntStream.range(0, order.size())
                .filter(i -> order.get(i).equals("MARKETING")).mapToObj(granted::get).toList());
        List<String> at = export.getList("consents.at");
        for (int i = 1; i < at.size(); i++) {
            assertTrue(!Instant.parse(at.get(i)).isBefore(Instant.parse(at.get(i - 1))), "history out of order: " + at);
        }
        assertEquals("visitor", export.getString("consents[0].actor"));
        assertEquals(true, export.getBoolean("privacySignals[0].gpc"));
    }

    @Test
    void erasingTheVisitorErasesTheirChoicesAndSignal() {
        put("1", "{\"choices\":{\"ANALYTICS_SHARING\":true},\"source\":\"BANNER\"}").statusCode(200);
        given().auth().oauth2(Tokens.service("request-service")).contentType(ContentType.JSON)
                .body("{\"requestId\":\"e-" + visitor + "\"}").post("/internal/subjects/" + org + "/VISITOR/" + visitor + "/erasure")
                .then().statusCode(200).body("erased.what", hasItem("Global Privacy Control signal"));
        given().get(path()).then().statusCode(200).body("gpc", equalTo(false))
                .body("choices.findAll { it.granted || it.source != null }.size()", equalTo(0));
        assertEquals(0, events());
    }

    @Test
    void anUnknownOrgIs404() {
        given().get("/public/consents/no-such-org-" + UUID.randomUUID() + "/" + visitor).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"choices\":{\"MARKETING\":true},\"source\":\"BANNER\"}")
                .put("/public/consents/no-such-org-" + UUID.randomUUID() + "/" + visitor).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badVisitorIdsAndBodiesAre400NamingTheField() {
        for (String bad : List.of("short7c", "x".repeat(129), "has%20space", "semi%3Bcolon", "%C3%A9tranger")) {
            given().get("/public/consents/" + org + "/" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("visitorId"));
            given().contentType(ContentType.JSON).body("{\"choices\":{},\"source\":\"BANNER\"}")
                    .put("/public/consents/" + org + "/" + bad).then().statusCode(400).body("errors.field", hasItem("visitorId"));
        }
        given().get("/public/consents/" + org + "/" + "x".repeat(128)).then().statusCode(200);
        given().get("/public/consents/" + org + "/" + "a.b_c-D9").then().statusCode(200);
        put(null, "{\"choices\":{\"MARKETING\":\"true\"},\"source\":\"BANNER\"}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("choices.MARKETING"));
        put(null, "{\"choices\":{\"SELLING\":true},\"source\":\"BANNER\"}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("choices.SELLING"));
        put(null, "{\"choices\":{\"MARKETING\":true},\"source\":\"SOMEWHERE\"}").statusCode(400)
                .contentType("application/problem+json");
        put(null, "{\"choices\":{\"MARKETING\":true}}").statusCode(400).body("errors.field", hasItem("source"));
        put(null, "{\"source\":\"BANNER\"}").statusCode(400).body("errors.field", hasItem("choices"));
        assertEquals(0, events(), "nothing recorded from a refused request");
    }

    @Test
    void theBodyNamesEveryPurpose() {
        assertEquals(java.util.EnumSet.allOf(Purpose.class),
                new VisitorChoices.Choices(true, true, true, true, true).chosen().keySet(), "a purpose the body cannot carry");
        assertEquals(Purpose.values().length, VisitorChoices.Choices.class.getRecordComponents().length);
    }

    private String path() {
        return "/public/consents/" + org + "/" + visitor;
    }

    private ValidatableResponse put(String gpc, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (gpc != null) {
            request.header("Sec-GPC", gpc);
        }
        return request.put(path()).then();
    }

    private static String choice(String purpose) {
        return "choices.find { it.purpose == '" + purpose + "' }";
    }

    private long events() {
        return Db.count(db, "select count(*) from consent_event where org = ? and kind = 'VISITOR' and subject_id = ?", org, visitor);
    }
}
