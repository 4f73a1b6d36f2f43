package dev.steward.request.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each request type end to end through its durable steps, against contract-shaped peer stubs. */
@QuarkusTest
class RequestTypesTest {

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void accessProducesOneReportTheSubjectCanDownload() {
        Contract.access(account, disclosure, "steward", "ACCOUNT", "ada");
        String ada = Tokens.customer("ada");
        String id = Api.submitted(ada, Map.of("type", "ACCESS", "jurisdiction", "GDPR"));

        JsonPath done = Api.awaitStatus(ada, id, "COMPLETED");
        assertEquals(2, done.getInt("outcome.report.personalData.fields"));
        assertEquals(1, done.getInt("outcome.report.disclosures.entries"));
        assertEquals(List.of("RECEIVED", "VERIFIED", "IN_PROGRESS", "COMPLETED"), done.getList("events.to"));
        assertEquals("verified by the subject's own token", done.getString("events[1].note"));
        // failed attempts may interleave (a circuit left open by another test), but each step succeeded once
        assertEquals(List.of("EXPORT", "ACCOUNTING", "REPORT"),
                done.getList("executionLog.findAll { it.outcome == 'SUCCEEDED' }.step"));

        given().auth().oauth2(ada).when().get("/requests/" + id + "/report").then().statusCode(200)
                .body("subject.id", equalTo("ada"))
                .body("personalData.fields.name", equalTo(List.of("fullName", "email")))
                .body("personalData.fields[0].category", equalTo("IDENTIFIER"))
                .body("personalData.fields[0].retention", equalTo("P7Y"))
                .body("personalData.accessLogs[0].ip", equalTo("203.0.113.9"))
                .body("disclosures.entries[0].legalBasis", equalTo("SUBPOENA"))
                .body("disclosures.summaries[0].count", equalTo(1));
        given().auth().oauth2(ada).queryParam("format", "html").when().get("/requests/" + id + "/report").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Carol &lt;Tester&gt;")).body(not(containsString("Carol <Tester>")))
                .body(containsString("City Police"));

        // an expiring signed link works without a token; a tampered one does not
        String url = given().auth().oauth2(ada).when().post("/requests/" + id + "/report/link").then().statusCode(200)
                .extract().path("url");
        given().when().get(url).then().statusCode(200).body("requestId", equalTo(id));
        given().when().get(url.replace("signature=", "signature=x")).then().statusCode(404);
        String longer = url.replaceFirst("expires=(\\d+)", "expires=" + (Long.parseLong(
                url.replaceFirst(".*expires=(\\d+).*", "$1")) + 86_400));
        given().when().get(longer).then().statusCode(404);

        // each peer was asked once
        account.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("ada") + "/export")));
        disclosure.verify(1, getRequestedFor(urlPathEqualTo(Contract.customer("ada") + "/accounting")));
    }

    @Test
    void accessForAnUnknownSubjectSaysNoDataIsHeld() {
        Contract.unknownSubject(disclosure, "steward", "ACCOUNT", "nobody-known");
        String nobody = Tokens.customer("nobody-known");
        String id = Api.submitted(nobody, Map.of("type", "ACCESS"));
        Api.awaitStatus(nobody, id, "COMPLETED");
        given().auth().oauth2(nobody).when().get("/requests/" + id + "/report").then().statusCode(200)
                .body("noDataHeld", equalTo(true)).body("personalData.fields.size()", equalTo(0));
    }

    @Test
    void aMissingAccountingEndpointFailsTheRequestInsteadOfReportingNoDisclosures() {
        account.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(Contract.customer("mia") + "/export"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Contract.exportJson("steward", "ACCOUNT", "mia"))));
        String mia = Tokens.customer("mia");
        String id = Api.submitted(mia, Map.of("type", "ACCESS"));
        Api.awaitStatus(mia, id, "FAILED");
    }

    @Test
    void rectificationNamesTheChangedFieldsOnly() {
        Contract.rectification(account, Contract.customer("rex"), "[\"phone\",\"billingAddress\"]");
        String rex = Tokens.customer("rex");
        String id = Api.submitted(rex, Map.of("type", "RECTIFICATION",
                "changes", Map.of("phone", "+1 555 0100", "billingAddress", "1 Main St")));
        JsonPath done = Api.awaitStatus(rex, id, "COMPLETED");
        assertEquals(List.of("phone", "billingAddress"), done.getList("outcome.changedFields"));
        assertFalse(done.prettify().contains("555 0100"), "the outcome holds names, not values");
        account.verify(1, postRequestedFor(urlPathEqualTo(Contract.customer("rex") + "/rectification"))
                .withRequestBody(equalToJson("{\"requestId\":\"" + id + "\",\"changes\":{\"billingAddress\":\"1 Main St\","
                        + "\"phone\":\"+1 555 0100\"}}")));
    }

    @Test
    void rectificationWithoutChangesIs400() {
        Api.submit(Tokens.customer("rex2"), Map.of("type", "RECTIFICATION")).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("changes"));
    }

    @Test
    void erasureListsWhatWasErasedAndWhatWasKeptWithItsException() {
        String path = Contract.customer("erin");
        Contract.noHolds(disclosure, "steward", "ACCOUNT", "erin");
        Contract.erasure(account, path, Contract.LOGS_KEPT);
        String erin = Tokens.authenticatedAgo(60, "erin", "steward", "customer");
        String id = Api.submitted(erin, Map.of("type", "ERASURE", "jurisdiction", "CCPA"));
        JsonPath done = Api.awaitStatus(erin, id, "COMPLETED");
        assertEquals(List.of("account fields", "consents"), done.getList("outcome.erased.what"));
        assertEquals("8a", done.getString("outcome.kept[0].exception"));
        assertEquals(List.of("CHECK_HOLDS", "ERASE"),
                done.getList("executionLog.findAll { it.outcome == 'SUCCEEDED' }.step"));
        account.verify(1, postRequestedFor(urlPathEqualTo(path + "/erasure"))
                .withRequestBody(equalToJson("{\"requestId\":\"" + id + "\"}")));
    }

    @Test
    void erasureOfATerminatedViolatorIsPartial() {
        String path = Contract.subject("steward", "ACCOUNT", "vic");
        Contract.noHolds(disclosure, "steward", "ACCOUNT", "vic");
        Contract.erasure(account, path, "[{\"what\":\"minimal account record\",\"count\":1,\"exception\":\"8c\","
                + "\"reason\":\"terminated for violation\"}]");
        String officer = Tokens.officer("olivia");
        String id = Api.submitted(officer, Map.of("type", "ERASURE", "attestation", "signed letter on file",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "vic")));
        JsonPath done = Api.awaitStatus(officer, id, "PARTIALLY_COMPLETED");
        assertEquals("8c", done.getString("outcome.kept[0].exception"));
    }

    @Test
    void restrictionRestrictsInAccountService() {
        Contract.restriction(account, Contract.customer("rita"));
        String rita = Tokens.customer("rita");
        String id = Api.submitted(rita, Map.of("type", "RESTRICTION"));
        JsonPath done = Api.awaitStatus(rita, id, "COMPLETED");
        assertTrue(done.getBoolean("outcome.restriction.restricted"));
        assertFalse(done.getBoolean("outcome.restriction.consents.THIRD_PARTY_SHARING"));
    }

    @Test
    void aComplaintIsWorkedByAnOfficer() {
        String cora = Tokens.customer("cora");
        String officer = Tokens.officer("olivia");
        String id = Api.submitted(cora, Map.of("type", "COMPLAINT", "description", "You emailed me after I opted out"));
        assertEquals("IN_PROGRESS", Api.status(cora, id));
        Api.action(officer, id, "notes", Map.of("text", "marketing list checked; opt-out applied late")).then().statusCode(204);
        Api.action(cora, id, "notes", Map.of("text", "me too")).then().statusCode(403);
        Api.action(officer, id, "resolve", Map.of("resolution", "Apologised; list fixed")).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        JsonPath seen = Api.get(officer, id);
        assertEquals("opt-out applied late", seen.getString("notes[0].text").replaceFirst(".*; ", ""));
        assertEquals("Apologised; list fixed", Api.get(cora, id).getString("outcome.resolution"));
        org.junit.jupiter.api.Assertions.assertNull(Api.get(cora, id).get("notes"), "working notes are for officers");
    }
}
