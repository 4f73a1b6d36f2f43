package dev.steward.disclosure.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.steward.disclosure.record.Disclosures.post;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static dev.steward.disclosure.record.Disclosures.toServiceProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.steward.disclosure.PeerStubs;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DisclosureResourceTest {

    @PeerStubs.AccountStub
    WireMockServer account;

    private static String consentsPath(String org, String kind, String id) {
        return "/internal/subjects/" + org + "/" + kind + "/" + id + "/consents";
    }

    @Test
    void recordsEveryFieldAndAnswersWithItsLedgerEntry() {
        String org = "acme-" + UUID.randomUUID();
        Map<String, Object> body = subpoena(subject(org, "END_USER", "u-1"), LocalDate.now().minusDays(2));
        String id = post(body).statusCode(201)
                .body("recordedBy", equalTo("lena"))
                .body("approver", equalTo("priya"))
                .body("recipient.type", equalTo("LAW_ENFORCEMENT"))
                .body("recipient.contact", equalTo("Det. Jane Roe, 1 Police Plaza"))
                .body("legalBasis", equalTo("SUBPOENA"))
                .body("caseReference", equalTo("SUB-2026-0042"))
                .body("subjects[0].org", equalTo(org))
                .body("dataCategories", hasItem("user.device.ip_address"))
                .body("attachments[0].sha256", equalTo("ab".repeat(32)))
                .body("outcome", equalTo("CONTENT_DISCLOSED"))
                .body("voluntary", equalTo(false))
                .body("ledger.seq", notNullValue())
                .body("ledger.hash", matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");
        for (String token : new String[] {Tokens.legal("leo"), Tokens.officer("olivia"), Tokens.auditor("audrey")}) {
            given().auth().oauth2(token).when().get("/disclosures/" + id)
                    .then().statusCode(200).body("id", equalTo(id)).body("purpose", equalTo("Criminal investigation"));
        }
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", org).queryParam("kind", "END_USER")
                .queryParam("id", "u-1").when().get("/disclosures")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void fourEyesForLawEnforcementAndRegulators() {
        Map<String, Object> body = subpoena(subject("acme", "ACCOUNT", "a-1"), LocalDate.now());
        // a typed name proves nobody approved anything: refused, whoever it names
        body.put("approver", "lena");
        post(body).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("approver"))
                .body("detail", containsString("second legal user"));
        body.put("approver", "priya");
        post(body).statusCode(422).body("errors[0].field", equalTo("approver"));
        body.remove("approver");
        body.put("recipient", Map.of("type", "REGULATOR", "name", "Data Protection Authority"));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(body).when().post("/disclosures")
                .then().statusCode(422).body("errors[0].field", equalTo("approval"));
        post(body).statusCode(201).body("approver", equalTo("priya"));
        // a consumer-reporting agency needs no second person
        body.put("recipient", Map.of("type", "CONSUMER_REPORTING_AGENCY", "name", "Credit Bureau"));
        body.put("legalBasis", "FRAUD_PREVENTION");
        post(body).statusCode(201);
    }

    @Test
    void aCorrectionIsANewEntryReferencingTheOldOne() {
        Map<String, Object> body = subpoena(subject("acme", "END_USER", "corr-" + UUID.randomUUID()), LocalDate.now());
        String original = post(body).statusCode(201).extract().path("id");
        int seq = post(body).statusCode(201).extract().path("ledger.seq");
        body.put("corrects", original);
        body.put("correctionNote", "The IP addresses were not disclosed");
        body.put("dataCategories", java.util.List.of("user.contact.email"));
        String correction = post(body).statusCode(201)
                .body("corrects", equalTo(original))
                .body("ledger.seq", org.hamcrest.Matchers.greaterThan(seq))
                .extract().path("id");
        given().auth().oauth2(Tokens.legal("lena")).when().get("/disclosures/" + original)
                .then().statusCode(200)
                .body("correctedBy", hasItem(correction))
                .body("dataCategories", hasItem("user.device.ip_address"));
        body.put("corrects", UUID.randomUUID().toString());
        post(body).statusCode(422).body("errors[0].field", equalTo("corrects"));
        body.remove("correctionNote");
        post(body).statusCode(400).body("errors.field", hasItem("correctionNote"));
    }

    @Test
    void invalidRecordsAreProblemsNamingTheFields() {
        Map<String, Object> body = subpoena(subject("acme", "ACCOUNT", "a-1"), LocalDate.now());
        body.remove("disclosedOn");
        body.put("attachments", java.util.List.of(Map.of("name", "x", "sha256", "not-a-hash")));
        body.put("nonDisclosureOrder", Map.of("indefinite", true));
        post(body).statusCode(400)
                .body("errors.field", hasItem("disclosedOn"))
                .body("errors.field", hasItem("nonDisclosureOrder"))
                .body("errors.field", hasItem(containsString("sha256")));
        Map<String, Object> future = subpoena(subject("acme", "ACCOUNT", "a-1"), LocalDate.now().plusYears(5));
        post(future).statusCode(422).body("errors.field", hasItem("disclosedOn"));
    }

    @Test
    void optedOutOrRestrictedSubjectsRefuseVoluntaryDisclosures() {
        String optedOut = "opt-" + UUID.randomUUID();
        account.stubFor(get(urlPathEqualTo(consentsPath("acme", "END_USER", optedOut))).atPriority(1)
                .willReturn(okJson(PeerStubs.ALLOWED.replace("\"THIRD_PARTY_SHARING\":true", "\"THIRD_PARTY_SHARING\":false"))));
        post(toServiceProvider(subject("acme", "END_USER", optedOut))).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("opted out of sharing with third parties"));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", "acme").queryParam("kind", "END_USER")
                .queryParam("id", optedOut).when().get("/disclosures")
                .then().statusCode(200).body("items", hasSize(0));
        // a legally compelled disclosure is recorded regardless
        post(subpoena(subject("acme", "END_USER", optedOut), LocalDate.now())).statusCode(201);

        String restricted = "res-" + UUID.randomUUID();
        account.stubFor(get(urlPathEqualTo(consentsPath("acme", "END_USER", restricted))).atPriority(1)
                .willReturn(okJson(PeerStubs.ALLOWED.replace("\"restricted\":false", "\"restricted\":true"))));
        Map<String, Object> consent = toServiceProvider(subject("acme", "END_USER", restricted));
        consent.put("legalBasis", "CONSENT");
        post(consent).statusCode(409).body("detail", containsString("restricted"));

        // a subject who did not opt out: the voluntary disclosure is recorded
        post(toServiceProvider(subject("acme", "END_USER", "fine-" + UUID.randomUUID()))).statusCode(201)
                .body("voluntary", equalTo(true));
    }

    @Test
    void accountServiceDownBlocksVoluntaryButNotCompelledDisclosures() {
        String who = "down-" + UUID.randomUUID();
        account.stubFor(get(urlPathEqualTo(consentsPath("acme", "END_USER", who))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        post(toServiceProvider(subject("acme", "END_USER", who))).statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("not recorded"));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", "acme").queryParam("kind", "END_USER")
                .queryParam("id", who).when().get("/disclosures")
                .then().statusCode(200).body("items", hasSize(0));
        post(subpoena(subject("acme", "END_USER", who), LocalDate.now())).statusCode(201);
    }

    @Test
    void roleMatrix() {
        Map<String, Object> body = subpoena(subject("acme", "ACCOUNT", "a-1"), LocalDate.now());
        for (String token : new String[] {Tokens.customer("carl"), Tokens.clientAdmin("cora", "acme"),
                Tokens.auditor("audrey"), Tokens.officer("olivia"), Tokens.service("request-service")}) {
            post(token, body).statusCode(403);
        }
        for (String token : new String[] {Tokens.customer("carl"), Tokens.clientAdmin("cora", "acme")}) {
            given().auth().oauth2(token).when().get("/disclosures").then().statusCode(403);
            given().auth().oauth2(token).when().get("/disclosures/" + UUID.randomUUID()).then().statusCode(403);
            given().auth().oauth2(token).when().get("/ledger/verify").then().statusCode(403);
            given().auth().oauth2(token).when().get("/reports/transparency").then().statusCode(403);
            given().auth().oauth2(token).when().get("/internal/subjects/acme/ACCOUNT/a-1/accounting").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.auditor("audrey")).when().post("/ledger/checkpoints").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify").then().statusCode(200);
        given().when().get("/disclosures").then().statusCode(401);
    }
}
