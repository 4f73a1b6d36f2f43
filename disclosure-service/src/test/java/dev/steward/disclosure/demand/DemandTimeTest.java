package dev.steward.disclosure.demand;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.steward.disclosure.demand.Demands.intake;
import static dev.steward.disclosure.demand.Demands.receive;
import static dev.steward.disclosure.demand.Demands.subject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.disclosure.PeerStubs.AccountStub;
import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The workflow's durable side with time moved: preservations lapsing, gags lapsing and notices delivered. */
@QuarkusTest
class DemandTimeTest {

    private static final String SECRET = "client-callback-secret";

    @Inject
    MovableClock clock;

    @Inject
    DemandSweep sweep;

    @AccountStub
    WireMockServer account;

    private static io.restassured.response.ValidatableResponse held(String org, String id) {
        return given().auth().oauth2(Tokens.service("request-service"))
                .queryParam("org", org).queryParam("kind", "END_USER").queryParam("id", id)
                .when().get("/internal/holds/active").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse demand(String id) {
        return given().auth().oauth2(Tokens.auditor("audrey")).when().get("/legal-demands/" + id).then().statusCode(200);
    }

    @Test
    void preservationHoldsLapseUnlessExtendedOrFollowedByAProduction() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String org = "pres-" + UUID.randomUUID();
        String lapsing = receive("lena", intake("PRESERVATION_REQUEST", "CA", List.of(subject(org, "p-1"), subject(org, "p-2")),
                List.of(), today, 5));
        String extended = receive("lena", intake("PRESERVATION_REQUEST", "CA", List.of(subject(org, "p-3")), List.of(), today, 5));
        String followed = receive("lena", intake("PRESERVATION_REQUEST", "CA", List.of(subject(org, "p-4")), List.of(), today, 5));
        Map<String, Object> subpoena = intake("SUBPOENA", "CA", List.of(subject(org, "p-4")), List.of("user.contact.email"), today, 30);
        subpoena.put("followsDemand", followed);
        String subpoenaId = receive("lena", subpoena);

        held(org, "p-1").body("held", equalTo(true)).body("holds[0].reason", equalTo("PRESERVATION_REQUEST"));
        held(org, "p-2").body("held", equalTo(true));
        demand(lapsing).body("preservation.until", equalTo(today.plusDays(90).toString()))
                .body("preservation.holds", hasSize(2))
                .body("preservation.released", equalTo(false));

        // extended once, not twice; a subpoena is not extended
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON).body(Map.of("reason", "Agency asked for 90 more days"))
                .when().post("/legal-demands/" + extended + "/preservation/extension").then().statusCode(200)
                .body("preservation.until", equalTo(today.plusDays(180).toString()))
                .body("preservation.extended", equalTo(true));
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/legal-demands/" + extended + "/preservation/extension").then().statusCode(409);

        clock.advance(Duration.ofDays(85));
        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "preservation-expiring").queryParam("limit", 500)
                .when().get("/legal-demands").then().statusCode(200)
                .body("items.id", hasItem(lapsing)).body("items.id", not(hasItem(extended)));
        sweep.run();
        held(org, "p-1").body("held", equalTo(true)); // not lapsed yet
        demand(lapsing).body("preservation.holds", hasSize(2)); // the sweep completes missing holds, never doubles them

        clock.advance(Duration.ofDays(6)); // day 91: past the 90 days
        sweep.run();
        held(org, "p-1").body("held", equalTo(false));
        held(org, "p-2").body("held", equalTo(false));
        held(org, "p-3").body("held", equalTo(true));  // extended to day 180
        held(org, "p-4").body("held", equalTo(true));  // a production follows
        demand(lapsing).body("preservation.released", equalTo(true))
                .body("events.action", hasItem("PRESERVATION_LAPSED"));
        demand(followed).body("preservation.released", equalTo(false));
        // the subpoena was due on day 30: overdue now, counted by the gauge; its Client notice (no
        // callback registered for this org) was tried, failed, and is overdue with its last error
        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "overdue").queryParam("limit", 500)
                .when().get("/legal-demands").then().statusCode(200)
                .body("items.id", hasItem(subpoenaId))
                .body("items.find { it.id == '" + subpoenaId + "' }.deadline.overdue", equalTo(true));
        String gauge = given().when().get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(l -> l.startsWith("steward_legal_demands_overdue ")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(gauge.substring(gauge.indexOf(' ') + 1)) >= 1, gauge);
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("view", "overdue").queryParam("limit", 500)
                .when().get("/legal-notices").then().statusCode(200)
                .body("items.find { it.demandId == '" + subpoenaId + "' }.overdue", equalTo(true))
                .body("items.find { it.demandId == '" + subpoenaId + "' }.attempts", greaterThanOrEqualTo(1))
                .body("items.find { it.demandId == '" + subpoenaId + "' }.lastError", notNullValue());
        // a second run changes nothing more
        sweep.run();
        demand(lapsing).body("events.findAll { it.action == 'PRESERVATION_LAPSED' }", hasSize(1));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aLapsedGagMakesTheNoticeDueAndTheClientGetsASignedCallback() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String org = "gag-" + UUID.randomUUID();
        account.stubFor(get(urlPathEqualTo("/internal/orgs/" + org)).willReturn(okJson("{\"id\":\"" + org
                + "\",\"name\":\"Gagged Client\",\"status\":\"ACTIVE\",\"callbackUrl\":\"" + account.baseUrl()
                + "/client/" + org + "\",\"callbackSecret\":\"" + SECRET + "\"}")));
        account.stubFor(post(urlPathEqualTo("/client/" + org)).willReturn(aResponse().withStatus(204)));
        Map<String, Object> body = intake("COURT_ORDER", "US", List.of(subject(org, "g-1"), subject("other-" + org, "g-2")),
                List.of("user.contact.email"), today, 30);
        body.put("nonDisclosureOrder", Map.of("authority", "US District Court, 18 U.S.C. 2705(b)",
                "until", today.plusDays(10).toString()));
        String id = receive("lena", body);
        demand(id).body("nonDisclosureActive", equalTo(true));

        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "due").when().get("/legal-notices").then()
                .statusCode(200).body("items.demandId", not(hasItem(id)));
        sweep.run();
        assertEquals(0, account.findAll(postRequestedFor(urlPathEqualTo("/client/" + org))).size());

        clock.advance(Duration.ofDays(11)); // the order lapsed yesterday
        given().auth().oauth2(Tokens.officer("olga")).queryParam("view", "due").when().get("/legal-notices").then()
                .statusCode(200).body("items.findAll { it.demandId == '" + id + "' }.org", hasItem(org));
        sweep.run();

        List<LoggedRequest> sent = account.findAll(postRequestedFor(urlPathEqualTo("/client/" + org)));
        assertEquals(1, sent.size());
        LoggedRequest callback = sent.get(0);
        String payload = callback.getBodyAsString();
        String delivery = callback.getHeader("Steward-Delivery-Id");
        Map<String, String> sig = parse(callback.getHeader("Steward-Signature"));
        long t = Long.parseLong(sig.get("t"));
        assertEquals(hmac(t + "." + payload), sig.get("v1"));
        assertEquals(hmac(t + "." + delivery + "." + payload), sig.get("v2"));
        assertTrue(Math.abs(Instant.now(clock).getEpochSecond() - t) < 300);
        assertTrue(payload.contains(id) && payload.contains("g-1"), payload);
        assertTrue(!payload.contains("g-2"), "another Client's end user is not in this Client's notice");

        demand(id).body("events.action", hasItem("NOTICE_DELIVERED"));
        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "due").when().get("/legal-notices").then()
                .statusCode(200).body("items.findAll { it.demandId == '" + id + "' }.org", not(hasItem(org)));
        sweep.run(); // acknowledged: never sent again
        assertEquals(1, account.findAll(postRequestedFor(urlPathEqualTo("/client/" + org))).size());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("steward_peer_calls_seconds_count{outcome=\"success\",peer=\"client-callback\"}"));
    }

    @Test
    void liftingAnIndefiniteGagMakesTheNoticeDue() {
        LocalDate today = LocalDate.now(clock);
        String org = "lift-" + UUID.randomUUID();
        Map<String, Object> body = intake("SUBPOENA", "US", List.of(subject(org, "l-1")), List.of("user.contact.email"), today, 30);
        body.put("nonDisclosureOrder", Map.of("authority", "Grand jury", "indefinite", true,
                "reviewOn", today.plusDays(180).toString()));
        String id = receive("lena", body);
        String lift = "/legal-demands/" + id + "/gag-lift-efforts";
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("description", "Asked the prosecutor to consent to notice", "result", "REFUSED"))
                .when().post(lift).then().statusCode(200).body("nonDisclosureActive", equalTo(true));
        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "due").when().get("/legal-notices").then()
                .statusCode(200).body("items.demandId", not(hasItem(id)));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("description", "Court granted the motion to lift", "result", "LIFTED"))
                .when().post(lift).then().statusCode(200).body("nonDisclosureActive", equalTo(false));
        given().auth().oauth2(Tokens.legal("lena")).queryParam("view", "due").when().get("/legal-notices").then()
                .statusCode(200).body("items.demandId", hasItem(id));
        // nothing left to lift
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("description", "again", "result", "LIFTED"))
                .when().post(lift).then().statusCode(409);
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            out.put(kv[0].trim(), kv[1]);
        }
        return out;
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
