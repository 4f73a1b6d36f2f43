package dev.steward.request.compliance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void theReportCombinesLiveFiguresAndAPeerDownIsUnavailableNotA500() {
        disclosure.stubFor(get(urlPathEqualTo("/internal/compliance")).willReturn(okJson(
                "{\"ledger\":{\"valid\":true,\"size\":42,\"firstBroken\":null},\"activeHolds\":2,\"subprocessorsWithoutAgreement\":1}")));
        account.stubFor(get(urlPathEqualTo("/internal/compliance")).willReturn(aResponse().withStatus(503)));
        String done = Api.submitted(Tokens.customer("cmp-1"), Map.of("type", "COMPLAINT", "description", "d"));
        Api.action(Tokens.officer("olivia"), done, "resolve", Map.of("resolution", "ok")).then().statusCode(200);

        for (String token : new String[] {Tokens.officer("olivia"), Tokens.auditor("aud")}) {
            JsonPath report = given().auth().oauth2(token).when().get("/compliance/report").then().statusCode(200)
                    .body("disclosure.status", equalTo("available"))
                    .body("disclosure.ledger.valid", equalTo(true))
                    .body("disclosure.activeHolds", equalTo(2))
                    .body("disclosure.subprocessorsWithoutAgreement", equalTo(1))
                    .body("account.status", equalTo("unavailable"))
                    .extract().jsonPath();
            assertTrue(report.getInt("requests.answered") >= 1);
            double share = report.getDouble("requests.shareAnsweredOnTime");
            assertTrue(share > 0 && share <= 1, "share " + share);
        }

        account.stubFor(get(urlPathEqualTo("/internal/compliance")).willReturn(okJson(
                "{\"flaggedSensitiveRecords\":3,\"retentionOverruns\":0}")));
        disclosure.stubFor(get(urlPathEqualTo("/internal/compliance")).willReturn(aResponse().withFixedDelay(0).withStatus(500)));
        // account-service is back: once its circuit breaker lets a trial call through, the section returns
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "available".equals(given().auth().oauth2(Tokens.auditor("aud")).when().get("/compliance/report")
                        .then().statusCode(200).extract().path("account.status")));
        given().auth().oauth2(Tokens.auditor("aud")).when().get("/compliance/report").then().statusCode(200)
                .body("account.status", equalTo("available"))
                .body("account.flaggedSensitiveRecords", equalTo(3))
                .body("account.retentionOverruns", equalTo(0))
                .body("disclosure.status", equalTo("unavailable"));
    }

    @Test
    void yearlyMetricsPerType() {
        String officer = Tokens.officer("olivia");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        JsonPath before = metrics(year);
        String a = Api.submitted(Tokens.customer("met-1"), Map.of("type", "COMPLAINT", "description", "d"));
        String b = Api.submitted(Tokens.customer("met-2"), Map.of("type", "COMPLAINT", "description", "d"));
        Api.action(officer, a, "resolve", Map.of("resolution", "ok")).then().statusCode(200);
        Api.action(officer, b, "deny", Map.of("reasonCode", "IDENTITY_NOT_VERIFIED")).then().statusCode(200);
        JsonPath after = metrics(year);
        String complaint = "types.find { it.type == 'COMPLAINT' }.";
        assertEquals(before.getInt(complaint + "received") + 2, after.getInt(complaint + "received"));
        assertEquals(before.getInt(complaint + "complied") + 1, after.getInt(complaint + "complied"));
        assertEquals(before.getInt(complaint + "denied") + 1, after.getInt(complaint + "denied"));
        assertTrue(after.getDouble(complaint + "medianDays") >= 0);
        assertEquals(5, after.getList("types").size());
        assertEquals(0, metrics(2001).getInt("types.find { it.type == 'ACCESS' }.received"));
        given().auth().oauth2(officer).queryParam("year", 1066).when().get("/reports/metrics").then().statusCode(400);
    }

    @Test
    void requestRecordsAreKeptAtLeast24Months() throws Exception {
        String id = Api.submitted(Tokens.customer("keep-1"), Map.of("type", "COMPLAINT", "description", "d"));
        try (java.sql.Connection c = db.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("delete from dsr_request where id = ?::uuid")) {
            ps.setString(1, id);
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    ps::executeUpdate);
            assertTrue(refused.getMessage().contains("24 months"), refused.getMessage());
        }
        Api.get(Tokens.customer("keep-1"), id);
    }

    private static JsonPath metrics(int year) {
        return given().auth().oauth2(Tokens.auditor("aud")).queryParam("year", year).when().get("/reports/metrics")
                .then().statusCode(200).extract().jsonPath();
    }
}
